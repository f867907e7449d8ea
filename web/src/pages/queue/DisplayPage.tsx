import { Button } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { type DisplaySnapshot, fetchDisplay } from '../../api/queue';
import { useT } from '../../i18n';
import './queue.css';

interface CallEvent {
  type: 'call';
  number: string;
  windowNumber: number;
  recall: number;
}

/** Speaks a call in Mandarin; browsers allow speech only after someone has touched the page once. */
function speak(text: string) {
  if (!('speechSynthesis' in window)) return;
  const u = new SpeechSynthesisUtterance(text);
  u.lang = 'zh-CN';
  u.rate = 0.9;
  window.speechSynthesis.speak(u);
}

/** The clock in the display's bar: time large, date and weekday beside it, ticking every second. */
function Clock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <div className="ow-display-clock" data-testid="display-clock">
      <span className="time">{now.toLocaleTimeString('zh-CN', { hour12: false })}</span>
      <span className="date">
        {now.toLocaleDateString('zh-CN', { month: 'long', day: 'numeric', weekday: 'long' })}
      </span>
    </div>
  );
}

/** The hall's big screen (no sign-in): each window's number, the latest calls, live from the server's event stream. */
export function DisplayPage() {
  const t = useT();
  const { hallId } = useParams();
  const [snapshot, setSnapshot] = useState<DisplaySnapshot | null>(null);
  const [latest, setLatest] = useState<CallEvent | null>(null);
  const [voice, setVoice] = useState(false);
  const voiceRef = useRef(false);
  voiceRef.current = voice;

  const refresh = useCallback(async () => {
    if (hallId) setSnapshot(await fetchDisplay(hallId));
  }, [hallId]);

  useEffect(() => {
    if (!hallId) return;
    void refresh();
    const source = new EventSource(`/api/public/halls/${hallId}/display/stream`);
    const onCall = (e: MessageEvent<string>) => {
      const call = JSON.parse(e.data) as CallEvent;
      setLatest(call);
      // 中文语音叫号: "请 A001 号到 3 号窗口办理", again on every recall.
      if (voiceRef.current) speak(`请 ${call.number} 号到 ${call.windowNumber} 号窗口办理`);
      void refresh();
    };
    source.addEventListener('call', onCall as EventListener);
    for (const type of ['window', 'queue', 'finish', 'hello', 'resync'])
      source.addEventListener(type, () => void refresh());
    return () => source.close();
  }, [hallId, refresh]);

  const calls = snapshot?.recentCalls ?? [];
  const top =
    latest ??
    (calls[0]
      ? { type: 'call' as const, number: calls[0].number, windowNumber: calls[0].windowNumber, recall: calls[0].recall }
      : null);
  return (
    <main className="ow-floor ow-display-screen">
      <div className="ow-floor-bar">
        <h1>
          {snapshot?.hall.name} · {t('display.title')}
        </h1>
        <Clock />
        <Button
          ghost
          size="large"
          onClick={() => {
            setVoice(true);
            speak('');
          }}
          disabled={voice}
        >
          {voice ? t('display.voiceOn') : t('display.enableVoice')}
        </Button>
      </div>
      <div className="ow-display">
        <section className="ow-display-windows" aria-label={t('display.title')}>
          {snapshot?.windows.map((w) => (
            <div key={w.id} className={`ow-display-window ${w.state}`} data-testid={`display-window-${w.number}`}>
              <div className="wn">{t('display.window', { n: w.number })}</div>
              <div className="cur">{w.currentNumber ?? t('display.idle')}</div>
              <div className="nm">{w.name}</div>
            </div>
          ))}
        </section>
        <aside className="ow-display-latest">
          {top && (
            <div className="big" aria-live="assertive" data-testid="display-latest">
              {t('display.callText', { number: top.number, window: top.windowNumber })}
            </div>
          )}
          <h2>{t('display.latest')}</h2>
          {calls.length === 0 && <div className="none">{t('display.noCalls')}</div>}
          <ul>
            {calls.slice(0, 8).map((c) => (
              <li key={`${c.ticketId}-${c.at}`}>
                {c.number} → {t('display.window', { n: c.windowNumber })}
              </li>
            ))}
          </ul>
          <h2>{t('display.waiting')}</h2>
          <ul className="ow-display-queues">
            {snapshot?.categories.map((c) => (
              <li key={c.id}>
                <span className="q">
                  {c.prefix} {c.name}
                </span>
                <span className="n">{t('kiosk.waiting', { n: c.waiting })}</span>
              </li>
            ))}
          </ul>
        </aside>
      </div>
      {snapshot?.alarmNotice && (
        <footer className="ow-display-notices ow-display-alarm" data-testid="display-crowding-notice" role="alert">
          <span className="label">{t('display.crowding')}</span>
          <span className="text">{snapshot.alarmNotice}</span>
        </footer>
      )}
      {(snapshot?.notices.length ?? 0) > 0 && (
        <footer className="ow-display-notices" data-testid="display-notices">
          <span className="label">{t('display.notices')}</span>
          <span className="text">{snapshot?.notices.join('　　')}</span>
        </footer>
      )}
    </main>
  );
}
