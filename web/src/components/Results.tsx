import { Button, Result, Spin } from 'antd';
import { Link } from 'react-router';
import { isApiError, isNetworkError } from '../api/client';
import { useT } from '../i18n';

export function Forbidden() {
  const t = useT();
  return (
    <Result
      status="403"
      title={t('error.forbidden')}
      subTitle={t('error.forbiddenDesc')}
      extra={
        <Link to="/">
          <Button type="primary">{t('error.backHome')}</Button>
        </Link>
      }
    />
  );
}

export function NotFound({ home = '/', subTitle }: { home?: string; subTitle?: string }) {
  const t = useT();
  return (
    <Result
      status="404"
      title={t('error.notFound')}
      subTitle={subTitle ?? t('error.notFoundDesc')}
      extra={
        <Link to={home}>
          <Button type="primary">{t('common.back')}</Button>
        </Link>
      }
    />
  );
}

export function PageLoading() {
  const t = useT();
  return (
    <div style={{ padding: 64, textAlign: 'center' }}>
      <Spin size="large" />
      <div style={{ marginTop: 12, color: '#888' }}>{t('common.loading')}</div>
    </div>
  );
}

/** Shows a failed query: 403 → 无权访问, 404 → not found, else the message with a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  if (isApiError(error) && error.status === 403 && error.code === 'FORBIDDEN') return <Forbidden />;
  if (isApiError(error) && error.status === 404) return <NotFound />;
  return (
    <Result
      status="error"
      title={t('common.loadFailed')}
      subTitle={isNetworkError(error) ? t('error.network') : error instanceof Error ? error.message : String(error)}
      extra={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}
