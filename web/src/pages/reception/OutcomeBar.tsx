import { Button, Space, Tooltip } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../i18n';
import type { Outcome } from './OutcomeModals';
import { SHORTCUTS } from './useEnterMovesOn';

interface Props {
  enabled: Record<Outcome, boolean>;
  why: string | null;
  busy: Outcome | null;
  onPick: (o: Outcome) => void;
}

const KEYS: Record<string, Outcome> = Object.fromEntries(Object.entries(SHORTCUTS).map(([o, k]) => [k, o as Outcome]));

/** The four outcomes; the checklist decides which light up, Alt+letter presses them. */
export function OutcomeBar({ enabled, why, busy, onPick }: Props) {
  const t = useT();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const o = KEYS[e.key.toUpperCase()];
      if (o && enabled[o]) {
        e.preventDefault();
        onPick(o);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, onPick]);

  const button = (o: Outcome, props: { type?: 'primary'; danger?: boolean }) => (
    <Tooltip title={enabled[o] ? undefined : why}>
      <Button
        {...props}
        size="large"
        disabled={!enabled[o] || (busy !== null && busy !== o)}
        loading={busy === o}
        title={`${t(`rc.out.${o}`)}（Alt+${SHORTCUTS[o]}）`}
        onClick={() => onPick(o)}
      >
        {t(`rc.out.${o}`)}
        <span className="rc-key">Alt+{SHORTCUTS[o]}</span>
      </Button>
    </Tooltip>
  );
  return (
    <Space wrap className="rc-outcomes">
      {button('accept', { type: 'primary' })}
      {button('notice', {})}
      {button('defer', {})}
      {button('refuse', { danger: true })}
    </Space>
  );
}
