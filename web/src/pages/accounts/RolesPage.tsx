import { CheckOutlined } from '@ant-design/icons';
import { Alert, Card, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useRoles } from '../../api/accounts';
import type { Role } from '../../api/types';
import { QueryError } from '../../components/Results';
import { useT } from '../../i18n';

const KNOWN_PERMS = [
  'org.read',
  'org.manage',
  'account.read',
  'account.manage',
  'account.grant_admin',
  'policy.manage',
  'audit.read',
  'audit.verify',
  'catalog.read',
  'catalog.manage',
];

export function RolesPage() {
  const t = useT();
  const roles = useRoles();
  if (roles.error) return <QueryError error={roles.error} onRetry={() => roles.refetch()} />;
  const items = roles.data?.items ?? [];
  const extra = Array.from(new Set(items.flatMap((r) => r.permissions))).filter((p) => !KNOWN_PERMS.includes(p));
  const perms = [...KNOWN_PERMS, ...extra.sort()];

  const columns: ColumnsType<Role> = [
    {
      title: t('roles.role'),
      key: 'role',
      fixed: 'left',
      width: 170,
      render: (_, r) => (
        <div>
          <div>{t.locale === 'en' ? r.nameEn : r.name}</div>
          <div style={{ color: '#999', fontSize: 12 }}>{r.code}</div>
        </div>
      ),
    },
    {
      title: t('roles.adminClass'),
      dataIndex: 'adminClass',
      width: 120,
      render: (c: Role['adminClass']) => (c ? <Tag color="purple">{t.label('adminClass', c)}</Tag> : '—'),
    },
    ...perms.map((p) => ({
      title: <span title={p}>{t.label('perm', p)}</span>,
      key: p,
      width: 96,
      align: 'center' as const,
      render: (_: unknown, r: Role) =>
        r.permissions.includes(p) ? <CheckOutlined style={{ color: '#389e0d' }} aria-label={p} /> : null,
    })),
  ];

  return (
    <Card title={t('roles.title')}>
      <Alert type="info" showIcon title={t('roles.readonlyHint')} style={{ marginBottom: 16 }} />
      <Table<Role>
        rowKey="code"
        loading={roles.isLoading}
        dataSource={items}
        columns={columns}
        pagination={false}
        bordered
        size="small"
        scroll={{ x: 300 + perms.length * 96 }}
      />
    </Card>
  );
}
