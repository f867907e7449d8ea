import { Descriptions } from 'antd';
import type { AuditRecord } from '../../api/types';
import { formatTime } from '../../components/format';
import { useT } from '../../i18n';

export function AuditDetail({ record }: { record: AuditRecord }) {
  const t = useT();
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        { key: 'at', label: t('audit.at'), children: formatTime(record.at) },
        { key: 'target', label: t('audit.target'), children: `${record.targetType ?? '—'} ${record.targetId ?? ''}` },
        {
          key: 'detail',
          label: t('audit.detail'),
          children: record.detail ? (
            <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
              {JSON.stringify(record.detail, null, 2)}
            </pre>
          ) : (
            '—'
          ),
        },
        {
          key: 'hash',
          label: t('audit.hash'),
          children: <code style={{ wordBreak: 'break-all' }}>{record.hash}</code>,
        },
      ]}
    />
  );
}
