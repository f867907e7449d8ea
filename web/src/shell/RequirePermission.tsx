import { Outlet } from 'react-router';
import { useCan } from '../api/auth';
import { Forbidden } from '../components/Results';

/** Route gate: renders the child route only when the user holds one of `anyOf`; otherwise 403 无权访问. */
export function RequirePermission({ anyOf }: { anyOf: string[] }) {
  const can = useCan();
  return anyOf.some(can) ? <Outlet /> : <Forbidden />;
}
