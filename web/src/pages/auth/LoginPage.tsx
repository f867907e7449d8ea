import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useLogin, useMe } from '../../api/auth';
import { isNetworkError } from '../../api/client';
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
  const next = safeNext(params.get('next'));
  const state = location.state as { expired?: boolean; loggedOut?: boolean } | null;

  if (me && !login.isPending) {
    return <Navigate to={me.mustChangePassword ? '/account/password' : next} replace />;
  }

  const onFinish = (values: LoginValues) => {
    setError(null);
    login.mutate(values, {
      onSuccess: ({ user }) => navigate(user.mustChangePassword ? '/account/password' : next, { replace: true }),
      onError: (e) => {
        if (isNetworkError(e)) setError(t('error.network'));
        else setError(e instanceof Error ? e.message : String(e));
      },
    });
  };

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
        {notice && !error && <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} />}
        {error && (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" data-testid="login-error" />
        )}
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
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Link to="/guide">{t('login.guideLink')}</Link>
        </div>
      </Card>
    </div>
  );
}
