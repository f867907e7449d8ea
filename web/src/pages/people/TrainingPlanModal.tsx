import { App, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { applyFieldError } from '../../api/formErrors';
import { useCreatePlan } from '../../api/people';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';

const KINDS = ['internal', 'external', 'online', 'case_study'] as const;
const SUBJECTS = ['pre_post', 'confidentiality', 'system_use', 'business', 'other'] as const;

/** 新建培训计划: the dialog that adds a training plan for the hall and year. */
export function TrainingPlanModal({ hallId, year, onClose }: { hallId: string; year: number; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const create = useCreatePlan();
  const [form] = Form.useForm();
  const save = async () => {
    const v = await form.validateFields();
    try {
      await create.mutateAsync({ ...v, hallId, year });
      message.success(t('tr.planCreated'));
      onClose();
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    }
  };
  return (
    <Modal
      open
      title={t('tr.newPlan')}
      onOk={save}
      confirmLoading={create.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'internal', subject: 'pre_post', passScore: 60 }}>
        <Form.Item name="title" label={t('tr.title')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Space size={16}>
          <Form.Item name="kind" label={t('tr.kind')}>
            <Select style={{ width: 160 }} options={KINDS.map((k) => ({ value: k, label: t(`pp.kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="subject" label={t('tr.subject')}>
            <Select style={{ width: 160 }} options={SUBJECTS.map((k) => ({ value: k, label: t(`pp.subject.${k}`) }))} />
          </Form.Item>
          <Form.Item name="passScore" label={t('tr.passScore')}>
            <InputNumber min={0} max={100} />
          </Form.Item>
        </Space>
        <Form.Item name="description" label={t('tr.description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
