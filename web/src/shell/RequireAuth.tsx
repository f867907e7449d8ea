import { Navigate, Outlet, useLocation } from 'react-router';
import { isSessionExpired, useMe } from '../api/auth';
import { PageLoading, QueryError } from '../components/Results';

export const CHANGE_PASSWORD_PATH = '/account/password';
export const ACCOUNT_SECURITY_PATH = '/account/security';

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
  // An administrator without two-factor sign-in enrols it before anything else.
  if (!me.mustChangePassword && me.mustEnrolTotp && location.pathname !== ACCOUNT_SECURITY_PATH) {
    return <Navigate to={ACCOUNT_SECURITY_PATH} replace />;
  }
  return <Outlet />;
}
