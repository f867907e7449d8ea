import { Tag } from 'antd';
import type { PrereviewState } from '../../api/prereview';
import { useT } from '../../i18n';

const STATE_COLORS: Record<PrereviewState, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  passed: 'success',
  accepted: 'blue',
};

export function PrereviewStateTag({ state }: { state: PrereviewState }) {
  const t = useT();
  return <Tag color={STATE_COLORS[state]}>{t(`pr.state.${state}`)}</Tag>;
}

export function RequirementTag({ requirement }: { requirement: 'required' | 'conditional' | 'optional' }) {
  const t = useT();
  return <Tag color={requirement === 'required' ? 'red' : 'default'}>{t(`pr.${requirement}`)}</Tag>;
}
