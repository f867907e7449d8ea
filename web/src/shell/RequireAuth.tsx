import { Navigate, Outlet, useLocation } from 'react-router';
import { isSessionExpired, useMe } from '../api/auth';
import { PageLoading, QueryError } from '../components/Results';

export const CHANGE_PASSWORD_PATH = '/account/password';

/** Gate for the staff area: signed in, and initial password already changed. */
export function RequireAuth() {
  const { data: me, isPending, error, refetch } = useMe();
  const location = useLocation();
  if (isPending) return <PageLoading />;
  if (error) return <QueryError error={error} onRetry={() => refetch()} />;
  if (!me) {
    const next = location.pathname + location.search;
    const to = next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace state={isSessionExpired() ? { expired: true } : undefined} />;
  }
  if (me.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return <Outlet />;
}
