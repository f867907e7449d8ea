import { Button, Form, Input, Modal, Radio, Space } from 'antd';
import { type DayInfo, useRemoveHallDay, useSetHallDay } from '../../api/calendar';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';

/** Set one day of the hall closed or working (with a note), or drop the hall's own setting. */
export function DayModal({ hallId, day, onClose }: { hallId: string; day: DayInfo; onClose: () => void }) {
  const t = useT();
  const notify = useNotifyError();
  const [form] = Form.useForm<{ kind: 'closed' | 'working'; note: string }>();
  const set = useSetHallDay(hallId);
  const remove = useRemoveHallDay(hallId);
  const save = async (v: { kind: 'closed' | 'working'; note: string }) => {
    try {
      await set.mutateAsync({ date: day.date, kind: v.kind, note: v.note });
      onClose();
    } catch (e) {
      notify(e);
    }
  };
  const drop = async () => {
    try {
      await remove.mutateAsync(day.date);
      onClose();
    } catch (e) {
      notify(e);
    }
  };
  return (
    <Modal
      open
      title={t('cal.dayTitle', { date: day.date })}
      onCancel={onClose}
      footer={
        <Space>
          {day.source === 'hall' && (
            <Button danger loading={remove.isPending} onClick={drop}>
              {t('cal.removeSetting')}
            </Button>
          )}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={set.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <p>
        {t('cal.now', { state: t(day.working ? 'cal.working' : 'cal.closed'), source: t(`cal.source.${day.source}`) })}
      </p>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          kind: day.working ? 'closed' : 'working',
          note: day.source === 'hall' ? (day.note ?? '') : '',
        }}
        onFinish={save}
      >
        <Form.Item name="kind" label={t('cal.setAs')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'closed', label: t('cal.closed') },
              { value: 'working', label: t('cal.working') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('cal.note')}
          rules={[{ required: true, whitespace: true, message: t('rc.required') }]}
        >
          <Input maxLength={100} placeholder={t('cal.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
