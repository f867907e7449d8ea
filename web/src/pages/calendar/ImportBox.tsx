import { App, Button, Card, Input, Typography } from 'antd';
import { useState } from 'react';
import type { HallDay } from '../../api/calendar';
import { useImportHallDays } from '../../api/calendar';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';

/** Lines `YYYY-MM-DD,closed|working,note`; a bad line is named before anything is sent. */
export function parseDays(text: string): { days: HallDay[]; bad: number | null } {
  const days: HallDay[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const [date, kind, ...rest] = line.split(/[,，]/).map((s) => s.trim());
    const note = rest.join(',').trim();
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || (kind !== 'closed' && kind !== 'working') || !note)
      return { days, bad: i + 1 };
    days.push({ date, kind, note });
  }
  return { days, bad: null };
}

export function ImportBox({ hallId }: { hallId: string | undefined }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const importDays = useImportHallDays(hallId);
  const submit = async () => {
    const { days, bad } = parseDays(text);
    if (bad !== null) return setError(t('cal.badLine', { n: bad }));
    if (days.length === 0) return setError(t('cal.nothing'));
    setError(null);
    try {
      const r = await importDays.mutateAsync(days);
      message.success(t('cal.imported', { n: r.imported }));
      setText('');
    } catch (e) {
      notify(e);
    }
  };
  return (
    <Card title={t('cal.import')} size="small" style={{ marginBottom: 16 }}>
      <Input.TextArea
        aria-label={t('cal.import')}
        rows={5}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={'2026-12-31,closed,年终盘点\n2027-01-09,working,调休上班'}
        status={error ? 'error' : ''}
      />
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <Button
        type="primary"
        style={{ marginTop: 8 }}
        loading={importDays.isPending}
        disabled={!hallId}
        onClick={submit}
      >
        {t('cal.importButton')}
      </Button>
    </Card>
  );
}
