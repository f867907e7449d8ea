import { App, Button, DatePicker, Form, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client';
import { type Priority, type QueueCategory, type Ticket, ticketPrintUrl } from '../../api/queue';
import { useNotifyError } from '../../components/useNotifyError';
import { type MessageKey, useT } from '../../i18n';

const PRIORITIES: Priority[] = ['green', 'appointment', 'elderly', 'disabled', 'normal'];

/** The guide desk's ticket: green channel and appointments are issued by staff, and printed at once. */
export function IssueTicketButton({ hallId, categories }: { hallId: string; categories: QueueCategory[] }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ categoryId: string; priority: Priority; appointmentAt?: Dayjs }>();
  const priority = Form.useWatch('priority', form);
  const issue = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const ticket = await api.post<Ticket>('/api/queue/tickets', {
        hallId,
        categoryId: v.categoryId,
        priority: v.priority,
        appointmentAt: v.appointmentAt ? v.appointmentAt.valueOf() : null,
      });
      message.success(`${t('kiosk.yourNumber')} ${ticket.number}`);
      window.open(ticketPrintUrl(ticket.id), '_blank');
      setOpen(false);
      form.resetFields();
    } catch (e) {
      notify(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('window.issueTicket')}</Button>
      <Modal
        open={open}
        title={t('window.issueTicket')}
        onOk={issue}
        confirmLoading={busy}
        onCancel={() => setOpen(false)}
        forceRender
      >
        <Form form={form} layout="vertical" initialValues={{ priority: 'green' }}>
          <Form.Item name="categoryId" label={t('setup.name')} rules={[{ required: true }]}>
            <Select
              options={categories.filter((c) => c.active).map((c) => ({ value: c.id, label: `${c.prefix} ${c.name}` }))}
            />
          </Form.Item>
          <Form.Item name="priority" label={t('kiosk.priority')}>
            <Select options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}` as MessageKey) }))} />
          </Form.Item>
          {priority === 'appointment' && (
            <Form.Item name="appointmentAt" label={t('window.appointmentAt')} rules={[{ required: true }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
