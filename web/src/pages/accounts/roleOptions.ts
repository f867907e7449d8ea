import { useMemo } from 'react';
import { useRoles } from '../../api/accounts';
import { useCan } from '../../api/auth';
import { useT } from '../../i18n';

export const ROLE_CODES = [
  'applicant',
  'clerk',
  'reviewer',
  'router',
  'handler',
  'approver',
  'feedback',
  'supervisor',
  'station_head',
  'inspector',
  'sysadmin',
  'secadmin',
  'auditadmin',
];

/** Role select options: from GET /api/roles when allowed, else the contract's role list. */
export function useRoleOptions(): { value: string; label: string }[] {
  const t = useT();
  const can = useCan();
  const roles = useRoles(can('account.read'));
  return useMemo(() => {
    if (roles.data) {
      return roles.data.items.map((r) => ({ value: r.code, label: t.locale === 'en' ? r.nameEn : r.name }));
    }
    return ROLE_CODES.map((c) => ({ value: c, label: t.label('role', c) }));
  }, [roles.data, t]);
}
