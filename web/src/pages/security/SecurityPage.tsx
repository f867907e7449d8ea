import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Image, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../../api/auth';
import { applyFieldError } from '../../api/formErrors';
import { useDisableTotp, useEnableTotp, useNewRecoveryCodes, useStartTotp, useTotpStatus } from '../../api/security';
import { PageLoading, QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';

/** 账户安全: two-factor sign-in (enrolment with a QR code, recovery codes shown once, turning it off). */
export function SecurityPage() {
  const t = useT();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const { data: me } = useMe();
  const status = useTotpStatus();
  const start = useStartTotp();
  const enable = useEnableTotp();
  const regenerate = useNewRecoveryCodes();
  const disable = useDisableTotp();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [confirmForm] = Form.useForm<{ code: string }>();
  const [codesForm] = Form.useForm<{ code: string }>();
  const [offForm] = Form.useForm<{ password: string }>();

  if (status.error) return <QueryError error={status.error} onRetry={() => status.refetch()} />;
  if (!status.data) return <PageLoading />;
  const s = status.data;
  const setup = start.data && !s.enabled ? start.data : null;

  return (
    <Card title={t('security.title')} style={{ maxWidth: 760 }}>
      {me?.mustEnrolTotp && (
        <Alert type="warning" showIcon title={t('security.mustEnrol')} style={{ marginBottom: 16 }} />
      )}
      <Descriptions column={1} bordered size="middle">
        <Descriptions.Item label={t('security.totp')}>
          <Space>
            <Tag color={s.enabled ? 'green' : 'default'} icon={<SafetyCertificateOutlined />} data-testid="totp-state">
              {s.enabled ? t('security.enabled') : t('security.disabled')}
            </Tag>
            {s.enabled && (
              <Typography.Text type="secondary">
                {t('security.recoveryLeft', { n: s.recoveryCodesLeft })}
              </Typography.Text>
            )}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {s.required ? t('security.requiredForAdmins') : t('security.optional')}
      </Typography.Paragraph>

      {!s.enabled && !setup && (
        <Button
          type="primary"
          loading={start.isPending}
          onClick={() => start.mutate(undefined, { onError: notifyError })}
        >
          {t('security.start')}
        </Button>
      )}
      {setup && (
        <div data-testid="totp-setup">
          <Typography.Paragraph>{t('security.scan')}</Typography.Paragraph>
          <Space align="start" size="large" wrap>
            <Image src={setup.qrDataUrl} width={200} preview={false} alt="TOTP QR" />
            <div>
              <Typography.Text type="secondary">{t('security.secret')}</Typography.Text>
              <Typography.Paragraph copyable code data-testid="totp-secret" style={{ fontSize: 16 }}>
                {setup.secret}
              </Typography.Paragraph>
              <Form
                form={confirmForm}
                name="totp-confirm"
                layout="vertical"
                onFinish={({ code }) =>
                  enable.mutate(code.trim(), {
                    onSuccess: (r) => {
                      setCodes(r.recoveryCodes);
                      message.success(t('security.enabledDone'));
                    },
                    onError: (e) => applyFieldError(confirmForm, e) || notifyError(e),
                  })
                }
              >
                <Form.Item label={t('security.confirmCode')} name="code" rules={[{ required: true, whitespace: true }]}>
                  <Input inputMode="numeric" maxLength={6} style={{ width: 180 }} autoComplete="one-time-code" />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={enable.isPending}>
                  {t('security.confirm')}
                </Button>
              </Form>
            </div>
          </Space>
        </div>
      )}

      {s.enabled && (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          <Form
            form={codesForm}
            name="recovery-codes"
            layout="inline"
            onFinish={({ code }) =>
              regenerate.mutate(code.trim(), {
                onSuccess: (r) => {
                  setCodes(r.recoveryCodes);
                  codesForm.resetFields();
                },
                onError: (e) => applyFieldError(codesForm, e) || notifyError(e),
              })
            }
          >
            <Form.Item label={t('security.newCodesHint')} name="code" rules={[{ required: true, whitespace: true }]}>
              <Input inputMode="numeric" maxLength={6} style={{ width: 140 }} />
            </Form.Item>
            <Button htmlType="submit" loading={regenerate.isPending}>
              {t('security.newCodes')}
            </Button>
          </Form>
          {!s.required && (
            <Form
              form={offForm}
              name="totp-off"
              layout="inline"
              onFinish={({ password }) =>
                disable.mutate(password, {
                  onSuccess: () => {
                    message.success(t('security.turnedOff'));
                    offForm.resetFields();
                  },
                  onError: (e) => applyFieldError(offForm, e) || notifyError(e),
                })
              }
            >
              <Form.Item label={t('security.turnOffHint')} name="password" rules={[{ required: true }]}>
                <Input.Password style={{ width: 180 }} autoComplete="current-password" />
              </Form.Item>
              <Button danger htmlType="submit" loading={disable.isPending}>
                {t('security.turnOff')}
              </Button>
            </Form>
          )}
        </Space>
      )}

      <Modal
        open={codes !== null}
        title={t('security.recoveryTitle')}
        closable={false}
        maskClosable={false}
        footer={
          <Button type="primary" onClick={() => setCodes(null)}>
            {t('security.done')}
          </Button>
        }
      >
        <Alert type="warning" showIcon title={t('security.recoveryHint')} style={{ marginBottom: 12 }} />
        <List
          grid={{ column: 2 }}
          dataSource={codes ?? []}
          data-testid="recovery-codes"
          renderItem={(c) => (
            <List.Item>
              <Typography.Text code copyable style={{ fontSize: 15 }}>
                {c}
              </Typography.Text>
            </List.Item>
          )}
        />
      </Modal>
    </Card>
  );
}
