import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Input, Select, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../api/auth';
import { buildUrl } from '../../api/client';
import { type Notice, type NoticeQuery, useNoticeChannels, useNotices } from '../../api/notices';
import { HallSelect } from '../../components/HallSelect';
import { formatTime } from '../../components/format';
import { QueryError } from '../../components/Results';
import { useT } from '../../i18n';
import { channelKey, NOTICE_CHANNELS, NOTICE_STATES, NoticeStateTag } from './labels';
import { NoticeTries } from './NoticeTries';
import { ResendButtons } from './ResendButtons';

/** 通知记录: every notice of the hall, every try and its answer; failed ones resent or switched here. */
export function NoticeLogPage() {
  const t = useT();
  const { data: me } = useMe();
  const [query, setQuery] = useState<NoticeQuery>({ page: 1, pageSize: 20 });
  const list = useNotices(query);
  const channels = useNoticeChannels();
  const patch = (p: Partial<NoticeQuery>) => setQuery((q) => ({ ...q, ...p, page: p.page ?? 1 }));
  const { page: _p, pageSize: _s, ...filters } = query;

  if (list.error && !list.data) return <QueryError error={list.error} onRetry={() => list.refetch()} />;
  const ch = channels.data;
  return (
    <Card
      title={t('nt.logTitle')}
      extra={
        <Button icon={<DownloadOutlined />} href={buildUrl('/api/notices/export', { ...filters })}>
          {t('nt.export')}
        </Button>
      }
    >
      {ch && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Tag color={ch.sms.configured ? 'green' : 'orange'}>
            {ch.sms.configured ? t('nt.smsOn', { provider: ch.sms.provider ?? '' }) : t('nt.smsOff')}
          </Tag>
          <Tag color={ch.email.configured ? 'green' : 'orange'}>
            {ch.email.configured ? t('nt.emailOn') : t('nt.emailOff')}
          </Tag>
        </Space>
      )}
      {ch && (!ch.sms.configured || !ch.email.configured) && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('nt.unconfiguredHint')} />
      )}
      <div className="ow-toolbar" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
        {(me?.halls.length ?? 0) > 1 && (
          <HallSelect
            aria-label={t('nt.hall')}
            placeholder={t('nt.hall')}
            allowClear
            style={{ width: 200 }}
            onChange={(v) => patch({ hallId: (v as string) || undefined })}
          />
        )}
        <Select
          aria-label={t('nt.state')}
          placeholder={t('nt.state')}
          allowClear
          style={{ width: 200 }}
          options={NOTICE_STATES.map((s) => ({ value: s, label: t(`nt.state.${s}`) }))}
          onChange={(v) => patch({ state: v || undefined })}
        />
        <Select
          aria-label={t('nt.channel')}
          placeholder={t('nt.channel')}
          allowClear
          style={{ width: 180 }}
          options={NOTICE_CHANNELS.map((c) => ({ value: c, label: t(channelKey(c)) }))}
          onChange={(v) => patch({ channel: v || undefined })}
        />
        <Input.Search
          aria-label={t('nt.caseNo')}
          placeholder={t('nt.caseNoPlaceholder')}
          allowClear
          style={{ width: 220 }}
          onSearch={(v) => patch({ caseNo: v.trim() || undefined })}
        />
        <DatePicker.RangePicker
          aria-label={t('nt.dates')}
          onChange={(r) =>
            patch({ from: r?.[0]?.format('YYYY-MM-DD') ?? undefined, to: r?.[1]?.format('YYYY-MM-DD') ?? undefined })
          }
        />
      </div>
      <Table<Notice>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items}
        tableLayout="fixed"
        expandable={{
          expandedRowRender: (n) => (
            <>
              <p style={{ marginTop: 0 }}>
                <strong>{n.subject}</strong>　{n.body}
              </p>
              <NoticeTries notice={n} />
            </>
          ),
        }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })),
        }}
        columns={[
          { title: t('nt.time'), width: 120, render: (_, n) => formatTime(n.createdAt) },
          {
            title: t('nt.caseNo'),
            width: 150,
            render: (_, n) => (n.caseId ? <Link to={`/cases/${n.caseId}`}>{n.caseNo ?? '—'}</Link> : '—'),
          },
          {
            title: t('nt.event'),
            width: 120,
            render: (_, n) => (
              <>
                {n.eventLabel} {n.legal && <Tag>{t('nt.legal')}</Tag>}
              </>
            ),
          },
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
          {
            title: t('nt.state'),
            width: 150,
            render: (_, n) => (
              <>
                <NoticeStateTag state={n.state} />
                {n.nextAttemptAt && n.attempts > 0 && (
                  <div style={{ fontSize: 12, color: '#888' }}>
                    {t('nt.nextTry', { time: formatTime(n.nextAttemptAt) })}
                  </div>
                )}
              </>
            ),
          },
          { title: t('nt.attempts'), width: 50, dataIndex: 'attempts' },
          { title: t('common.actions'), width: 160, render: (_, n) => <ResendButtons notice={n} /> },
        ]}
      />
    </Card>
  );
}
