import { Alert, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useAppointments } from '../../api/appointments';
import { useCan, useMe } from '../../api/auth';
import { type Ticket, useQueueWindows } from '../../api/queue';
import { useT } from '../../i18n';

const storageKey = (userId: string, hallId: string) => `ow.reception.window.${userId}.${hallId}`;

/**
 * The clerk's window at 收件受理: the window the clerk has open in the queue today, else the last one the clerk
 * picked here (kept per user and hall in this browser), with the ticket that window serves now.
 */
export function useClerkWindow(hallId: string | undefined) {
  const { data: me } = useMe();
  const can = useCan();
  const queue = useQueueWindows(can('queue.serve') ? hallId : undefined);
  const key = me && hallId ? storageKey(me.id, hallId) : null;
  // undefined until the clerk picks a window on this screen; the open window wins over the stored pick until then.
  const [choice, setChoice] = useState<{ key: string | null; id: string | null } | null>(null);
  const chosen = choice && choice.key === key ? choice.id : undefined;
  const mine = queue.data?.items.find((w) => w.state !== 'closed' && w.openedBy === me?.id);
  const windowId = chosen !== undefined ? chosen : (mine?.id ?? (key ? localStorage.getItem(key) : null));
  const serving = queue.data?.items.find((w) => w.id === windowId)?.current ?? null;
  const pick = (id: string | null) => {
    setChoice({ key, id });
    if (key) {
      if (id) localStorage.setItem(key, id);
      else localStorage.removeItem(key);
    }
  };
  return { windowId, pick, ticket: serving?.status === 'serving' ? serving : null, calledTicket: serving };
}

/** The applicant of an appointment ticket, when the clerk may see the hall's bookings. */
function useAppointmentOf(ticket: Ticket | null) {
  const can = useCan();
  const wanted = !!ticket && ticket.priority === 'appointment' && can('appointment.book');
  const list = useAppointments({
    hallId: wanted ? ticket?.hallId : undefined,
    status: 'checked_in',
    page: 1,
    pageSize: 500,
  });
  return useMemo(() => list.data?.items.find((a) => a.ticketId === ticket?.id) ?? null, [list.data, ticket]);
}

/** The ticket the window serves now, at the top of the reception form; the case received here is linked to it. */
export function ServedTicketBar({ ticket, called }: { ticket: Ticket | null; called: Ticket | null }) {
  const t = useT();
  const booking = useAppointmentOf(ticket);
  if (!ticket) {
    if (called && called.status === 'called')
      return <Alert type="info" showIcon className="rc-ticket" title={t('rc.ticket.called', { n: called.number })} />;
    return null;
  }
  return (
    <Alert
      type="success"
      showIcon
      className="rc-ticket"
      data-testid="served-ticket"
      title={
        <Space wrap size="middle">
          <span>
            {t('rc.ticket.serving')}
            <Typography.Text strong>{ticket.number}</Typography.Text>
          </span>
          <Tag>{ticket.categoryName}</Tag>
          {booking && (
            <span>
              {t('rc.ticket.booking')}
              {booking.name}（{booking.idNumber}）{booking.itemName && `　${booking.itemName}`}
            </span>
          )}
          <Typography.Text type="secondary">{t('rc.ticket.linked')}</Typography.Text>
        </Space>
      }
    />
  );
}
