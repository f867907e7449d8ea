import {
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  FileAddOutlined,
  KeyOutlined,
  ProfileOutlined,
  SafetyOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Card, Col, Descriptions, Empty, Row, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useCan, useMe } from '../../api/auth';
import { type MessageKey, useT } from '../../i18n';
import { MyWorkCard } from '../people/MyWorkCard';
import { Workbench } from './Workbench';

interface QuickLink {
  to: string;
  label: MessageKey;
  icon: ReactNode;
  perm?: string;
}

const LINKS: QuickLink[] = [
  { to: '/catalog', label: 'menu.catalog', icon: <ProfileOutlined />, perm: 'catalog.read' },
  { to: '/catalog/new', label: 'catalog.create', icon: <FileAddOutlined />, perm: 'catalog.manage' },
  { to: '/admin/windows', label: 'home.windowsLink', icon: <ApartmentOutlined />, perm: 'org.read' },
  { to: '/admin/users', label: 'menu.users', icon: <TeamOutlined />, perm: 'account.read' },
  { to: '/admin/policy', label: 'menu.policy', icon: <SafetyOutlined />, perm: 'policy.manage' },
  { to: '/audit', label: 'menu.audit', icon: <AuditOutlined />, perm: 'audit.read' },
  { to: '/guide', label: 'menu.guide', icon: <BookOutlined /> },
  { to: '/account/password', label: 'menu.changePassword', icon: <KeyOutlined /> },
];

export function HomePage() {
  const t = useT();
  const can = useCan();
  const { data: me } = useMe();
  if (!me) return null;
  const links = LINKS.filter((l) => !l.perm || can(l.perm));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('home.welcome', { name: me.displayName })}
        </Typography.Title>
        <Descriptions
          column={1}
          items={[
            {
              key: 'roles',
              label: t('home.roles'),
              children: (
                <Space wrap size={4}>
                  {me.roles.map((r) => (
                    <Tag color="blue" key={r}>
                      {t.label('role', r)}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            {
              key: 'halls',
              label: t('home.halls'),
              children: me.halls.length ? me.halls.map((h) => h.name).join('、') : t('home.noHalls'),
            },
            ...(me.departments.length
              ? [{ key: 'depts', label: t('home.departments'), children: me.departments.map((d) => d.name).join('、') }]
              : []),
          ]}
        />
      </Card>
      <Workbench />
      <MyWorkCard />
      <Card title={t('home.quickLinks')}>
        {links.length === 0 ? (
          <Empty description={t('home.noLinks')} />
        ) : (
          <Row gutter={[16, 16]}>
            {links.map((l) => (
              <Col key={l.to} xs={12} sm={8} md={6} lg={4}>
                <Link to={l.to}>
                  <Card hoverable size="small" style={{ textAlign: 'center' }}>
                    <div style={{ fontSize: 28, color: '#1f5fbf' }}>{l.icon}</div>
                    <div style={{ marginTop: 8 }}>{t(l.label)}</div>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        )}
      </Card>
    </Space>
  );
}
