import { Alert, Layout, Menu, Spin, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, Outlet, ScrollRestoration, useLocation, useNavigate, useNavigation } from 'react-router';
import { useCan, useMe } from '../api/auth';
import { LocaleSwitch } from '../components/LocaleSwitch';
import { CalendarBanner } from '../pages/calendar/CalendarBanner';
import { AlertBell } from '../pages/supervision/AlertBell';
import { useT } from '../i18n';
import { buildMenu, menuKeyFor } from './menu';
import { UserMenu } from './UserMenu';
import './shell.css';

const { Header, Sider, Content } = Layout;

export function AppShell() {
  const t = useT();
  const can = useCan();
  const { data: me } = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const [collapsed, setCollapsed] = useState(false);
  const forced = !!me?.mustChangePassword;

  const items = useMemo(() => buildMenu(t, can), [t, can]);
  const { selected, open } = menuKeyFor(location.pathname);
  const [openKeys, setOpenKeys] = useState<string[]>(open ? [open] : []);
  // opening a page inside a submenu unfolds that submenu; the user may still fold it afterwards
  useEffect(() => {
    if (open) setOpenKeys((keys) => (keys.includes(open) ? keys : [...keys, open]));
  }, [open]);
  const halls = me?.halls ?? [];
  // A city or province account sees hundreds of halls: the header names the first, the rest are in the tooltip.
  const hallNames =
    halls.length > 2
      ? t('app.hallsMany', { first: halls[0]!.name, n: halls.length, more: halls.length - 1 })
      : halls.map((h) => h.name).join('、');

  return (
    <Layout className="ow-shell">
      {/* A page opened from a tile or the menu starts at its top; going back returns to where one was. */}
      <ScrollRestoration />
      {!forced && (
        <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={220} theme="dark">
          <Link to="/" className="ow-brand">
            {collapsed ? t('app.shortTitle').slice(0, 2) : t('app.shortTitle')}
          </Link>
          <Menu
            theme="dark"
            mode="inline"
            items={items}
            selectedKeys={[selected]}
            openKeys={collapsed ? undefined : openKeys}
            onOpenChange={(keys) => setOpenKeys(keys as string[])}
            onClick={({ key }) => navigate(key)}
          />
        </Sider>
      )}
      <Layout>
        <Header className="ow-header">
          <Typography.Text strong className="ow-header-title">
            {t('app.title')}
          </Typography.Text>
          {hallNames &&
            (halls.length > 2 ? (
              <Tooltip title={<div className="ow-header-halls">{halls.map((h) => h.name).join('、')}</div>}>
                <span className="ow-header-hall">{hallNames}</span>
              </Tooltip>
            ) : (
              <span className="ow-header-hall">{hallNames}</span>
            ))}
          <span style={{ flex: 1 }} />
          {!forced && <AlertBell />}
          <LocaleSwitch />
          <UserMenu />
        </Header>
        <Content className="ow-content">
          {forced && location.pathname === '/account/password' && (
            <Alert type="warning" showIcon title={t('password.forcedNotice')} style={{ marginBottom: 16 }} />
          )}
          {!forced && <CalendarBanner />}
          <Spin spinning={navigation.state === 'loading'} delay={200}>
            <Outlet />
          </Spin>
        </Content>
      </Layout>
    </Layout>
  );
}
