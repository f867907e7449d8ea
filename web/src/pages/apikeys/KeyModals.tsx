import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Form, Input, InputNumber, Modal, Space, Timeline, Typography } from 'antd';
import type { ApiKey, IssuedKey } from '../../api/apiKeys';
import { useKeyEvents } from '../../api/apiKeys';
import { FormModal } from '../../components/FormModal';
import { formatTime } from '../../components/format';
import { useT } from '../../i18n';

/** The whole key, shown once after an issue or a rotation, with a copy button and the warning. */
export function SecretModal({ issued, onClose }: { issued: IssuedKey | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const secret = issued?.secret ?? null;
  return (
    <Modal
      open={issued !== null}
      title={t('apikeys.secretTitle')}
      closable={false}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('apikeys.secretDone')}
        </Button>
      }
    >
      {secret ? (
        <>
          <Alert type="warning" showIcon title={t('apikeys.secretWarning')} style={{ marginBottom: 12 }} />
          <Typography.Paragraph code copyable={false} aria-label={issued?.key.name} style={{ wordBreak: 'break-all' }}>
            {secret}
          </Typography.Paragraph>
          <Space direction="vertical">
            <Button
              icon={<CopyOutlined />}
              onClick={async () => {
                await navigator.clipboard.writeText(secret);
                message.success(t('apikeys.copied'));
              }}
            >
              {t('apikeys.copy')}
            </Button>
            <Typography.Text type="secondary">{t('apikeys.usage')}</Typography.Text>
          </Space>
        </>
      ) : (
        <Alert type="info" showIcon title={t('apikeys.secretReplayed')} />
      )}
    </Modal>
  );
}

export function RotateModal({
  target,
  onCancel,
  onSubmit,
}: {
  target: ApiKey | null;
  onCancel: () => void;
  onSubmit: (v: { graceDays: number; reason?: string }) => Promise<unknown>;
}) {
  const t = useT();
  return (
    <FormModal<{ graceDays: number; reason?: string }>
      name="rotate"
      open={target !== null}
      title={t('apikeys.rotateTitle', { name: target?.name ?? '' })}
      initialValues={{ graceDays: 7 }}
      okText={t('apikeys.rotate')}
      onCancel={onCancel}
      onSubmit={onSubmit}
    >
      <Alert type="info" showIcon title={t('apikeys.rotateHint')} style={{ marginBottom: 16 }} />
      <Form.Item name="graceDays" label={t('apikeys.graceDays')} rules={[{ required: true }]}>
        <InputNumber min={0} max={30} precision={0} />
      </Form.Item>
      <Form.Item name="reason" label={t('apikeys.reasonOptional')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

export function RevokeModal({
  target,
  onCancel,
  onSubmit,
}: {
  target: ApiKey | null;
  onCancel: () => void;
  onSubmit: (v: { reason: string }) => Promise<unknown>;
}) {
  const t = useT();
  return (
    <FormModal<{ reason: string }>
      name="revoke"
      open={target !== null}
      title={t('apikeys.revokeTitle', { name: target?.name ?? '' })}
      okText={t('apikeys.revoke')}
      onCancel={onCancel}
      onSubmit={onSubmit}
    >
      <Alert type="warning" showIcon title={t('apikeys.revokeHint')} style={{ marginBottom: 16 }} />
      <Form.Item name="reason" label={t('apikeys.reason')} rules={[{ required: true, min: 2, max: 500 }]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

/** The key's own trail; the audit log itself is the audit administrator's to read (三权分立). */
export function TrailDrawer({ target, onClose }: { target: ApiKey | null; onClose: () => void }) {
  const t = useT();
  const events = useKeyEvents(target?.id ?? null);
  return (
    <Drawer
      open={target !== null}
      width={480}
      title={t('apikeys.trailTitle', { name: target?.name ?? '' })}
      onClose={onClose}
    >
      <Timeline
        items={(events.data?.items ?? []).map((e) => ({
          children: (
            <div>
              <Typography.Text strong>{t(`apikeys.action.${e.action}`)}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {formatTime(e.at)} · {e.actorName}
              </Typography.Text>
              {e.reason && <div>{e.reason}</div>}
            </div>
          ),
        }))}
      />
      <Alert
        type="info"
        title={t('apikeys.trailAudit', { id: target?.id ?? '', name: target?.name ?? '' })}
        style={{ marginTop: 16 }}
      />
    </Drawer>
  );
}
