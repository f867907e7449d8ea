import { App, Button, Popconfirm, Select, Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { usePatchUser, useResetTotp, useSetAuthority, useUnlockUser } from '../../api/accounts';
import { useCan } from '../../api/auth';
import { holdsAdminRole, useRequestAdminChange } from '../../api/security';
import type { User } from '../../api/types';
import { formatTime } from '../../components/format';
import { useHallOptions } from '../../components/HallSelect';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';
import { useRoleName } from './roleOptions';

export function isLocked(u: User, now = Date.now()): boolean {
  return u.lockedUntil !== null && u.lockedUntil > now;
}

export function useUserColumns(opts: {
  canManage: boolean;
  onEdit: (u: User) => void;
  onReset: (u: User) => void;
}): ColumnsType<User> {
  const t = useT();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const halls = useHallOptions();
  const patch = usePatchUser();
  const unlock = useUnlockUser();
  const ask = useRequestAdminChange();
  const resetTotp = useResetTotp();
  const setAuthority = useSetAuthority();
  const can = useCan();
  const signs = (u: User) => u.roles.includes('approver') || u.roles.includes('station_head');
  const levelLabel = (l: User['authorityLevel']) => t(`authority.${l ?? 'none'}` as 'authority.none');
  const roleName = useRoleName();

  // An administrator account changes only through a request a second administrator approves.
  const submitted = () => message.success(t('requests.submitted'));
  const setStatus = (u: User, status: User['status']) =>
    holdsAdminRole(u.roles)
      ? ask.mutateAsync({ kind: 'update', targetUserId: u.id, patch: { status } }).then(submitted, notifyError)
      : patch.mutateAsync({ id: u.id, values: { status } }).then(() => message.success(t('common.saved')), notifyError);
  const doResetTotp = (u: User) =>
    holdsAdminRole(u.roles)
      ? ask.mutateAsync({ kind: 'reset_totp', targetUserId: u.id }).then(submitted, notifyError)
      : resetTotp.mutateAsync(u.id).then(() => message.success(t('common.saved')), notifyError);
  const doUnlock = (u: User) => unlock.mutateAsync(u.id).then(() => message.success(t('user.unlocked')), notifyError);

  const columns: ColumnsType<User> = [
    { title: t('user.username'), dataIndex: 'username', width: 120, fixed: 'left' },
    {
      // Name and (masked) phone share a cell so the whole table fits a 1440 px desk.
      title: `${t('user.displayName')} / ${t('user.phone')}`,
      dataIndex: 'displayName',
      width: 120,
      render: (name: string, u) => (
        <>
          <div>{name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {u.phone ?? '—'}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('user.roles'),
      dataIndex: 'roles',
      width: 140,
      render: (roles: string[]) => (
        <Space size={[4, 4]} wrap>
          {roles.map((r) => (
            <Tag key={r}>{roleName(r)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      // 审批权限: the security administrator sets it here, for approvers and station heads.
      title: t('authority.title'),
      key: 'authority',
      width: 130,
      render: (_, u) =>
        can('account.authority') && signs(u) ? (
          <Select
            size="small"
            style={{ width: 110 }}
            aria-label={`${t('authority.title')} ${u.username}`}
            value={u.authorityLevel ?? 'none'}
            options={(['none', 'section', 'deputy', 'chief'] as const).map((l) => ({
              value: l,
              label: t(`authority.${l}`),
            }))}
            onChange={(v: string) =>
              setAuthority
                .mutateAsync({ id: u.id, authorityLevel: v === 'none' ? null : (v as User['authorityLevel']) })
                .then(() => message.success(t('authority.saved')), notifyError)
            }
          />
        ) : u.authorityLevel ? (
          <Tag color="purple">{levelLabel(u.authorityLevel)}</Tag>
        ) : (
          '—'
        ),
    },
    {
      title: t('common.status'),
      key: 'status',
      width: 90,
      render: (_, u) => (
        <Space size={[4, 4]} wrap>
          {u.status === 'disabled' ? (
            <Tag color="default">{t('userStatus.disabled')}</Tag>
          ) : (
            <Tag color="green">{t('userStatus.active')}</Tag>
          )}
          {isLocked(u) && (
            <Tag color="red" title={t('user.lockedUntil', { time: formatTime(u.lockedUntil) })}>
              {t('userStatus.locked')}
            </Tag>
          )}
          {u.mustChangePassword && <Tag color="orange">{t('user.mustChange')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('user.halls'),
      dataIndex: 'hallIds',
      width: 150,
      ellipsis: { showTitle: false },
      render: (ids: string[]) => {
        const names = ids.map(halls.nameOf).join('、') || '—';
        return (
          <Tooltip title={names} placement="topLeft">
            {names}
          </Tooltip>
        );
      },
    },
    { title: t('user.lastLogin'), dataIndex: 'lastLoginAt', width: 140, render: (v: number | null) => formatTime(v) },
  ];
  if (!opts.canManage) return columns;
  columns.push({
    title: t('common.actions'),
    key: 'actions',
    width: 240,
    fixed: 'right',
    render: (_, u) => (
      <Space size={0} wrap>
        <Button type="link" size="small" onClick={() => opts.onEdit(u)}>
          {t('common.edit')}
        </Button>
        {u.status === 'active' ? (
          <Popconfirm
            title={t('user.disableConfirm', { name: u.displayName })}
            onConfirm={() => setStatus(u, 'disabled')}
          >
            <Button type="link" size="small" danger>
              {t('user.disable')}
            </Button>
          </Popconfirm>
        ) : (
          <Button type="link" size="small" onClick={() => setStatus(u, 'active')}>
            {t('user.enable')}
          </Button>
        )}
        {isLocked(u) && (
          <Button type="link" size="small" onClick={() => doUnlock(u)}>
            {t('user.unlock')}
          </Button>
        )}
        <Button type="link" size="small" onClick={() => opts.onReset(u)}>
          {t('user.resetPassword')}
        </Button>
        <Popconfirm title={t('requests.resetTotpConfirm')} onConfirm={() => doResetTotp(u)}>
          <Button type="link" size="small">
            {t('requests.resetTotp')}
          </Button>
        </Popconfirm>
      </Space>
    ),
  });
  return columns;
}
