import { App, Button, Card, Input, Modal, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { type UnsealRequest, useDecideUnseal, useUnsealRequests } from '../../api/privacy';
import { formatTime } from '../../components/format';
import { QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';

const STATUS_COLOR = { pending: 'gold', approved: 'green', rejected: 'default' } as const;

/** 解封审批: the security administrator decides requests to unseal a sealed applicant's data. */
export function UnsealRequestsPage() {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const [status, setStatus] = useState<'pending' | 'all'>('pending');
  const list = useUnsealRequests(status === 'pending' ? 'pending' : undefined);
  const decide = useDecideUnseal();
  const [deciding, setDeciding] = useState<{ r: UnsealRequest; approve: boolean } | null>(null);
  const [note, setNote] = useState('');
  if (list.error) return <QueryError error={list.error} onRetry={() => list.refetch()} />;

  const submit = async () => {
    if (!deciding) return;
    try {
      await decide.mutateAsync({ id: deciding.r.id, approve: deciding.approve, note });
      message.success(t(deciding.approve ? 'pd.approved' : 'pd.rejected'));
      setDeciding(null);
      setNote('');
    } catch (e) {
      notify(e);
    }
  };

  return (
    <Card
      title={t('pd.requests.title')}
      extra={
        <Segmented
          value={status}
          onChange={(v) => setStatus(v as 'pending' | 'all')}
          options={[
            { value: 'pending', label: t('pd.requests.pending') },
            { value: 'all', label: t('common.all') },
          ]}
        />
      }
    >
      <p style={{ marginTop: 0 }}>{t('pd.requests.explain')}</p>
      <Table<UnsealRequest>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('pd.requests.at'), render: (_v, r) => formatTime(r.requestedAt), width: 170 },
          { title: t('pd.requests.applicant'), render: (_v, r) => <code>{r.applicantId.slice(-8)}</code>, width: 110 },
          { title: t('pd.requests.by'), dataIndex: 'requestedBy', width: 110 },
          { title: t('pd.reason'), dataIndex: 'reason' },
          {
            title: t('common.status'),
            width: 160,
            render: (_v, r) => (
              <Space direction="vertical" size={0}>
                <Tag color={STATUS_COLOR[r.status]}>{t(`pd.status.${r.status}`)}</Tag>
                {r.decidedBy && (
                  <span>
                    {r.decidedBy} {formatTime(r.decidedAt)}
                  </span>
                )}
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            width: 150,
            render: (_v, r) =>
              r.status === 'pending' && (
                <Space>
                  <Button size="small" type="primary" onClick={() => setDeciding({ r, approve: true })}>
                    {t('pd.approve')}
                  </Button>
                  <Button size="small" onClick={() => setDeciding({ r, approve: false })}>
                    {t('pd.reject')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={deciding !== null}
        title={t(deciding?.approve ? 'pd.approve.title' : 'pd.reject.title')}
        onOk={submit}
        okButtonProps={{ loading: decide.isPending }}
        onCancel={() => setDeciding(null)}
      >
        <p>{deciding?.r.reason}</p>
        <Input.TextArea
          rows={3}
          value={note}
          maxLength={500}
          aria-label={t('pd.note')}
          placeholder={t('pd.note')}
          onChange={(e) => setNote(e.target.value)}
        />
      </Modal>
    </Card>
  );
}
