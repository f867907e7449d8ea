import { Form, Input, Modal, Select } from 'antd';
import { useColleagues, useCaseAction } from '../../api/cases';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';

interface Props {
  caseId: string;
  step: { id: string; name: string; role: string; departmentId: string | null; assignee: { id: string } | null };
  /** 指派 by a supervisor or the department's staff; 转交 by the step's own assignee. */
  mode: 'assign' | 'hand-over';
  onClose(): void;
}

/** Picks a colleague of the step's department and records the note on the trail. */
export function AssignStepModal({ caseId, step, mode, onClose }: Props) {
  const t = useT();
  const notify = useNotifyError();
  const [form] = Form.useForm<{ userId: string; note: string }>();
  const colleagues = useColleagues(step.departmentId);
  const action = useCaseAction(caseId);
  const options = (colleagues.data?.items ?? [])
    // Only colleagues holding the step's post may take it (the server checks the department and level too).
    .filter((u) => u.id !== step.assignee?.id && u.roles.includes(step.role))
    .map((u) => ({ value: u.id, label: `${u.name}（${u.username}）` }));
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await action.mutateAsync({
        path: `steps/${step.id}/${mode}`,
        body: { userId: values.userId, note: values.note ?? '' },
      });
      onClose();
    } catch (e) {
      notify(e);
    }
  };
  return (
    <Modal
      open
      title={t(mode === 'assign' ? 'bo.assignTitle' : 'bo.handOverTitle', { step: step.name })}
      okText={t(mode === 'assign' ? 'bo.assign' : 'bo.handOver')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={action.isPending}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="userId"
          label={t('bo.colleague')}
          rules={[{ required: true, message: t('bo.colleagueRequired') }]}
        >
          <Select showSearch optionFilterProp="label" options={options} loading={colleagues.isLoading} />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('bo.handOverNote')}
          rules={[{ required: mode === 'hand-over', message: t('bo.handOverNoteRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
