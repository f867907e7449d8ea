import { Tag } from 'antd';
import type { ItemStatus, VersionState } from '../api/types';
import { useT } from '../i18n';

const ITEM_COLORS: Record<ItemStatus, string> = { draft: 'gold', published: 'green', retired: 'default' };
const VERSION_COLORS: Record<VersionState, string> = { draft: 'gold', published: 'green', superseded: 'default' };

export function ItemStatusTag({ status }: { status: ItemStatus }) {
  const t = useT();
  return <Tag color={ITEM_COLORS[status]}>{t.label('itemStatus', status)}</Tag>;
}

export function VersionStateTag({ state }: { state: VersionState }) {
  const t = useT();
  return <Tag color={VERSION_COLORS[state]}>{t.label('versionState', state)}</Tag>;
}
