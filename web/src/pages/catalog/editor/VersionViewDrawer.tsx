import { Drawer, Space } from 'antd';
import { useItemVersion } from '../../../api/catalog';
import { ItemContentView } from '../../../components/content/ItemContentView';
import { formatTime } from '../../../components/format';
import { useDepartmentOptions } from '../../../components/HallSelect';
import { PageLoading, QueryError } from '../../../components/Results';
import { VersionStateTag } from '../../../components/StatusTag';
import { useT } from '../../../i18n';

export function VersionViewDrawer(props: {
  itemId: string;
  hallId: string;
  code: string;
  version: number | null;
  onClose: () => void;
}) {
  const t = useT();
  const v = useItemVersion(props.itemId, props.version);
  const depts = useDepartmentOptions(props.hallId);
  return (
    <Drawer
      open={props.version !== null}
      onClose={props.onClose}
      size={900}
      title={
        props.version !== null && (
          <Space>
            {t('versions.viewTitle', { v: props.version })}
            {v.data && <VersionStateTag state={v.data.state} />}
            {v.data?.publishedAt && (
              <span style={{ fontWeight: 'normal', color: '#888' }}>
                {t('versions.publishedAt', { time: formatTime(v.data.publishedAt) })}
              </span>
            )}
          </Space>
        )
      }
    >
      {v.error ? (
        <QueryError error={v.error} onRetry={() => v.refetch()} />
      ) : v.data ? (
        <ItemContentView content={v.data.content} code={props.code} deptName={depts.nameOf} />
      ) : (
        <PageLoading />
      )}
    </Drawer>
  );
}
