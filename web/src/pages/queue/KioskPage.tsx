import { Button, Select, Space, Switch, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { usePublicHalls } from '../../api/publicGuide';
import {
  type KioskCategory,
  type Priority,
  type Ticket,
  takeTicket,
  useKioskCategories,
  useKioskSettings,
  usePublicTicket,
} from '../../api/queue';
import { PageLoading, QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { type MessageKey, useT } from '../../i18n';
import { printInPlace, ticketSlipHtml } from './printTicket';
import { useIdleReset } from './useIdleReset';
import { useGuideHall } from '../guide/PublicLayout';
import './queue.css';

const SELF_DECLARED: Priority[] = ['normal', 'elderly', 'disabled'];

/** The touch-screen ticket kiosk of a hall (no sign-in). */
export function KioskPage() {
  const t = useT();
  const { hallId } = useParams();
  const navigate = useNavigate();
  const halls = usePublicHalls();
  const categories = useKioskCategories(hallId);
  const kiosk = useKioskSettings(hallId);
  const notify = useNotifyError();
  const [elder, setElder] = useState(false);
  const [priority, setPriority] = useState<Priority>('normal');
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [busy, setBusy] = useState(false);
  const idleSeconds = kiosk.data?.idleSeconds ?? 60;
  // Left alone, the kiosk clears the ticket, the priority and 长者模式 for the next person.
  const startOver = useCallback(() => {
    setTicket(null);
    setPriority('normal');
    setElder(false);
    window.scrollTo(0, 0);
  }, []);
  const secondsLeft = useIdleReset(idleSeconds, startOver);

  if (!hallId) {
    return (
      <main className="ow-floor ow-kiosk">
        <h1>{t('kiosk.chooseHall')}</h1>
        <Select
          aria-label={t('common.hall')}
          style={{ width: '100%', maxWidth: 640 }}
          size="large"
          options={(halls.data?.items ?? []).map((h) => ({ value: h.id, label: h.name }))}
          onChange={(id: string) => navigate(`/kiosk/${id}`)}
        />
      </main>
    );
  }

  const print = async (tk: Ticket) => {
    const base = kiosk.data?.publicBaseUrl ?? window.location.origin;
    const html = await ticketSlipHtml(tk, `${base}/queue/ticket/${tk.id}`, {
      yourNumber: t('kiosk.yourNumber'),
      category:
        tk.priority === 'normal'
          ? tk.categoryName
          : `${tk.categoryName} · ${t(`priority.${tk.priority}` as MessageKey)}`,
      ahead: t('kiosk.ahead', { n: tk.peopleAhead }),
      estimate: tk.estimatedWaitMinutes === null ? null : t('kiosk.estimate', { n: tk.estimatedWaitMinutes }),
      hint: t('kiosk.slipHint'),
      takenAt: new Date(tk.arrivedAt).toLocaleString('zh-CN', { hour12: false }),
    });
    await printInPlace(html);
  };

  const take = async (c: KioskCategory) => {
    setBusy(true);
    try {
      const tk = await takeTicket(hallId, c.id, priority);
      setTicket(tk);
      setPriority('normal');
      // The slip prints at once, in place: no new tab, no dialog with --kiosk-printing.
      void print(tk).catch(notify);
    } catch (e) {
      notify(e);
    } finally {
      setBusy(false);
    }
  };

  const hallName = halls.data?.items.find((h) => h.id === hallId)?.name ?? '';
  return (
    <main className={`ow-floor ow-kiosk${elder ? ' ow-elder' : ''}`}>
      <div className="ow-floor-bar">
        <h1>
          {hallName} · {t('kiosk.title')}
        </h1>
        <Space>
          <Button size="large" onClick={() => navigate(`/kiosk/${hallId}/check-in`)}>
            {t('checkin.entry')}
          </Button>
          <Typography.Text className="ow-kiosk-elder-label">{t('kiosk.elderMode')}</Typography.Text>
          <Switch aria-label={t('kiosk.elderMode')} checked={elder} onChange={setElder} />
        </Space>
      </div>
      {ticket ? (
        <section className="ow-ticket" aria-live="polite">
          <div className="line">{t('kiosk.yourNumber')}</div>
          <div className="number" data-testid="ticket-number">
            {ticket.number}
          </div>
          <div className="line">
            {ticket.categoryName}
            {ticket.priority !== 'normal' && ` · ${t(`priority.${ticket.priority}` as MessageKey)}`}
          </div>
          <div className="line">{t('kiosk.ahead', { n: ticket.peopleAhead })}</div>
          {ticket.estimatedWaitMinutes !== null && (
            <div className="line">{t('kiosk.estimate', { n: ticket.estimatedWaitMinutes })}</div>
          )}
          <Space size="large" style={{ marginTop: 24 }}>
            <Button size="large" onClick={() => void print(ticket).catch(notify)}>
              {t('kiosk.reprint')}
            </Button>
            <Button size="large" type="primary" onClick={() => setTicket(null)}>
              {t('kiosk.done')}
            </Button>
          </Space>
          <div className="ow-kiosk-countdown" data-testid="kiosk-countdown">
            {t('kiosk.returnsIn', { n: secondsLeft })}
          </div>
        </section>
      ) : (
        <>
          <div className="ow-floor-bar">
            <Typography.Text className="ow-kiosk-choose">{t('kiosk.choose')}</Typography.Text>
            <Space>
              {SELF_DECLARED.map((p) => (
                <Button
                  key={p}
                  size="large"
                  type={priority === p ? 'primary' : 'default'}
                  aria-pressed={priority === p}
                  onClick={() => setPriority(p)}
                >
                  {t(`priority.${p}` as MessageKey)}
                </Button>
              ))}
            </Space>
          </div>
          <div className="ow-kiosk-grid">
            {(categories.data?.items ?? []).map((c) => (
              <button key={c.id} type="button" className="ow-kiosk-card" disabled={busy} onClick={() => take(c)}>
                <span className="name">
                  {c.prefix} · {c.name}
                </span>
                <span className="meta">{c.description}</span>
                <span className="meta">
                  {t('kiosk.waiting', { n: c.waiting })} · {t('kiosk.estimate', { n: c.estimatedWaitMinutes })}
                </span>
              </button>
            ))}
          </div>
          <p className="ow-kiosk-hint">{t('kiosk.priorityHint')}</p>
        </>
      )}
    </main>
  );
}

/** Follow a ticket on one's own phone (the QR code on the printed ticket), inside the public layout. */
export function TicketStatusPage() {
  const t = useT();
  const { id } = useParams();
  const ticket = usePublicTicket(id);
  const halls = usePublicHalls();
  const { setHall } = useGuideHall();
  const tk = ticket.data;
  const hall = halls.data?.items.find((h) => h.id === tk?.hallId) ?? null;
  useEffect(() => setHall(hall), [hall, setHall]);
  if (ticket.error) return <QueryError error={ticket.error} onRetry={() => ticket.refetch()} />;
  if (!tk) return <PageLoading />;
  return (
    <section className="ow-ticket ow-ticket-phone" aria-live="polite">
      <div className="line">{tk.hallName}</div>
      <div className="number" data-testid="ticket-number">
        {tk.number}
      </div>
      <div className="line">
        {tk.categoryName} · {t(`ticketStatus.${tk.status}` as MessageKey)}
      </div>
      {tk.status === 'waiting' && <div className="line">{t('kiosk.ahead', { n: tk.peopleAhead })}</div>}
      {tk.status === 'waiting' && tk.estimatedWaitMinutes !== null && (
        <div className="line">{t('kiosk.estimate', { n: tk.estimatedWaitMinutes })}</div>
      )}
      {tk.windowNumber !== null && tk.status === 'called' && (
        <div className="line">{t('display.callText', { number: tk.number, window: tk.windowNumber })}</div>
      )}
    </section>
  );
}
