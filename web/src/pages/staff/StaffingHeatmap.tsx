import { Alert, App, Button, InputNumber, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import {
  type StaffingCell,
  type StaffingTarget,
  useSaveStaffingTarget,
  useStaffingForecast,
  useStaffingTarget,
} from '../../api/stats';
import { QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';

const colours = { short: '#ffccc7', ok: '#d9f7be', idle: '#fafafa' };
const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00–${String(h + 1).padStart(2, '0')}:00`;

/**
 * 窗口需求预测 beside the roster: hours down, the week's days across; each cell the windows Erlang C needs for the
 * hall's target against the windows rostered, red where short. The target itself is edited above the map.
 */
export function StaffingHeatmap({ hallId, week }: { hallId: string; week: string }) {
  const t = useT();
  const forecast = useStaffingForecast(hallId, week);
  if (forecast.error) return <QueryError error={forecast.error} />;
  const f = forecast.data;
  const cellOf = new Map((f?.cells ?? []).map((c) => [`${c.day}|${c.hour}`, c]));
  const columns = [
    { title: t('sf.hour'), dataIndex: 'label', width: 120, fixed: 'left' as const },
    ...(f?.days ?? []).map((d) => ({
      title: `${dayjs(d.day).format('MM-DD')} ${'一二三四五六日'[(dayjs(d.day).day() + 6) % 7]}`,
      key: d.day,
      width: 110,
      onCell: (row: { hour: number }) => {
        const c = cellOf.get(`${d.day}|${row.hour}`);
        const tone = !c || (c.needed === 0 && !c.short) ? 'idle' : c.short ? 'short' : 'ok';
        return { style: { background: colours[tone], textAlign: 'center' as const } };
      },
      render: (_: unknown, row: { hour: number }) => <Cell c={cellOf.get(`${d.day}|${row.hour}`)} />,
    })),
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="staffing-heatmap">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('sf.title')}
      </Typography.Title>
      <TargetEditor hallId={hallId} />
      {f && (
        <Typography.Text type="secondary">
          {t('sf.basis', { from: f.fromDay, to: f.toDay, n: f.tickets, weeks: f.target.weeks })}
        </Typography.Text>
      )}
      {f &&
        (f.shortHours ? (
          <Alert type="error" showIcon title={t('sf.short', { n: f.shortHours })} />
        ) : (
          <Alert type="success" showIcon title={t('sf.enough')} />
        ))}
      <Space>
        <Tag color="red">{t('sf.legendShort')}</Tag>
        <Tag color="green">{t('sf.legendOk')}</Tag>
        <Tag>{t('sf.legendIdle')}</Tag>
      </Space>
      <Table
        size="small"
        bordered
        rowKey="hour"
        loading={forecast.isLoading}
        pagination={false}
        columns={columns}
        dataSource={(f?.hours ?? []).map((hour) => ({ hour, label: hourLabel(hour) }))}
        scroll={{ x: 'max-content' }}
      />
    </Space>
  );
}

function Cell({ c }: { c: StaffingCell | undefined }) {
  const t = useT();
  if (!c) return null;
  if (!c.open && c.needed === 0) return <Typography.Text type="secondary">{t('sf.closed')}</Typography.Text>;
  // Nobody expected and nobody rostered: a quiet dash keeps the eye on the hours that matter.
  if (c.needed === 0 && c.rostered === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  const tip = (
    <div>
      <div>{t('sf.tipArrivals', { n: c.arrivalsPerHour, m: c.serviceMinutes })}</div>
      {c.byCategory.map((b) => (
        <div key={b.categoryId}>
          {b.name}：{b.arrivalsPerHour}
        </div>
      ))}
      {c.needed > 0 && (
        <div>{t('sf.tipLevel', { needed: c.needed, level: Math.round(c.serviceLevel * 1000) / 10 })}</div>
      )}
      {c.short && <div>{t('sf.tipShort', { n: c.needed - c.rostered })}</div>}
    </div>
  );
  return (
    <Tooltip title={tip}>
      <span data-testid={`staffing-${c.day}-${c.hour}`} data-short={c.short ? 'yes' : 'no'}>
        {t('sf.cell', { needed: c.needed, rostered: c.rostered })}
      </span>
    </Tooltip>
  );
}

function TargetEditor({ hallId }: { hallId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const target = useStaffingTarget(hallId);
  const save = useSaveStaffingTarget();
  const [draft, setDraft] = useState<StaffingTarget>();
  useEffect(() => {
    if (target.data) setDraft(target.data);
  }, [target.data]);
  if (!draft) return null;
  return (
    <Space wrap>
      {t('sf.target')}
      <InputNumber
        aria-label="targetServiceLevel"
        min={50}
        max={99}
        value={Math.round(draft.targetServiceLevel * 100)}
        suffix="%"
        onChange={(v) => v !== null && setDraft({ ...draft, targetServiceLevel: v / 100 })}
      />
      {t('sf.targetLevel')}
      <InputNumber
        aria-label="targetWaitMinutes"
        min={0}
        max={120}
        value={Math.round(draft.targetWaitSeconds / 60)}
        onChange={(v) => v !== null && setDraft({ ...draft, targetWaitSeconds: v * 60 })}
      />
      {t('sf.targetWait')}
      <InputNumber
        aria-label="weeks"
        min={1}
        max={26}
        value={draft.weeks}
        onChange={(v) => v !== null && setDraft({ ...draft, weeks: v })}
      />
      {t('sf.targetWeeks')}
      <Button
        loading={save.isPending}
        onClick={() =>
          save.mutate({ hallId, ...draft }, { onSuccess: () => message.success(t('sf.targetSaved')), onError: notify })
        }
      >
        {t('sf.saveTarget')}
      </Button>
    </Space>
  );
}
