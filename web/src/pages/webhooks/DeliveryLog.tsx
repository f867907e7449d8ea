import { App, Button, Card, Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  DELIVERY_STATES,
  type DeliveryState,
  useResendDelivery,
  useWebhookDeliveries,
  type WebhookDelivery,
  type WebhookEndpoint,
} from '../../api/webhooks';
import { formatTime } from '../../components/format';
import { useNotifyError } from '../../components/useNotifyError';
import { type MessageKey, useT } from '../../i18n';

const stateColor: Record<DeliveryState, string> = {
  pending: 'processing',
  delivered: 'success',
  retrying: 'warning',
  failed: 'error',
};

/** 推送记录 of one endpoint: every delivery with its tries; a delivered or failed one goes again on 重新发送. */
export function DeliveryLog({ endpoint }: { endpoint: WebhookEndpoint }) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const [state, setState] = useState<DeliveryState | 'all'>('all');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useWebhookDeliveries({
    endpointId: endpoint.id,
    ...(state === 'all' ? {} : { state }),
    ...page,
  });
  const resend = useResendDelivery();
  const stateLabel = (s: DeliveryState) => t(`wh.dstate.${s}` as MessageKey);
  return (
    <Card title={t('wh.logTitle', { name: endpoint.name })} style={{ marginTop: 16 }}>
      <Segmented
        aria-label={t('wh.deliveryState')}
        style={{ marginBottom: 12 }}
        value={state}
        onChange={(v) => {
          setState(v as DeliveryState | 'all');
          setPage((p) => ({ ...p, page: 1 }));
        }}
        options={[
          { value: 'all', label: t('common.all') },
          ...DELIVERY_STATES.map((s) => ({ value: s, label: stateLabel(s) })),
        ]}
      />
      <Table<WebhookDelivery>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        expandable={{
          expandedRowRender: (d) => (
            <>
              <div style={{ marginBottom: 8 }}>
                {t('wh.eventId')}：<code>{d.eventId}</code>
              </div>
              <Table
                size="small"
                rowKey="at"
                pagination={false}
                dataSource={d.log}
                columns={[
                  { title: t('wh.time'), render: (_, a) => formatTime(a.at) },
                  { title: 'HTTP', render: (_, a) => a.statusCode ?? t('wh.noAnswer') },
                  { title: t('wh.lastAnswer'), render: (_, a) => a.error ?? 'OK' },
                  { title: 'ms', dataIndex: 'durationMs' },
                ]}
              />
              <div style={{ marginTop: 8 }}>{t('wh.payload')}</div>
              <pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{d.payload}</pre>
            </>
          ),
        }}
        columns={[
          { title: t('wh.time'), width: 150, render: (_, d) => formatTime(d.createdAt) },
          { title: t('wh.event'), width: 130, dataIndex: 'eventLabel' },
          {
            title: t('wh.caseNo'),
            width: 160,
            render: (_, d) => (d.caseId ? <Link to={`/cases/${d.caseId}`}>{d.caseNo ?? '—'}</Link> : '—'),
          },
          {
            title: t('wh.deliveryState'),
            width: 170,
            render: (_, d) => (
              <>
                <Tag color={stateColor[d.state]}>{stateLabel(d.state)}</Tag>
                {d.state === 'retrying' && d.nextAttemptAt && (
                  <div style={{ fontSize: 12, color: '#888' }}>
                    {t('wh.nextTry', { time: formatTime(d.nextAttemptAt) })}
                  </div>
                )}
              </>
            ),
          },
          { title: t('wh.attempts'), width: 90, dataIndex: 'attempts' },
          {
            title: t('wh.lastAnswer'),
            ellipsis: true,
            render: (_, d) => d.lastError ?? (d.lastStatus ? `HTTP ${d.lastStatus}` : '—'),
          },
          {
            title: t('common.actions'),
            width: 110,
            render: (_, d) =>
              d.state === 'delivered' || d.state === 'failed' ? (
                <Button
                  size="small"
                  loading={resend.isPending && resend.variables === d.id}
                  onClick={() =>
                    resend.mutateAsync(d.id).then(
                      () => message.success(t('wh.resent')),
                      (e) => notify(e),
                    )
                  }
                >
                  {t('wh.resend')}
                </Button>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
