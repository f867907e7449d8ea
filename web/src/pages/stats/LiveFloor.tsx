/**
 * 今日大厅实况 (R16.1 "the day's floor live"): today's tickets, the queue now, the longest current wait, the
 * windows open and serving and the tickets served so far, from GET /api/stats/floor, read again every 15 s.
 */
import { Card, Col, Row, Statistic } from 'antd';
import { useLiveFloor } from '../../api/stats';
import { QueryError } from '../../components/Results';
import { useT } from '../../i18n';
import { hallTime } from '../../lib/china-day';

export function LiveFloorPanel({ hallId }: { hallId?: string }) {
  const t = useT();
  const q = useLiveFloor(hallId);
  const f = q.data;
  return (
    <Card
      size="small"
      title={t('sd.floor')}
      data-testid="live-floor"
      extra={f ? t('sd.floorRefresh', { time: hallTime(f.at, 'HH:mm:ss') }) : null}
      style={{ marginBottom: 16 }}
      loading={q.isLoading}
    >
      {q.error && !f ? (
        <QueryError error={q.error} onRetry={() => q.refetch()} />
      ) : f ? (
        <Row gutter={16}>
          {[
            [t('sd.floorIssued'), f.issued],
            [t('sd.floorWaiting'), f.waiting],
            [t('sd.floorLongest'), f.longestWaitMinutes ?? '—'],
            [t('sd.floorOpen'), `${f.windowsOpen} / ${f.windowsTotal}`],
            [t('sd.floorServing'), f.windowsServing],
            [t('sd.floorServed'), f.served],
          ].map(([title, value]) => (
            <Col key={String(title)} span={4}>
              <Statistic title={title} value={value as string | number} />
            </Col>
          ))}
        </Row>
      ) : null}
    </Card>
  );
}
