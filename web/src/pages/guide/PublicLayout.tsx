import { Layout, Typography } from 'antd';
import { useState } from 'react';
import { Link, Outlet, useOutletContext } from 'react-router';
import type { PublicHall } from '../../api/types';
import { LocaleSwitch } from '../../components/LocaleSwitch';
import { useT } from '../../i18n';
import './guide.css';

interface GuideContext {
  hall: PublicHall | null;
  setHall: (h: PublicHall | null) => void;
}

/** Pages under the public layout tell it which hall they show. */
export function useGuideHall(): GuideContext {
  return useOutletContext<GuideContext>();
}

/** Public 办事指南 layout: no login, the hall's name in the header, hall contacts in the footer. */
export function PublicLayout() {
  const t = useT();
  const [hall, setHall] = useState<PublicHall | null>(null);
  return (
    <Layout className="ow-public">
      <Layout.Header className="ow-public-header">
        <Link to="/guide" className="ow-public-brand">
          <span className="ow-public-hall">{hall?.name ?? t('app.shortTitle')}</span>
          <span className="ow-public-sub">{t('guide.title')}</span>
        </Link>
        <span style={{ flex: 1 }} />
        <Link to="/guide/consult" className="ow-public-login no-print">
          {t('online.entry')}
        </Link>
        <LocaleSwitch dark />
        <Link to="/login" className="ow-public-login no-print">
          {t('guide.staffLogin')}
        </Link>
      </Layout.Header>
      <Layout.Content className="ow-public-content">
        <Outlet context={{ hall, setHall } satisfies GuideContext} />
      </Layout.Content>
      {hall && (
        <Layout.Footer className="ow-public-footer">
          <Typography.Text type="secondary">
            {t('guide.hallInfo', {
              address: hall.address || '—',
              phone: hall.phone || '—',
              hours: hall.openingHours || '—',
            })}
          </Typography.Text>
        </Layout.Footer>
      )}
    </Layout>
  );
}
