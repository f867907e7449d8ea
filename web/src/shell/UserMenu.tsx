import { DownOutlined, KeyOutlined, LogoutOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useNavigate } from 'react-router';
import { useLogout, useMe } from '../api/auth';
import { useT } from '../i18n';

export function UserMenu() {
  const t = useT();
  const { data: me } = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  if (!me) return null;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'password', icon: <KeyOutlined />, label: t('menu.changePassword') },
          { key: 'security', icon: <SafetyOutlined />, label: t('menu.accountSecurity') },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: t('menu.logout'), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'password') navigate('/account/password');
          if (key === 'security') navigate('/account/security');
          if (key === 'logout') {
            logout.mutate(undefined, {
              onSettled: () => navigate('/login', { replace: true, state: { loggedOut: true } }),
            });
          }
        },
      }}
    >
      <Button type="text" icon={<UserOutlined />} aria-label={me.displayName} data-testid="user-menu">
        {me.displayName} <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
