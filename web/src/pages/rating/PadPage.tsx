import { Button, Checkbox, Input, Result } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { type PadState, padFetch, type RatingLevel } from '../../api/queue';
import { useNotifyError } from '../../components/useNotifyError';
import { type MessageKey, useT } from '../../i18n';
import '../queue/queue.css';

const LEVELS: RatingLevel[] = [
  'very_satisfied',
  'satisfied',
  'basically_satisfied',
  'dissatisfied',
  'very_dissatisfied',
];
const REASONS = ['wait', 'attitude', 'efficiency', 'explain', 'runs', 'environment'] as const;

/** The pad keeps its token (given once in the address's #fragment, never sent in a URL) in local storage. */
function padToken(windowId: string): string | null {
  const key = `ow.pad.${windowId}`;
  const fromHash = window.location.hash.slice(1);
  if (fromHash) {
    localStorage.setItem(key, fromHash);
    window.history.replaceState(null, '', window.location.pathname);
  }
  return localStorage.getItem(key);
}

/** The rating pad facing the applicant at one window (R8.1): five levels, reasons and a comment, one rating per service. */
export function PadPage() {
  const t = useT();
  const { windowId = '' } = useParams();
  const notify = useNotifyError();
  const [token] = useState(() => padToken(windowId));
  const [state, setState] = useState<PadState | null>(null);
  const [denied, setDenied] = useState(!token);
  const [level, setLevel] = useState<RatingLevel | null>(null);
  const [reasons, setReasons] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [thanks, setThanks] = useState(false);

  const refresh = useCallback(async () => {
    if (!token) return;
    try {
      setState(await padFetch<PadState>(`/api/public/pads/${windowId}`, token));
    } catch (e) {
      if ((e as { status?: number }).status === 401) setDenied(true);
    }
  }, [token, windowId]);

  useEffect(() => {
    if (!token) return;
    void refresh();
    const source = new EventSource(`/api/public/pads/${windowId}/stream?token=${encodeURIComponent(token)}`);
    const onFinish = () => {
      setThanks(false);
      setLevel(null);
      setReasons([]);
      setComment('');
      void refresh();
    };
    source.addEventListener('finish', onFinish);
    for (const type of ['rated', 'resync', 'hello']) source.addEventListener(type, () => void refresh());
    return () => source.close();
  }, [token, windowId, refresh]);

  if (denied) return <Result status="403" title={t('pad.unauthorised')} />;

  const submit = async () => {
    if (!token || !level || !state?.pending) return;
    try {
      await padFetch(`/api/public/pads/${windowId}/ratings`, token, {
        ticketId: state.pending.ticketId,
        level,
        reasons: reasons.map((r) => t(`pad.reason.${r}` as MessageKey)),
        comment,
      });
      setThanks(true);
      setLevel(null);
      setReasons([]);
      setComment('');
      await refresh();
    } catch (e) {
      notify(e);
    }
  };

  const pending = state?.pending;
  return (
    <main className="ow-pad">
      <h1>
        {state?.window.hallName} · {t('display.window', { n: state?.window.number ?? '' })} · {t('pad.title')}
      </h1>
      {thanks && <Result status="success" title={t('pad.thanks')} />}
      {!pending && !thanks && <p style={{ fontSize: 26 }}>{t('pad.idle')}</p>}
      {pending && (
        <section>
          <p style={{ fontSize: 28 }}>{t('pad.prompt', { number: pending.number })}</p>
          {pending.staffName && <p style={{ fontSize: 20 }}>{t('pad.staff', { name: pending.staffName })}</p>}
          <fieldset className="ow-pad-levels" aria-label={t('followUp.level')} style={{ border: 'none' }}>
            {LEVELS.map((l) => (
              <button key={l} type="button" aria-pressed={level === l} onClick={() => setLevel(l)}>
                {t(`ratingLevel.${l}` as MessageKey)}
              </button>
            ))}
          </fieldset>
          {level && (
            <div style={{ maxWidth: 720, margin: '0 auto', textAlign: 'left', fontSize: 20 }}>
              <div>{t('pad.reasons')}</div>
              <Checkbox.Group
                value={reasons}
                onChange={(v) => setReasons(v as string[])}
                options={REASONS.map((r) => ({
                  value: r,
                  label: <span style={{ fontSize: 20 }}>{t(`pad.reason.${r}` as MessageKey)}</span>,
                }))}
              />
              <Input.TextArea
                aria-label={t('pad.comment')}
                placeholder={t('pad.comment')}
                rows={3}
                maxLength={500}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                style={{ marginTop: 12, fontSize: 20 }}
              />
              <div style={{ textAlign: 'center', marginTop: 20 }}>
                <Button
                  type="primary"
                  size="large"
                  style={{ fontSize: 24, height: 60, padding: '0 48px' }}
                  onClick={submit}
                >
                  {t('pad.submit')}
                </Button>
              </div>
            </div>
          )}
        </section>
      )}
    </main>
  );
}
