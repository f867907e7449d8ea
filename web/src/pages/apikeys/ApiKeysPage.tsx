import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import {
  type ApiKey,
  type IssuedKey,
  useApiKeys,
  useIssueKey,
  useRescopeKey,
  useRevokeKey,
  useRotateKey,
} from '../../api/apiKeys';
import { useHalls } from '../../api/org';
import { FormModal } from '../../components/FormModal';
import { formatDate, formatTime } from '../../components/format';
import { QueryError } from '../../components/Results';
import { useT } from '../../i18n';
import { RevokeModal, RotateModal, SecretModal, TrailDrawer } from './KeyModals';
import { expiryOf, ScopeFields, type ScopeValues } from './ScopeFields';

type IssueValues = ScopeValues & { name: string; holderOrg: string; holderContact: string };
type Dialog = { kind: 'issue' } | { kind: 'scope' | 'rotate' | 'revoke' | 'trail'; key: ApiKey } | null;
const STATE_COLOR = { active: 'green', revoked: 'red', expired: 'default' } as const;

/** 接口密钥: the security administrator's keys of machine clients — issue, scope, rotate, revoke, their history. */
export function ApiKeysPage() {
  const t = useT();
  const { message } = App.useApp();
  const keys = useApiKeys();
  const halls = useHalls();
  const issue = useIssueKey();
  const rescope = useRescopeKey();
  const rotate = useRotateKey();
  const revoke = useRevokeKey();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [issued, setIssued] = useState<IssuedKey | null>(null);
  // One Idempotency-Key per opened issue form: a double click or a retry after a lost answer issues once.
  const [issueAttempt, setIssueAttempt] = useState(() => crypto.randomUUID());
  const hallName = useMemo(() => new Map((halls.data?.items ?? []).map((h) => [h.id, h.name])), [halls.data]);
  if (keys.error) return <QueryError error={keys.error} onRetry={() => keys.refetch()} />;
  const target = dialog && dialog.kind !== 'issue' ? dialog.key : null;
  const close = () => setDialog(null);

  const columns: ColumnsType<ApiKey> = [
    {
      title: t('apikeys.name'),
      key: 'name',
      render: (_, k) => (
        <div>
          <div>{k.name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {k.holderOrg} · {k.holderContact}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('apikeys.prefix'),
      key: 'prefix',
      width: 150,
      render: (_, k) => (
        <Space direction="vertical" size={0}>
          <Typography.Text code>owk_{k.prefix}_…</Typography.Text>
          {k.secrets
            .filter((s) => s.retiresAt !== null)
            .map((s) => (
              <Typography.Text key={s.prefix} type="secondary" style={{ fontSize: 12 }}>
                {t('apikeys.graceUntil', { prefix: s.prefix, at: formatTime(s.retiresAt) })}
              </Typography.Text>
            ))}
        </Space>
      ),
    },
    {
      title: t('apikeys.scope'),
      key: 'scope',
      render: (_, k) => (
        <Space direction="vertical" size={2}>
          <Tooltip title={k.permissions.map((p) => t.label('perm', p)).join('、')}>
            <Tag>{t('apikeys.permissionCount', { n: k.permissions.length })}</Tag>
          </Tooltip>
          <span>{k.hallIds.map((h) => hallName.get(h) ?? h).join('、')}</span>
        </Space>
      ),
    },
    { title: t('apikeys.expiresAt'), dataIndex: 'expiresAt', width: 110, render: (v: number) => formatDate(v) },
    {
      title: t('apikeys.lastUsed'),
      key: 'lastUsed',
      width: 170,
      render: (_, k) =>
        k.lastUsedAt ? (
          <div>
            <div>{formatTime(k.lastUsedAt)}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {k.lastUsedIp}
            </Typography.Text>
          </div>
        ) : (
          <Typography.Text type="secondary">{t('apikeys.neverUsed')}</Typography.Text>
        ),
    },
    {
      title: t('apikeys.state'),
      dataIndex: 'state',
      width: 80,
      render: (s: ApiKey['state']) => <Tag color={STATE_COLOR[s]}>{t(`apikeys.state.${s}`)}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 240,
      render: (_, k) => (
        <Space size={0} wrap>
          {k.state !== 'revoked' && (
            <>
              <Button type="link" size="small" onClick={() => setDialog({ kind: 'scope', key: k })}>
                {t('apikeys.editScope')}
              </Button>
              <Button type="link" size="small" onClick={() => setDialog({ kind: 'rotate', key: k })}>
                {t('apikeys.rotate')}
              </Button>
              <Button type="link" size="small" danger onClick={() => setDialog({ kind: 'revoke', key: k })}>
                {t('apikeys.revoke')}
              </Button>
            </>
          )}
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'trail', key: k })}>
            {t('apikeys.trail')}
          </Button>
        </Space>
      ),
    },
  ];

  const onIssue = async (v: IssueValues) => {
    const answer = await issue.mutateAsync({
      idempotencyKey: issueAttempt,
      input: {
        name: v.name,
        holderOrg: v.holderOrg,
        holderContact: v.holderContact,
        permissions: v.permissions,
        hallIds: v.hallIds,
        expiresAt: expiryOf(v.expiresOn),
        ...(v.ratePerMinute ? { ratePerMinute: v.ratePerMinute } : {}),
      },
    });
    setIssueAttempt(crypto.randomUUID());
    close();
    setIssued(answer);
  };

  const onRescope = async (v: ScopeValues & { reason: string }) => {
    if (!target) return;
    await rescope.mutateAsync({
      id: target.id,
      patch: {
        permissions: v.permissions,
        hallIds: v.hallIds,
        expiresAt: expiryOf(v.expiresOn),
        ...(v.ratePerMinute ? { ratePerMinute: v.ratePerMinute } : {}),
        reason: v.reason,
      },
    });
    message.success(t('apikeys.saved'));
    close();
  };

  return (
    <Card
      title={t('apikeys.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'issue' })}>
          {t('apikeys.issue')}
        </Button>
      }
    >
      <Alert type="info" showIcon title={t('apikeys.intro')} style={{ marginBottom: 16 }} />
      <Table<ApiKey>
        rowKey="id"
        loading={keys.isLoading}
        dataSource={keys.data?.items ?? []}
        columns={columns}
        pagination={false}
        size="small"
        onRow={(k) => (k.state === 'active' ? {} : { style: { opacity: 0.6 } })}
      />
      <FormModal<IssueValues>
        name="issue"
        width={720}
        open={dialog?.kind === 'issue'}
        title={t('apikeys.issue')}
        okText={t('apikeys.issue')}
        initialValues={{ permissions: [], hallIds: [], expiresOn: dayjs().add(1, 'year'), ratePerMinute: 300 }}
        aliases={{ expiresAt: 'expiresOn' }}
        onCancel={close}
        onSubmit={onIssue}
      >
        <Form.Item name="name" label={t('apikeys.name')} rules={[{ required: true, min: 2, max: 60 }]}>
          <Input placeholder={t('apikeys.namePlaceholder')} maxLength={60} />
        </Form.Item>
        <Space size="middle" style={{ display: 'flex' }} align="start">
          <Form.Item name="holderOrg" label={t('apikeys.holderOrg')} rules={[{ required: true, min: 2, max: 100 }]}>
            <Input style={{ width: 300 }} maxLength={100} />
          </Form.Item>
          <Form.Item
            name="holderContact"
            label={t('apikeys.holderContact')}
            rules={[{ required: true, min: 2, max: 100 }]}
          >
            <Input style={{ width: 300 }} maxLength={100} />
          </Form.Item>
        </Space>
        <ScopeFields />
      </FormModal>
      <FormModal<ScopeValues & { reason: string }>
        name="scope"
        width={720}
        open={dialog?.kind === 'scope'}
        title={t('apikeys.editScopeTitle', { name: target?.name ?? '' })}
        initialValues={
          target
            ? {
                permissions: target.permissions,
                hallIds: target.hallIds,
                expiresOn: dayjs(target.expiresAt),
                ratePerMinute: target.ratePerMinute,
              }
            : undefined
        }
        aliases={{ expiresAt: 'expiresOn' }}
        onCancel={close}
        onSubmit={onRescope}
      >
        <ScopeFields />
        <Form.Item name="reason" label={t('apikeys.reason')} rules={[{ required: true, min: 2, max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </FormModal>
      <RotateModal
        target={dialog?.kind === 'rotate' ? target : null}
        onCancel={close}
        onSubmit={async (v) => {
          if (!target) return;
          const answer = await rotate.mutateAsync({ id: target.id, ...v });
          close();
          setIssued(answer);
        }}
      />
      <RevokeModal
        target={dialog?.kind === 'revoke' ? target : null}
        onCancel={close}
        onSubmit={async (v) => {
          if (!target) return;
          await revoke.mutateAsync({ id: target.id, reason: v.reason });
          message.success(t('apikeys.revoked'));
          close();
        }}
      />
      <TrailDrawer target={dialog?.kind === 'trail' ? target : null} onClose={close} />
      <SecretModal issued={issued} onClose={() => setIssued(null)} />
    </Card>
  );
}
