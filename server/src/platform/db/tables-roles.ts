/** Tables of roles as data. Instants are epoch ms. */

/** A role composed of permissions by the security administrator; `permissions` is a JSON array of codes. */
export interface CustomRoleTable {
  code: string;
  name: string;
  name_en: string;
  permissions: string;
  status: 'active' | 'retired';
  created_by: string;
  created_at: number;
  updated_at: number;
  retired_at: number | null;
}

export interface RoleTables {
  custom_roles: CustomRoleTable;
}
