import { App, Alert, Button, Card, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  type EndpointInput,
  useCreateEndpoint,
  useRotateSecret,
  useSendTestEvent,
  useUpdateEndpoint,
  useWebhookEndpoints,
  useWebhookEventTypes,
  type WebhookEndpoint,
} from '../../api/webhooks';
import { useHallOptions } from '../../components/HallSelect';
import { QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';
import { DeliveryLog } from './DeliveryLog';
import { EndpointForm } from './EndpointForm';

/** 事件推送 (the system administrator's): machine clients' endpoints, their secrets (shown once) and deliveries. */
export function WebhooksPage() {
  const t = useT();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const list = useWebhookEndpoints();
  const types = useWebhookEventTypes();
  const halls = useHallOptions();
  const create = useCreateEndpoint();
  const update = useUpdateEndpoint();
  const rotate = useRotateSecret();
  const test = useSendTestEvent();
  const [form, setForm] = useState<{ open: boolean; editing: WebhookEndpoint | null }>({ open: false, editing: null });
  const [secret, setSecret] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const label = (type: string) => types.data?.items.find((x) => x.type === type)?.label ?? type;

  if (list.error && !list.data) return <QueryError error={list.error} onRetry={() => list.refetch()} />;
  const endpoints = list.data?.items ?? [];
  const shown = endpoints.find((e) => e.id === selected);

  const save = async (v: EndpointInput) => {
    try {
      if (form.editing) {
        await update.mutateAsync({ id: form.editing.id, ...v });
        message.success(t('wh.saved'));
      } else {
        const made = await create.mutateAsync(v);
        setSecret(made.secret);
        setSelected(made.endpoint.id);
      }
      setForm({ open: false, editing: null });
    } catch (e) {
      notify(e);
    }
  };
  const toggle = (e: WebhookEndpoint) =>
    update
      .mutateAsync({ id: e.id, name: e.name, url: e.url, events: e.events, hallIds: e.hallIds, active: !e.active })
      .then(() => message.success(t('wh.saved')), notify);

  return (
    <>
      <Card
        title={t('wh.title')}
        extra={
          <Button type="primary" onClick={() => setForm({ open: true, editing: null })}>
            {t('wh.add')}
          </Button>
        }
      >
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('wh.hint')} />
        <Table<WebhookEndpoint>
          rowKey="id"
          loading={list.isFetching}
          dataSource={endpoints}
          pagination={false}
          locale={{ emptyText: t('wh.empty') }}
          columns={[
            { title: t('wh.name'), dataIndex: 'name', width: 160 },
            { title: t('wh.url'), dataIndex: 'url', ellipsis: true },
            {
              title: t('wh.events'),
              render: (_, e) => e.events.map((x) => <Tag key={x}>{label(x)}</Tag>),
            },
            { title: t('wh.halls'), width: 180, render: (_, e) => e.hallIds.map(halls.nameOf).join('、') },
            {
              title: t('wh.active'),
              width: 90,
              render: (_, e) =>
                e.active ? <Tag color="success">{t('wh.state.active')}</Tag> : <Tag>{t('wh.state.inactive')}</Tag>,
            },
            {
              title: t('common.actions'),
              width: 380,
              render: (_, e) => (
                <Space size={4} wrap>
                  <Button size="small" onClick={() => setForm({ open: true, editing: e })}>
                    {t('wh.edit')}
                  </Button>
                  <Button size="small" onClick={() => toggle(e)}>
                    {e.active ? t('wh.disable') : t('wh.enable')}
                  </Button>
                  <Popconfirm
                    title={t('wh.rotateConfirm')}
                    onConfirm={() => rotate.mutateAsync(e.id).then((r) => setSecret(r.secret), notify)}
                  >
                    <Button size="small">{t('wh.rotate')}</Button>
                  </Popconfirm>
                  <Button
                    size="small"
                    disabled={!e.active}
                    onClick={() =>
                      test.mutateAsync(e.id).then(() => {
                        message.success(t('wh.testQueued'));
                        setSelected(e.id);
                      }, notify)
                    }
                  >
                    {t('wh.test')}
                  </Button>
                  <Button
                    size="small"
                    type={selected === e.id ? 'primary' : 'default'}
                    onClick={() => setSelected(e.id)}
                  >
                    {t('wh.log')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {shown ? (
        <DeliveryLog key={shown.id} endpoint={shown} />
      ) : (
        endpoints.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
            {t('wh.pickEndpoint')}
          </Typography.Paragraph>
        )
      )}
      <EndpointForm
        open={form.open}
        editing={form.editing}
        saving={create.isPending || update.isPending}
        onCancel={() => setForm({ open: false, editing: null })}
        onSave={save}
      />
      <Modal
        open={secret !== null}
        title={t('wh.secretTitle')}
        onOk={() => setSecret(null)}
        onCancel={() => setSecret(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <Alert type="warning" showIcon title={t('wh.secretHint')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable code aria-label={t('wh.secretTitle')}>
          {secret}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
