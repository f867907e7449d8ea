import { App, Button, Modal, Table, Tag, Typography } from 'antd';
import { type LoanDocument, useLoanDocuments } from '../../api/archives';
import { formatTime } from '../../components/format';
import { QueryError } from '../../components/Results';
import { useT } from '../../i18n';

const formColor: Record<LoanDocument['form'], string> = {
  pdf: 'blue',
  image: 'green',
  pages: 'green',
  notice: 'default',
};

/** 电子借阅查阅: the file's documents behind a live view link, each opened watermarked in a new window. */
export function LoanViewModal({ link, onClose }: { link: { url: string; until: number } | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const docs = useLoanDocuments(link?.url ?? null);
  const open = (href: string) => {
    window.open(href, '_blank', 'noopener');
    message.success(t('lv.opened'));
  };
  return (
    <Modal
      open={!!link}
      width={860}
      title={`${t('lv.title')}${docs.data ? ` · ${docs.data.archiveNo}` : ''}`}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="contents" onClick={() => link && open(link.url)}>
          {t('lv.contents')}
        </Button>,
        <Button key="close" type="primary" onClick={onClose}>
          {t('lv.close')}
        </Button>,
      ]}
    >
      {link && (
        <Typography.Paragraph type="secondary">{t('lv.hint', { until: formatTime(link.until) })}</Typography.Paragraph>
      )}
      {docs.error && <QueryError error={docs.error} onRetry={() => docs.refetch()} />}
      <Table<LoanDocument>
        size="small"
        rowKey="key"
        loading={docs.isLoading}
        dataSource={docs.data?.items}
        pagination={false}
        locale={{ emptyText: t('lv.none') }}
        columns={[
          { title: t('lv.no'), dataIndex: 'no', width: 60 },
          {
            title: t('lv.kind'),
            dataIndex: 'kind',
            width: 100,
            render: (v: LoanDocument['kind']) => t(`lv.kind.${v}`),
          },
          { title: t('lv.name'), dataIndex: 'title', ellipsis: true },
          { title: t('lv.date'), dataIndex: 'at', width: 150, render: (v: number) => (v ? formatTime(v) : '—') },
          {
            title: t('lv.form'),
            dataIndex: 'form',
            width: 130,
            render: (v: LoanDocument['form']) => (
              <Tag color={formColor[v]} title={t(`lv.form.${v}`)}>
                {t(`lv.form.${v}`).split('（')[0]}
              </Tag>
            ),
          },
          {
            title: '',
            key: 'open',
            width: 80,
            render: (_: unknown, r) => (
              <Button size="small" type="link" onClick={() => link && open(`${link.url}/documents/${r.key}`)}>
                {t('lv.open')}
              </Button>
            ),
          },
        ]}
      />
    </Modal>
  );
}
