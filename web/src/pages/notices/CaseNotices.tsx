import { Card, Table, Tooltip } from 'antd';
import { type Notice, useCaseNotices } from '../../api/notices';
import { formatTime } from '../../components/format';
import { useT } from '../../i18n';
import { channelKey, NoticeStateTag } from './labels';
import { NoticeTries } from './NoticeTries';
import { ResendButtons } from './ResendButtons';

/** The notices sent about one case, on its detail page. */
export function CaseNotices({ caseId }: { caseId: string }) {
  const t = useT();
  const list = useCaseNotices(caseId);
  return (
    <Card size="small" title={t('nt.caseNotices')} style={{ marginTop: 16 }} data-testid="case-notices">
      <Table<Notice>
        rowKey="id"
        size="small"
        tableLayout="fixed"
        loading={list.isFetching}
        dataSource={list.data}
        pagination={false}
        locale={{ emptyText: t('nt.caseNoticesEmpty') }}
        expandable={{ expandedRowRender: (n) => <NoticeTries notice={n} /> }}
        columns={[
          { title: t('nt.time'), width: 140, render: (_, n) => formatTime(n.createdAt) },
          { title: t('nt.event'), width: 110, dataIndex: 'eventLabel' },
          {
            title: t('nt.recipient'),
            width: 150,
            render: (_, n) => (
              <>
                <div>{t(channelKey(n.channel))}</div>
                <div style={{ fontSize: 12, color: '#666' }}>{n.recipient}</div>
              </>
            ),
          },
          {
            title: t('nt.content'),
            ellipsis: { showTitle: false },
            render: (_, n) => (
              <Tooltip title={n.body}>
                <span>{n.body}</span>
              </Tooltip>
            ),
          },
          { title: t('nt.state'), width: 150, render: (_, n) => <NoticeStateTag state={n.state} /> },
          { title: t('common.actions'), width: 160, render: (_, n) => <ResendButtons notice={n} /> },
        ]}
      />
    </Card>
  );
}
