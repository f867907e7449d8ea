import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Form, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useRoles } from '../../api/accounts';
import { useCan } from '../../api/auth';
import { type CustomRoleInput, useCreateRole, usePermissions, useRetireRole, useUpdateRole } from '../../api/roles';
import type { Role } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { QueryError } from '../../components/Results';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';

type Editing = { role?: Role } | null;
const ADMIN_CLASSES = ['system', 'security', 'audit', 'admin'];

/** 角色权限: the fixed posts and the custom roles the security administrator composes, edits and retires. */
export function RolesPage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const roles = useRoles();
  const create = useCreateRole();
  const update = useUpdateRole();
  const retire = useRetireRole();
  const [editing, setEditing] = useState<Editing>(null);
  const canManage = can('role.manage');
  if (roles.error) return <QueryError error={roles.error} onRetry={() => roles.refetch()} />;
  const name = (r: Role) => (t.locale === 'en' ? r.nameEn : r.name);

  const columns: ColumnsType<Role> = [
    {
      title: t('roles.name'),
      key: 'role',
      width: 190,
      render: (_, r) => (
        <div>
          <div>{name(r)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.code}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('roles.kind'),
      key: 'kind',
      width: 130,
      render: (_, r) => (
        <Space size={4} wrap>
          {r.custom ? <Tag color="blue">{t('roles.custom')}</Tag> : <Tag>{t('roles.fixed')}</Tag>}
          {r.status === 'retired' && <Tag color="default">{t('roles.statusRetired')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('roles.adminClass'),
      dataIndex: 'adminClass',
      width: 120,
      render: (c: Role['adminClass']) =>
        c ? <Tag color="purple">{t.label('adminClass', c)}</Tag> : <Tag color="green">{t('roles.business')}</Tag>,
    },
    {
      title: t('roles.permissions'),
      key: 'permissions',
      render: (_, r) => (
        <Space size={[4, 4]} wrap>
          {r.permissions.map((p) => (
            <Tag key={p} title={p} style={{ marginInlineEnd: 0 }}>
              {t.label('perm', p)}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('roles.holders'), dataIndex: 'holders', width: 80, align: 'right' },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      render: (_, r) =>
        r.custom && r.status === 'active' ? (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setEditing({ role: r })}>
              {t('common.edit')}
            </Button>
            <Popconfirm
              title={t('roles.retireConfirm', { n: r.holders ?? 0 })}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={async () => {
                try {
                  await retire.mutateAsync(r.code);
                  message.success(t('roles.retired'));
                } catch (e) {
                  notifyError(e);
                }
              }}
            >
              <Button type="link" size="small" danger>
                {t('roles.retire')}
              </Button>
            </Popconfirm>
          </Space>
        ) : null,
    });
  }

  const onSubmit = async (values: CustomRoleInput) => {
    const current = editing?.role;
    const body = { name: values.name, nameEn: values.nameEn || undefined, permissions: values.permissions };
    if (current) {
      await update.mutateAsync({ code: current.code, values: body });
      message.success(t('common.saved'));
    } else {
      await create.mutateAsync({ ...body, code: values.code });
      message.success(t('roles.created'));
    }
    setEditing(null);
  };

  return (
    <Card
      title={t('roles.title')}
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
            {t('roles.create')}
          </Button>
        )
      }
    >
      <Alert type="info" showIcon title={t('roles.intro')} style={{ marginBottom: 16 }} />
      <Table<Role>
        rowKey="code"
        loading={roles.isLoading}
        dataSource={roles.data?.items ?? []}
        columns={columns}
        pagination={false}
        size="small"
        onRow={(r) => (r.status === 'retired' ? { style: { opacity: 0.55 } } : {})}
      />
      <FormModal<CustomRoleInput>
        name="role"
        width={760}
        open={editing !== null}
        title={editing?.role ? t('roles.edit') : t('roles.create')}
        initialValues={
          editing?.role
            ? { name: editing.role.name, nameEn: editing.role.nameEn, permissions: editing.role.permissions }
            : { permissions: [] }
        }
        onCancel={() => setEditing(null)}
        onSubmit={onSubmit}
      >
        <RoleFormFields creating={!editing?.role} />
      </FormModal>
    </Card>
  );
}

function RoleFormFields({ creating }: { creating: boolean }) {
  const t = useT();
  const perms = usePermissions();
  const items = perms.data?.items ?? [];
  const group = (classes: string[]) => items.filter((p) => classes.includes(p.powerClass));
  const box = (code: string, disabled = false) => (
    <Checkbox key={code} value={code} disabled={disabled} style={{ width: 200, marginInlineStart: 0 }}>
      <span title={code}>{t.label('perm', code)}</span>
    </Checkbox>
  );
  return (
    <>
      <Space size="middle" style={{ display: 'flex' }} align="start">
        <Form.Item
          name="code"
          label={t('roles.code')}
          extra={creating ? t('roles.codeHint') : undefined}
          rules={[{ required: creating }]}
        >
          <Input disabled={!creating} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="name" label={t('roles.name')} rules={[{ required: true }]}>
          <Input style={{ width: 220 }} maxLength={30} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('roles.nameEn')}>
          <Input style={{ width: 220 }} maxLength={60} />
        </Form.Item>
      </Space>
      <Form.Item
        name="permissions"
        label={t('roles.permissions')}
        rules={[{ required: true, type: 'array', min: 1, message: t('roles.permissionsRequired') }]}
      >
        <Checkbox.Group style={{ display: 'block' }}>
          <Typography.Text strong>{t('roles.group.business')}</Typography.Text>
          <div style={{ margin: '4px 0 12px' }}>{group(['business']).map((p) => box(p.code))}</div>
          <Typography.Text strong>{t('roles.group.neutral')}</Typography.Text>
          <div style={{ margin: '4px 0 12px' }}>{group(['neutral']).map((p) => box(p.code))}</div>
          <Typography.Text type="secondary">{t('roles.group.admin')}</Typography.Text>
          <div style={{ marginTop: 4 }}>{group(ADMIN_CLASSES).map((p) => box(p.code, true))}</div>
        </Checkbox.Group>
      </Form.Item>
    </>
  );
}
