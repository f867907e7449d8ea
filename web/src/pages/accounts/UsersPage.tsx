import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Select, Table } from 'antd';
import { useState } from 'react';
import { type UserCreateInput, type UserPatchInput, useCreateUser, usePatchUser, useUsers } from '../../api/accounts';
import { useCan } from '../../api/auth';
import { holdsAdminRole, useRequestAdminChange } from '../../api/security';
import type { User } from '../../api/types';
import { FormModal } from '../../components/FormModal';
import { HallSelect } from '../../components/HallSelect';
import { QueryError } from '../../components/Results';
import { useT } from '../../i18n';
import { ResetPasswordModal } from './ResetPasswordModal';
import { useRoleOptions } from './roleOptions';
import { UserFormFields } from './UserFormFields';
import { useUserColumns } from './userColumns';

type Editing = { user?: User } | null;

export function UsersPage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<string>();
  const [hallId, setHallId] = useState<string>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const users = useUsers({ q: q || undefined, role, hallId, page, pageSize });
  const roleOptions = useRoleOptions();
  const create = useCreateUser();
  const patch = usePatchUser();
  const ask = useRequestAdminChange();
  const [editing, setEditing] = useState<Editing>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const canManage = can('account.manage');
  const columns = useUserColumns({ canManage, onEdit: (u) => setEditing({ user: u }), onReset: setResetting });

  if (users.error && !users.data) return <QueryError error={users.error} onRetry={() => users.refetch()} />;

  const onSubmit = async (values: UserCreateInput) => {
    const current = editing?.user;
    if (current) {
      const body: UserPatchInput = {
        displayName: values.displayName,
        roles: values.roles,
        hallIds: values.hallIds ?? [],
        departmentIds: values.departmentIds ?? [],
      };
      if (values.phone) body.phone = values.phone;
      // An administrator account changes only through a request a second administrator approves.
      if (holdsAdminRole(current.roles)) {
        await ask.mutateAsync({ kind: 'update', targetUserId: current.id, patch: body });
        message.success(t('requests.submitted'));
        setEditing(null);
        return;
      }
      await patch.mutateAsync({ id: current.id, values: body });
    } else if (holdsAdminRole(values.roles)) {
      const user = {
        ...values,
        phone: values.phone || undefined,
        hallIds: values.hallIds ?? [],
        departmentIds: values.departmentIds ?? [],
      };
      await ask.mutateAsync({ kind: 'create', user });
      message.success(t('requests.submitted'));
      setEditing(null);
      return;
    } else {
      await create.mutateAsync({
        ...values,
        phone: values.phone || undefined,
        hallIds: values.hallIds ?? [],
        departmentIds: values.departmentIds ?? [],
      });
    }
    message.success(t('common.saved'));
    setEditing(null);
  };

  const initial = editing?.user ? { ...editing.user, phone: undefined } : { roles: [], hallIds: [], departmentIds: [] };

  return (
    <Card
      title={t('menu.users')}
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
            {t('user.create')}
          </Button>
        )
      }
    >
      <div className="ow-toolbar">
        <Input.Search
          aria-label={t('common.keyword')}
          placeholder={t('user.searchPlaceholder')}
          allowClear
          style={{ width: 240 }}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
        />
        <Select
          aria-label={t('user.roleFilter')}
          placeholder={t('user.roleFilter')}
          allowClear
          style={{ width: 200 }}
          options={roleOptions}
          value={role}
          onChange={(v) => {
            setRole(v);
            setPage(1);
          }}
        />
        <HallSelect
          aria-label={t('common.hall')}
          placeholder={t('common.hall')}
          allowClear
          style={{ width: 200 }}
          value={hallId}
          onChange={(v) => {
            setHallId(v);
            setPage(1);
          }}
        />
      </div>
      <Table<User>
        rowKey="id"
        size="middle"
        loading={users.isFetching}
        dataSource={users.data?.items}
        columns={columns}
        scroll={{ x: 1130 }}
        pagination={{
          current: page,
          pageSize,
          total: users.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { n }),
          onChange: (p, s) => {
            setPage(s !== pageSize ? 1 : p);
            setPageSize(s);
          },
        }}
      />
      <FormModal<UserCreateInput>
        name="user"
        width={600}
        open={editing !== null}
        title={editing?.user ? t('user.edit') : t('user.create')}
        initialValues={initial}
        onCancel={() => setEditing(null)}
        onSubmit={onSubmit}
      >
        <UserFormFields mode={editing?.user ? 'edit' : 'create'} maskedPhone={editing?.user?.phone} />
      </FormModal>
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </Card>
  );
}
