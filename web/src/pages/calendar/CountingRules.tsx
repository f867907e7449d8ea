import { Card, Typography } from 'antd';
import { useT } from '../../i18n';

const RULES = [
  'cal.rules.workday',
  'cal.rules.limit',
  'cal.rules.pause',
  'cal.rules.extension',
  'cal.rules.provisional',
  'cal.rules.light',
] as const;

/** 计时规则: how every time limit in the hall is counted (the same rules as server/src/domain/calendar/clock.ts). */
export function CountingRules() {
  const t = useT();
  return (
    <Card title={t('cal.rules.title')} size="small" style={{ marginTop: 16 }}>
      <ol style={{ paddingLeft: 20, margin: 0 }}>
        {RULES.map((k) => (
          <li key={k} style={{ marginBottom: 6 }}>
            <Typography.Text>{t(k)}</Typography.Text>
          </li>
        ))}
      </ol>
    </Card>
  );
}
