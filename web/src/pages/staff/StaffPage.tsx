import { Alert, App, Button, Card, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useCan } from '../../api/auth';
import {
  type Roster,
  type RosterSlotInput,
  useCopyRoster,
  useRoster,
  useSaveRoster,
  useStaffFiles,
} from '../../api/staff';
import { useHallOptions } from '../../components/HallSelect';
import { QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { type MessageKey, useT } from '../../i18n';
import { AttendanceTab } from './AttendanceTab';
import { LeaveTab } from './LeaveTab';
import { PairsTab, StaffFilesTab } from './StaffFilesTab';
import { StaffingHeatmap } from './StaffingHeatmap';
import { chinaToday } from '../../lib/china-day';

/** 窗口人员管理: staff files, the weekly roster, AB posts, attendance and leave of one hall. */
export function StaffPage() {
  const t = useT();
  const can = useCan();
  const halls = useHallOptions();
  const [hallId, setHallId] = useState<string>();
  useEffect(() => {
    if (!hallId && halls.options.length) setHallId(halls.options[0]!.value);
  }, [hallId, halls.options]);
  const manage = can('staff.manage');
  const items = [
    ...(manage
      ? [
          { key: 'files', label: t('st.tab.files'), children: hallId && <StaffFilesTab hallId={hallId} /> },
          { key: 'roster', label: t('st.tab.roster'), children: hallId && <RosterTab hallId={hallId} /> },
        ]
      : []),
    { key: 'pairs', label: t('st.tab.pairs'), children: hallId && <PairsTab hallId={hallId} manage={manage} /> },
    { key: 'attendance', label: t('st.tab.attendance'), children: hallId && <AttendanceTab hallId={hallId} /> },
    { key: 'leave', label: t('st.tab.leave'), children: hallId && <LeaveTab hallId={hallId} /> },
  ];
  const fromUrl = new URLSearchParams(window.location.search).get('tab');
  return (
    <Card
      title={t('st.title')}
      extra={
        halls.options.length > 1 && (
          <Space>
            {t('st.hall')}
            <Select style={{ width: 260 }} value={hallId} onChange={setHallId} options={halls.options} />
          </Space>
        )
      }
    >
      <Tabs items={items} defaultActiveKey={fromUrl ?? items[0]!.key} destroyOnHidden />
    </Card>
  );
}

const mondayOf = (d: dayjs.Dayjs) => d.subtract((d.day() + 6) % 7, 'day').format('YYYY-MM-DD');

/** 排班: windows down, the week's days and sessions across; each cell picks who sits there; gaps are marked. */
function RosterTab({ hallId }: { hallId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const [week, setWeek] = useState(() => mondayOf(chinaToday()));
  const roster = useRoster(hallId, week);
  const people = useStaffFiles(hallId);
  const save = useSaveRoster();
  const copy = useCopyRoster();
  const [cells, setCells] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    if (roster.data) setCells(new Map(roster.data.slots.map((s) => [`${s.day}|${s.session}|${s.windowId}`, s.userId])));
  }, [roster.data]);
  const options = (people.data?.items ?? []).map((p) => ({
    value: p.userId,
    label: `${p.name}（${p.posts.map((x) => t(`role.${x}` as MessageKey)).join('、')}）`,
  }));
  const postOf = (userId: string) => people.data?.items.find((p) => p.userId === userId)?.posts[0] ?? 'clerk';
  if (roster.error) return <QueryError error={roster.error} />;
  const r = roster.data;
  const gaps = r ? gapsOf(r, cells) : 0;
  const slots = (): RosterSlotInput[] =>
    [...cells.entries()].map(([k, userId]) => {
      const [day, session, windowId] = k.split('|') as [string, 'am' | 'pm', string];
      return { day, session, windowId, userId, post: postOf(userId) };
    });
  const columns = [
    { title: t('st.windows'), dataIndex: 'name', width: 110, fixed: 'left' as const },
    ...(r?.days ?? []).map((d) => ({
      title: `${dayjs(d.day).format('MM-DD')} ${'一二三四五六日'[(dayjs(d.day).day() + 6) % 7]}`,
      key: d.day,
      children: d.sessions.length
        ? d.sessions.map((s) => ({
            title: t(s.session === 'am' ? 'st.am' : 'st.pm'),
            key: `${d.day}|${s.session}`,
            width: 118,
            render: (_: unknown, w: { id: string }) => {
              const k = `${d.day}|${s.session}|${w.id}`;
              return (
                <Select
                  size="small"
                  allowClear
                  style={{ width: 110 }}
                  status={cells.get(k) ? undefined : 'warning'}
                  placeholder={t('st.nobody')}
                  value={cells.get(k)}
                  options={options}
                  aria-label={`${w.id}-${k}`}
                  popupMatchSelectWidth={220}
                  onChange={(v) =>
                    setCells((m) => {
                      const next = new Map(m);
                      if (v) next.set(k, v);
                      else next.delete(k);
                      return next;
                    })
                  }
                />
              );
            },
          }))
        : [{ title: t('st.closed'), key: `${d.day}|closed`, width: 60, render: () => '—' }],
    })),
  ];
  const prevWeek = dayjs(week).subtract(7, 'day').format('YYYY-MM-DD');
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button onClick={() => setWeek(prevWeek)}>{t('st.prevWeek')}</Button>
        <Typography.Text strong>
          {t('st.week')} {week} ~ {dayjs(week).add(6, 'day').format('YYYY-MM-DD')}
        </Typography.Text>
        <Button onClick={() => setWeek(dayjs(week).add(7, 'day').format('YYYY-MM-DD'))}>{t('st.nextWeek')}</Button>
        <Button
          loading={copy.isPending}
          onClick={() =>
            copy.mutate(
              { hallId, fromWeek: prevWeek, toWeek: week },
              { onSuccess: () => message.success(t('st.copied')), onError: notify },
            )
          }
        >
          {t('st.copyFromPrev')}
        </Button>
        <Button
          type="primary"
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              { hallId, week, slots: slots() },
              { onSuccess: () => message.success(t('st.rosterSaved')), onError: notify },
            )
          }
        >
          {t('st.saveRoster')}
        </Button>
      </Space>
      {r &&
        (gaps ? (
          <Alert type="warning" showIcon title={t('st.gaps', { n: gaps })} />
        ) : (
          <Alert type="success" showIcon title={t('st.noGaps')} />
        ))}
      <Table
        size="small"
        bordered
        rowKey="id"
        loading={roster.isLoading}
        pagination={false}
        columns={columns}
        dataSource={r?.windows.map((w) => ({ ...w, name: `${w.number}号 ${w.name}` })) ?? []}
        scroll={{ x: 'max-content' }}
      />
      <StaffingHeatmap hallId={hallId} week={week} />
    </Space>
  );
}

function gapsOf(r: Roster, cells: Map<string, string>) {
  let n = 0;
  for (const d of r.days)
    for (const s of d.sessions) for (const w of r.windows) if (!cells.has(`${d.day}|${s.session}|${w.id}`)) n++;
  return n;
}

export function StatusTag({ away, actingName }: { away: string | null; actingName: string | null }) {
  const t = useT();
  if (!away) return <Tag color="green">{t('st.onDuty')}</Tag>;
  return actingName ? (
    <Tag color="orange">{t('st.awayActing', { reason: away, name: actingName })}</Tag>
  ) : (
    <Tag color="red">{t('st.awayNobody', { reason: away })}</Tag>
  );
}
