import { Button, Card, List, Tag } from 'antd';
import { Link } from 'react-router';
import { type AlertItem, useAlerts, useMarkRead } from '../../api/supervision';
import { QueryError } from '../../components/Results';
import { useT } from '../../i18n';

export function useAlertText() {
  const t = useT();
  return (a: AlertItem) =>
    a.targetType === 'crowding' || a.targetType === 'incident' || a.targetType === 'uncovered'
      ? a.title
      : t(a.targetType === 'case' ? 'alerts.case' : 'alerts.step', {
          title: a.title,
          caseNo: a.caseNo ?? '',
          level: t(a.level === 'red' ? 'sup.level.red' : 'sup.level.yellow'),
          deadline: a.deadline,
        }) + (a.audience === 'supervisor' ? t('alerts.asSupervisor') : '');
}

/** 站内提醒: the signed-in person's alerts, unread first. */
export function AlertsPage() {
  const t = useT();
  const q = useAlerts();
  const read = useMarkRead();
  const text = useAlertText();
  if (q.error && !q.data) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  return (
    <Card title={t('alerts.title')}>
      <List<AlertItem>
        loading={q.isFetching && !q.data}
        dataSource={q.data?.items}
        locale={{ emptyText: t('alerts.empty') }}
        renderItem={(a) => (
          <List.Item
            actions={
              a.readAt === null
                ? [
                    <Button key="read" size="small" onClick={() => read.mutate(a.id)}>
                      {t('alerts.markRead')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              avatar={
                <Tag color={a.level === 'red' ? 'red' : 'gold'}>{t(a.level === 'red' ? 'sup.red' : 'sup.yellow')}</Tag>
              }
              title={
                <Link
                  to={a.caseId ? `/cases/${a.caseId}` : a.targetType === 'uncovered' ? '/staff' : '/emergency'}
                  style={{ fontWeight: a.readAt === null ? 600 : 400 }}
                >
                  {text(a)}
                </Link>
              }
              description={`${new Date(a.createdAt).toLocaleString('zh-CN')} · ${a.readAt === null ? t('alerts.unread') : t('alerts.read')}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
