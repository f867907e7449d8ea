import { App, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { normChecks } from '../../../../server/src/domain/inspections/index.ts';
import { applyFieldError } from '../../api/formErrors';
import { type Mark, useRecordNormCheck } from '../../api/inspections';
import { useColleagues } from '../../api/staff';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';
import { checkLabel } from './labels';

interface NormForm {
  userId: string;
  checks: Record<string, Mark>;
  note: string;
  workingDays: number;
}

/** 服务规范检查 on the floor: one person against 工作牌, 着装, 在岗, 文明用语; a problem becomes a 整改通知. */
export function NormCheckModal({ hallId, onClose }: { hallId: string; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const record = useRecordNormCheck();
  const colleagues = useColleagues(hallId);
  const [form] = Form.useForm<NormForm>();
  const save = async () => {
    const v = await form.validateFields();
    try {
      const out = await record.mutateAsync({ hallId, ...v, note: v.note ?? '' });
      message.success(t(out.items[0]?.rectificationId ? 'ins.norm.savedProblem' : 'ins.norm.savedPass'));
      onClose();
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    }
  };
  return (
    <Modal
      open
      width={620}
      title={t('ins.norm.title')}
      onOk={save}
      okText={t('ins.check.save')}
      confirmLoading={record.isPending}
      onCancel={onClose}
    >
      <Form<NormForm>
        form={form}
        layout="horizontal"
        labelCol={{ span: 7 }}
        initialValues={{ checks: Object.fromEntries(normChecks.map((c) => [c.key, 'ok'])), workingDays: 3, note: '' }}
      >
        <Form.Item
          name="userId"
          label={t('ins.norm.subject')}
          rules={[{ required: true, message: t('ins.norm.subjectRequired') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={colleagues.isLoading}
            options={(colleagues.data?.items ?? []).map((c) => ({ value: c.userId, label: c.name }))}
          />
        </Form.Item>
        {normChecks.map((c) => (
          <Form.Item key={c.key} name={['checks', c.key]} label={checkLabel(t, c)}>
            <Radio.Group
              options={[
                { value: 'ok', label: t('ins.mark.ok') },
                { value: 'problem', label: t('ins.mark.problem') },
              ]}
            />
          </Form.Item>
        ))}
        <Form.Item name="note" label={t('ins.check.note')}>
          <Input.TextArea rows={3} maxLength={1000} placeholder={t('ins.check.notePlaceholder')} />
        </Form.Item>
        <Form.Item name="workingDays" label={t('ins.check.workingDays')}>
          <InputNumber min={1} max={30} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
