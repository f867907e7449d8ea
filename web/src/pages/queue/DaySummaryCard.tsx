import { Card, Col, DatePicker, Row, Statistic } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { type DaySummary, useDaySummary } from '../../api/queue';
import { type MessageKey, useT } from '../../i18n';
import { chinaToday } from '../reception/ReceptionPage';

const FIGURES: (keyof Omit<DaySummary, 'day'>)[] = [
  'issued',
  'waiting',
  'inService',
  'done',
  'noShow',
  'cancelled',
  'expired',
  'unfinished',
];

/** 今日排队概况: how the day's tickets ended, for the supervisor keeping the floor; any past day can be looked up. */
export function DaySummaryCard({ hallId }: { hallId: string | undefined }) {
  const t = useT();
  const [day, setDay] = useState(chinaToday());
  const summary = useDaySummary(hallId, day);
  return (
    <Card
      title={t('daySummary.title')}
      extra={
        <DatePicker
          aria-label={t('daySummary.day')}
          allowClear={false}
          value={dayjs(day)}
          disabledDate={(d) => d.format('YYYY-MM-DD') > chinaToday()}
          onChange={(d) => d && setDay(d.format('YYYY-MM-DD'))}
        />
      }
      loading={summary.isLoading}
    >
      <Row gutter={[16, 16]}>
        {FIGURES.map((f) => (
          <Col key={f} xs={12} sm={6} lg={3}>
            <Statistic
              title={t(`daySummary.${f}` as MessageKey)}
              value={summary.data?.[f] ?? 0}
              valueStyle={f === 'unfinished' && (summary.data?.unfinished ?? 0) > 0 ? { color: '#cf1322' } : undefined}
            />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
