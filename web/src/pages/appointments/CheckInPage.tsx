import { Button, Input, Segmented, Space } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { type CheckInResult, checkIn, useBookingDays } from '../../api/appointments';
import { usePublicHalls } from '../../api/publicGuide';
import { ticketPrintUrl } from '../../api/queue';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';
import '../queue/queue.css';
import './appointments.css';

/** The letters a booking code uses (no 0/O, 1/I/L). */
const CODE_KEYS = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'.split('');
const ID_KEYS = '1234567890X'.split('');

/** 预约签到 on the kiosk (1080×1920, touch only): the booking code or ID number on an on-screen keypad. */
export function CheckInPage() {
  const t = useT();
  const { hallId } = useParams();
  const navigate = useNavigate();
  const notify = useNotifyError();
  const halls = usePublicHalls();
  const [mode, setMode] = useState<'code' | 'id'>('code');
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<CheckInResult | null>(null);
  // The grace, for the late message, comes with the booking's item's days.
  const days = useBookingDays(done?.late ? hallId : undefined, done?.appointment.itemId ?? undefined);
  const max = mode === 'code' ? 8 : 18;
  const submit = async () => {
    if (!hallId || !value) return;
    setBusy(true);
    try {
      setDone(await checkIn(hallId, mode === 'code' ? { code: value } : { idNumber: value }));
      setValue('');
    } catch (e) {
      notify(e);
    } finally {
      setBusy(false);
    }
  };
  const hallName = halls.data?.items.find((h) => h.id === hallId)?.name ?? '';
  return (
    <main className="ow-floor ow-kiosk">
      <div className="ow-floor-bar">
        <h1>
          {hallName} · {t('checkin.title')}
        </h1>
        <Button size="large" onClick={() => navigate(`/kiosk/${hallId}`)}>
          {t('checkin.back')}
        </Button>
      </div>
      {done ? (
        <section className="ow-ticket" aria-live="polite">
          <div className="line">
            {done.late ? t('checkin.late', { n: days.data?.graceMinutes ?? '' }) : t('checkin.priority')}
          </div>
          <div className="number" data-testid="ticket-number">
            {done.ticket.number}
          </div>
          <div className="line">
            {done.appointment.itemName} · {done.appointment.slot}-{done.appointment.slotEnd}
          </div>
          <Space size="large" style={{ marginTop: 24 }}>
            <Button size="large" onClick={() => window.open(ticketPrintUrl(done.ticket.id), '_blank')}>
              {t('kiosk.printTicket')}
            </Button>
            <Button size="large" type="primary" onClick={() => setDone(null)}>
              {t('kiosk.done')}
            </Button>
          </Space>
        </section>
      ) : (
        <div className="ow-checkin">
          <Segmented
            block
            value={mode}
            onChange={(m) => {
              setMode(m as 'code' | 'id');
              setValue('');
            }}
            options={[
              { value: 'code', label: t('checkin.byCode') },
              { value: 'id', label: t('checkin.byId') },
            ]}
          />
          <Input
            aria-label={mode === 'code' ? t('checkin.byCode') : t('checkin.byId')}
            placeholder={mode === 'code' ? t('checkin.codePlaceholder') : t('checkin.idPlaceholder')}
            value={value}
            maxLength={max}
            onChange={(e) => setValue(e.target.value.toUpperCase().slice(0, max))}
            onPressEnter={submit}
          />
          <div className="ow-checkin-keys">
            {(mode === 'code' ? CODE_KEYS : ID_KEYS).map((k) => (
              <Button key={k} onClick={() => setValue((v) => (v.length < max ? v + k : v))}>
                {k}
              </Button>
            ))}
            <Button onClick={() => setValue((v) => v.slice(0, -1))} aria-label="退格">
              ⌫
            </Button>
          </div>
          <Button type="primary" size="large" block disabled={!value} loading={busy} onClick={submit}>
            {t('checkin.submit')}
          </Button>
        </div>
      )}
    </main>
  );
}
