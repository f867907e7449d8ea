import { App, Button, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useCan } from '../../api/auth';
import { applyFieldError } from '../../api/formErrors';
import { useWindows } from '../../api/org';
import { attendanceExportUrl, type SheetRow, useClock, useColleagues, useSheet } from '../../api/staff';
import { formatTime } from '../../components/format';
import { QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { type MessageKey, useT } from '../../i18n';
import { chinaToday } from '../../lib/china-day';

/** 考勤: one's own clock (in, out, 暂离 with a stand-in, back) and, for managers, the month's sheet. */
export function AttendanceTab({ hallId }: { hallId: string }) {
  const can = useCan();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <MyClock hallId={hallId} />
      {can('staff.manage') && <MonthSheet hallId={hallId} />}
    </Space>
  );
}

function MyClock({ hallId }: { hallId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const clock = useClock();
  const windows = useWindows(hallId);
  const people = useColleagues(hallId);
  const [form] = Form.useForm();
  const send = (kind: 'in' | 'out' | 'away' | 'back') => {
    const v = form.getFieldsValue();
    clock.mutate(
      { hallId, kind, windowId: v.windowId ?? null, standInId: v.standInId ?? null, reason: v.reason || null },
      {
        onSuccess: (r) => message.success(t('st.clocked', { what: `${kindLabel(t, kind)} ${formatTime(r.at)}` })),
        onError: (e) => applyFieldError(form, e) || notify(e),
      },
    );
  };
  return (
    <Form form={form} layout="inline">
      <Typography.Text strong style={{ marginRight: 12 }}>
        {t('st.myClock')}
      </Typography.Text>
      <Form.Item name="windowId" label={t('st.windows')}>
        <Select
          allowClear
          style={{ width: 140 }}
          options={(windows.data?.items ?? []).map((w) => ({ value: w.id, label: `${w.number}号 ${w.name}` }))}
        />
      </Form.Item>
      <Space>
        <Button type="primary" onClick={() => send('in')} loading={clock.isPending}>
          {t('st.clockIn')}
        </Button>
        <Button onClick={() => send('out')}>{t('st.clockOut')}</Button>
      </Space>
      <Form.Item name="standInId" label={t('st.standIn')} style={{ marginLeft: 16 }}>
        <Select
          allowClear
          style={{ width: 120 }}
          options={(people.data?.items ?? []).map((p) => ({ value: p.userId, label: p.name }))}
        />
      </Form.Item>
      <Form.Item name="reason" label={t('st.reason')}>
        <Input style={{ width: 160 }} maxLength={200} />
      </Form.Item>
      <Space>
        <Button onClick={() => send('away')}>{t('st.away')}</Button>
        <Button onClick={() => send('back')}>{t('st.back')}</Button>
      </Space>
    </Form>
  );
}

const kindLabel = (t: ReturnType<typeof useT>, k: string) =>
  ({ in: t('st.clockIn'), out: t('st.clockOut'), away: t('st.away'), back: t('st.back') })[k] ?? k;

const statusColor: Record<string, string> = {
  late: 'orange',
  early: 'gold',
  late_early: 'volcano',
  absent: 'red',
  leave: 'blue',
};

function MonthSheet({ hallId }: { hallId: string }) {
  const t = useT();
  const [month, setMonth] = useState(() => chinaToday().format('YYYY-MM'));
  const sheet = useSheet(hallId, month);
  if (sheet.error) return <QueryError error={sheet.error} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {t('st.month')}
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
        />
        <Button href={attendanceExportUrl(hallId, month)} download>
          {t('st.export')}
        </Button>
        {sheet.data && (
          <Typography.Text type="secondary">{t('st.workingDays', { n: sheet.data.workingDays })}</Typography.Text>
        )}
      </Space>
      <Table<SheetRow>
        size="small"
        rowKey="userId"
        loading={sheet.isLoading}
        dataSource={sheet.data?.rows ?? []}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        columns={[
          { title: t('st.staffNo'), dataIndex: 'staffNo', width: 80 },
          { title: t('st.name'), dataIndex: 'name', width: 80 },
          { title: t('st.rostered'), dataIndex: 'rosteredDays', width: 80 },
          { title: t('st.present'), dataIndex: 'presentDays', width: 70 },
          { title: t('st.late'), dataIndex: 'lateCount', width: 70 },
          { title: t('st.early'), dataIndex: 'earlyCount', width: 70 },
          { title: t('st.absent'), dataIndex: 'absentDays', width: 70 },
          { title: t('st.leaveDays'), dataIndex: 'leaveDays', width: 70 },
          { title: t('st.lateMinutes'), dataIndex: 'lateMinutes', width: 80 },
          { title: t('st.earlyMinutes'), dataIndex: 'earlyMinutes', width: 80 },
          {
            title: t('st.records'),
            render: (_, r) =>
              r.days
                .filter((d) => d.status !== 'present')
                .map((d) => (
                  <Tag key={d.day} color={statusColor[d.status]}>
                    {d.day.slice(5)} {t(`st.day.${d.status}` as MessageKey)}
                  </Tag>
                )),
          },
        ]}
      />
      <Table
        size="small"
        rowKey="id"
        title={() => t('st.records')}
        dataSource={sheet.data?.clocks ?? []}
        pagination={{ pageSize: 8, showSizeChanger: false }}
        columns={[
          { title: t('st.time'), width: 150, render: (_, c) => formatTime(c.at) },
          { title: t('st.name'), dataIndex: 'userName', width: 90 },
          { title: t('st.kind'), width: 80, render: (_, c) => kindLabel(t, c.kind) },
          { title: t('st.standIn'), dataIndex: 'standInName', width: 90 },
          { title: t('st.reason'), dataIndex: 'reason', ellipsis: true },
        ]}
      />
    </Space>
  );
}
