import { Button, Card, Empty, List } from 'antd';
import type { VersionInfo } from '../../../api/types';
import { formatTime } from '../../../components/format';
import { VersionStateTag } from '../../../components/StatusTag';
import { useT } from '../../../i18n';

/** Version list, newest first; clicking one opens its read-only view. */
export function VersionHistory({ versions, onOpen }: { versions: VersionInfo[]; onOpen: (v: number) => void }) {
  const t = useT();
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  return (
    <Card title={t('versions.title')} size="small" className="ow-page-card">
      {sorted.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List<VersionInfo>
          size="small"
          dataSource={sorted}
          renderItem={(v) => (
            <List.Item key={v.version} className="ow-version-item" onClick={() => onOpen(v.version)}>
              <div style={{ width: '100%' }}>
                <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0, fontWeight: 600 }}
                    onClick={(e) => {
                      e.stopPropagation();
                      onOpen(v.version);
                    }}
                  >
                    {t('versions.version', { v: v.version })}
                  </Button>
                  <VersionStateTag state={v.state} />
                </div>
                <div className="ow-version-meta">
                  {v.publishedAt
                    ? t('versions.publishedAt', { time: formatTime(v.publishedAt) })
                    : t('versions.createdAt', { time: formatTime(v.createdAt) })}
                </div>
                {v.publishedBy && <div className="ow-version-meta">{t('versions.by', { name: v.publishedBy })}</div>}
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
