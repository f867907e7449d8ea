import { CountingRules } from './CountingRules';
import { Badge, Calendar, Card, Col, Row, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useCan, useMe } from '../../api/auth';
import { type DayInfo, useCalendarMonth } from '../../api/calendar';
import { HallSelect } from '../../components/HallSelect';
import { useT } from '../../i18n';
import { DayModal } from './DayModal';
import { ImportBox } from './ImportBox';
import { YearForm } from './YearForm';
import { chinaToday } from '../../lib/china-day';
import './calendar.css';

/** 工作日历: one hall's month — working or closed, and which rule decided it; managers change days here. */
export function CalendarPage() {
  const t = useT();
  const can = useCan();
  const { data: me } = useMe();
  const [hallId, setHallId] = useState<string | undefined>(me?.halls[0]?.id);
  const [month, setMonth] = useState<Dayjs>(() => chinaToday());
  const [picked, setPicked] = useState<DayInfo | null>(null);
  const manage = can('calendar.manage');
  useEffect(() => {
    if (!hallId && me?.halls[0]) setHallId(me.halls[0].id);
  }, [hallId, me]);
  const view = useCalendarMonth(hallId, month.format('YYYY-MM'));
  const byDate = useMemo(() => new Map((view.data?.days ?? []).map((d) => [d.date, d])), [view.data]);

  const cell = (d: Dayjs) => {
    const info = byDate.get(d.format('YYYY-MM-DD'));
    if (!info) return null;
    return (
      <div className={`cal-cell ${info.working ? 'cal-working' : 'cal-closed'}`} data-date={info.date}>
        <Badge status={info.working ? 'success' : 'default'} text={t(info.working ? 'cal.working' : 'cal.closed')} />
        <div className="cal-source">{t(`cal.source.${info.source}`)}</div>
        {info.note && <div className="cal-note">{info.note}</div>}
      </div>
    );
  };

  return (
    <Row gutter={16}>
      <Col xs={24} xl={16}>
        <Card
          title={t('cal.title')}
          extra={
            <Space>
              <HallSelect aria-label={t('common.hall')} value={hallId} onChange={setHallId} style={{ width: 220 }} />
            </Space>
          }
        >
          {view.data && !view.data.published && <Tag color="warning">{t('cal.unpublished')}</Tag>}
          <Calendar
            value={month}
            onPanelChange={(d) => setMonth(d)}
            onSelect={(d, info) => {
              if (info.source === 'date') {
                if (!d.isSame(month, 'month')) setMonth(d);
                const day = byDate.get(d.format('YYYY-MM-DD'));
                if (day && manage) setPicked(day);
              }
            }}
            cellRender={(d, info) => (info.type === 'date' ? cell(d) : info.originNode)}
          />
          <Typography.Text type="secondary">{t('cal.legend')}</Typography.Text>
        </Card>
        <CountingRules />
      </Col>
      {manage && (
        <Col xs={24} xl={8}>
          <ImportBox hallId={hallId} />
          <YearForm />
        </Col>
      )}
      {picked && hallId && <DayModal hallId={hallId} day={picked} onClose={() => setPicked(null)} />}
    </Row>
  );
}
