import { App, Alert, Button, Card, Input, Popconfirm, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { type AdminRequest, useAdminRequests, useDecideAdminRequest } from '../../api/security';
import { formatTime } from '../../components/format';
import { QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { type MessageKey, useT } from '../../i18n';

const STATUS_COLOR: Record<AdminRequest['status'], string> = {
  pending: 'orange',
  approved: 'green',
  rejected: 'red',
  cancelled: 'default',
};

/** 管理员账号申请: changes to administrator accounts wait here for a second administrator's approval. */
export function AdminRequestsPage() {
  const t = useT();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [status, setStatus] = useState<string>('pending');
  const list = useAdminRequests(status === 'all' ? undefined : status);
  const decide = useDecideAdminRequest();
  const [notes, setNotes] = useState<Record<string, string>>({});

  if (list.error && !list.data) return <QueryError error={list.error} onRetry={() => list.refetch()} />;

  const act = (r: AdminRequest, decision: 'approve' | 'reject' | 'cancel') =>
    decide
      .mutateAsync({ id: r.id, decision, note: notes[r.id] })
      .then(
        () =>
          message.success(
            t(
              decision === 'approve'
                ? 'requests.approved'
                : decision === 'reject'
                  ? 'requests.rejected'
                  : 'requests.cancelled',
            ),
          ),
        notifyError,
      );

  return (
    <Card title={t('requests.title')}>
      <Alert type="info" showIcon title={t('requests.intro')} style={{ marginBottom: 16 }} />
      <Segmented
        value={status}
        onChange={(v) => setStatus(String(v))}
        style={{ marginBottom: 16 }}
        options={[
          { value: 'pending', label: t('requestStatus.pending') },
          { value: 'approved', label: t('requestStatus.approved') },
          { value: 'rejected', label: t('requestStatus.rejected') },
          { value: 'all', label: t('requests.all') },
        ]}
      />
      <Table<AdminRequest>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={false}
        scroll={{ x: 1100 }}
        columns={[
          { title: t('requests.summary'), dataIndex: 'summary', key: 'summary' },
          {
            title: t('common.status'),
            key: 'status',
            width: 100,
            render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{t(`requestStatus.${r.status}` as MessageKey)}</Tag>,
          },
          { title: t('requests.requestedBy'), dataIndex: 'requestedByName', key: 'by', width: 110 },
          { title: t('requests.requestedAt'), key: 'at', width: 170, render: (_, r) => formatTime(r.requestedAt) },
          {
            title: t('requests.decidedBy'),
            key: 'decided',
            width: 200,
            render: (_, r) => (r.decidedByName ? `${r.decidedByName}${r.note ? `：${r.note}` : ''}` : '—'),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 330,
            render: (_, r) => (
              <Space wrap>
                {r.canDecide && (
                  <>
                    <Input
                      size="small"
                      placeholder={t('requests.note')}
                      aria-label={t('requests.note')}
                      style={{ width: 120 }}
                      value={notes[r.id] ?? ''}
                      onChange={(e) => setNotes({ ...notes, [r.id]: e.target.value })}
                    />
                    <Popconfirm title={t('requests.approveConfirm')} onConfirm={() => act(r, 'approve')}>
                      <Button type="primary" size="small">
                        {t('requests.approve')}
                      </Button>
                    </Popconfirm>
                    <Button danger size="small" onClick={() => act(r, 'reject')}>
                      {t('requests.reject')}
                    </Button>
                  </>
                )}
                {r.canCancel && (
                  <Button size="small" onClick={() => act(r, 'cancel')}>
                    {t('requests.cancel')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
