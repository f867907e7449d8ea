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
      // A retired custom role can no longer be given.
      return roles.data.items
        .filter((r) => r.status !== 'retired')
        .map((r) => ({ value: r.code, label: t.locale === 'en' ? r.nameEn : r.name }));
    }
    return ROLE_CODES.map((c) => ({ value: c, label: t.label('role', c) }));
  }, [roles.data, t]);
}

/** A role's display name, custom roles included (their names come from GET /api/roles). */
export function useRoleName(): (code: string) => string {
  const t = useT();
  const can = useCan();
  const roles = useRoles(can('account.read'));
  return useMemo(() => {
    const names = new Map((roles.data?.items ?? []).map((r) => [r.code, t.locale === 'en' ? r.nameEn : r.name]));
    return (code: string) => names.get(code) ?? t.label('role', code);
  }, [roles.data, t]);
}
