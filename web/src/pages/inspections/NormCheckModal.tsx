import { App, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { normChecks } from '../../../../server/src/domain/inspections/index.ts';
import { applyFieldError } from '../../api/formErrors';
import { type Mark, useRecordNormCheck } from '../../api/inspections';
import { useColleagues } from '../../api/staff';
import { useNotifyError } from '../../components/useNotifyError';

interface NormForm {
  userId: string;
  checks: Record<string, Mark>;
  note: string;
  workingDays: number;
}

/** 服务规范检查 on the floor: one person against 工作牌, 着装, 在岗, 文明用语; a problem becomes a 整改通知. */
export function NormCheckModal({ hallId, onClose }: { hallId: string; onClose: () => void }) {
  const { message } = App.useApp();
  const notify = useNotifyError();
  const record = useRecordNormCheck();
  const colleagues = useColleagues(hallId);
  const [form] = Form.useForm<NormForm>();
  const save = async () => {
    const v = await form.validateFields();
    try {
      const out = await record.mutateAsync({ hallId, ...v, note: v.note ?? '' });
      message.success(
        out.items[0]?.rectificationId ? '已登记问题，并向该人员发出整改通知' : '已登记：服务规范检查无问题',
      );
      onClose();
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    }
  };
  return (
    <Modal
      open
      width={620}
      title="服务规范检查"
      onOk={save}
      okText="保存检查结果"
      confirmLoading={record.isPending}
      onCancel={onClose}
    >
      <Form<NormForm>
        form={form}
        layout="horizontal"
        labelCol={{ span: 7 }}
        initialValues={{ checks: Object.fromEntries(normChecks.map((c) => [c.key, 'ok'])), workingDays: 3, note: '' }}
      >
        <Form.Item name="userId" label="检查对象" rules={[{ required: true, message: '请选择被检查人员' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={colleagues.isLoading}
            options={(colleagues.data?.items ?? []).map((c) => ({ value: c.userId, label: c.name }))}
          />
        </Form.Item>
        {normChecks.map((c) => (
          <Form.Item key={c.key} name={['checks', c.key]} label={c.label}>
            <Radio.Group
              options={[
                { value: 'ok', label: '符合' },
                { value: 'problem', label: '有问题' },
              ]}
            />
          </Form.Item>
        ))}
        <Form.Item name="note" label="问题说明">
          <Input.TextArea rows={3} maxLength={1000} placeholder="发现问题时写明具体情况" />
        </Form.Item>
        <Form.Item name="workingDays" label="整改期限（工作日）">
          <InputNumber min={1} max={30} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
