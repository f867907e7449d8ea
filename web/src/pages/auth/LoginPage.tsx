import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useLogin, useMe, useSystemMode } from '../../api/auth';
import { isApiError, isNetworkError } from '../../api/client';
import { LocaleSwitch } from '../../components/LocaleSwitch';
import { useT } from '../../i18n';
import './auth.css';

interface LoginValues {
  username: string;
  password: string;
}

/** Only same-site relative paths are accepted as a post-login target. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const t = useT();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const login = useLogin();
  const [error, setError] = useState<string | null>(null);
  // After a right password on an account with two-factor sign-in: the code step, holding the first step's values.
  const [pending, setPending] = useState<LoginValues | null>(null);
  const mode = useSystemMode();
  const next = safeNext(params.get('next'));
  const state = location.state as { expired?: boolean; loggedOut?: boolean } | null;

  const landing = (u: { mustChangePassword: boolean; mustEnrolTotp?: boolean }) =>
    u.mustChangePassword ? '/account/password' : u.mustEnrolTotp ? '/account/security' : next;
  if (me && !login.isPending) {
    return <Navigate to={landing(me)} replace />;
  }

  const submit = (values: LoginValues & { totpCode?: string }) => {
    setError(null);
    login.mutate(values, {
      onSuccess: ({ user }) => navigate(landing(user), { replace: true }),
      onError: (e) => {
        if (isApiError(e) && e.code === 'TOTP_REQUIRED')
          setPending({ username: values.username, password: values.password });
        else if (isNetworkError(e)) setError(t('error.network'));
        else setError(e instanceof Error ? e.message : String(e));
        // A locked account answers like a wrong password: back to the password step.
        if (isApiError(e) && e.code === 'INVALID_CREDENTIALS') setPending(null);
      },
    });
  };
  const onFinish = (values: LoginValues) => submit(values);

  const notice = state?.expired ? t('login.sessionExpired') : state?.loggedOut ? t('login.loggedOut') : null;

  return (
    <div className="ow-login">
      <div className="ow-login-top">
        <LocaleSwitch />
      </div>
      <Card className="ow-login-card">
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          {t('app.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('login.title')}
        </Typography.Paragraph>
        {mode.data?.demo && (
          <Alert
            type="warning"
            showIcon
            title={t('login.demoBanner')}
            style={{ marginBottom: 16 }}
            data-testid="demo-banner"
          />
        )}
        {notice && !error && <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} />}
        {error && (
          <Alert
            type="error"
            showIcon
            title={error}
            style={{ marginBottom: 16 }}
            role="alert"
            data-testid="login-error"
          />
        )}
        {pending ? (
          <Form<{ totpCode: string }>
            name="login-totp"
            layout="vertical"
            requiredMark={false}
            size="large"
            onFinish={({ totpCode }) => submit({ ...pending, totpCode: totpCode.trim() })}
          >
            <Typography.Paragraph>{t('login.totpHint')}</Typography.Paragraph>
            <Form.Item
              label={t('login.totpCode')}
              name="totpCode"
              rules={[{ required: true, whitespace: true, message: t('login.totpRequired') }]}
            >
              <Input
                prefix={<SafetyOutlined />}
                autoComplete="one-time-code"
                inputMode="numeric"
                autoFocus
                maxLength={16}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={login.isPending}>
              {t('login.submit')}
            </Button>
            <Button
              type="link"
              block
              onClick={() => {
                setPending(null);
                setError(null);
              }}
            >
              {t('login.totpBack')}
            </Button>
          </Form>
        ) : (
          <Form<LoginValues> name="login" layout="vertical" onFinish={onFinish} requiredMark={false} size="large">
            <Form.Item
              label={t('login.username')}
              name="username"
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              label={t('login.password')}
              name="password"
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={login.isPending}>
              {t('login.submit')}
            </Button>
          </Form>
        )}
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Link to="/guide">{t('login.guideLink')}</Link>
        </div>
      </Card>
    </div>
  );
}
