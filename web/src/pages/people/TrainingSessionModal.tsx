import { App, DatePicker, Form, Input, InputNumber, Modal, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { applyFieldError } from '../../api/formErrors';
import { type TrainingPlan, useAddSession } from '../../api/people';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';
import { dayText } from './common';
import { chinaToday } from '../../lib/china-day';

/** 添加场次: the dialog that adds a session (day, hours, place, trainer) to a plan. */
export function TrainingSessionModal({ plan, onClose }: { plan: TrainingPlan; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const add = useAddSession();
  const [form] = Form.useForm<{ day: Dayjs; hours: number; place: string; trainer: string }>();
  const save = async () => {
    const v = await form.validateFields();
    try {
      await add.mutateAsync({
        planId: plan.id,
        ...v,
        day: dayText(v.day),
        place: v.place ?? '',
        trainer: v.trainer ?? '',
      });
      message.success(t('tr.sessionAdded'));
      onClose();
    } catch (e) {
      if (!applyFieldError(form, e)) notify(e);
    }
  };
  return (
    <Modal
      open
      title={`${t('tr.addSession')}：${plan.title}`}
      onOk={save}
      confirmLoading={add.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ day: chinaToday(), hours: 4 }}>
        <Space size={16}>
          <Form.Item name="day" label={t('tr.day')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="hours" label={t('tr.hours')} rules={[{ required: true }]}>
            <InputNumber min={0.5} max={24} step={0.5} />
          </Form.Item>
        </Space>
        <Form.Item name="place" label={t('tr.place')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="trainer" label={t('tr.trainer')}>
          <Input maxLength={60} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
