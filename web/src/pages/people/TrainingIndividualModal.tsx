import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { applyFieldError } from '../../api/formErrors';
import { useCreateIndividualPlan } from '../../api/people';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';
import { dayText, useStaffOptions } from './common';
import { chinaToday } from '../../lib/china-day';

/** 新建个人培训计划: the dialog that sets a colleague an individual training plan with a due day. */
export function TrainingIndividualModal({ hallId, onClose }: { hallId: string; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const create = useCreateIndividualPlan();
  const staff = useStaffOptions(hallId);
  const [form] = Form.useForm<{ userId: string; goal: string; topics: string; dueDay: Dayjs }>();
  const save = async () => {
    const v = await form.validateFields();
    try {
      await create.mutateAsync({ ...v, topics: v.topics ?? '', dueDay: dayText(v.dueDay) });
      message.success(t('tr.individualCreated'));
      onClose();
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    }
  };
  return (
    <Modal open title={t('tr.newIndividual')} onOk={save} confirmLoading={create.isPending} onCancel={onClose}>
      <Form form={form} layout="vertical" initialValues={{ dueDay: chinaToday().add(1, 'month') }}>
        <Form.Item name="userId" label={t('pp.person')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={staff} />
        </Form.Item>
        <Form.Item name="goal" label={t('tr.goal')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="topics" label={t('tr.topics')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="dueDay" label={t('tr.dueDay')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
