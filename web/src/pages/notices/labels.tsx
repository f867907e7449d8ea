import { Tag } from 'antd';
import type { NoticeChannel, NoticeState } from '../../api/notices';
import { type MessageKey, useT } from '../../i18n';

const stateColor: Record<NoticeState, string> = {
  pending: 'processing',
  sent: 'success',
  failed: 'error',
  unconfigured: 'warning',
  opted_out: 'default',
};

export const NOTICE_STATES: NoticeState[] = ['pending', 'sent', 'failed', 'unconfigured', 'opted_out'];
export const NOTICE_CHANNELS: NoticeChannel[] = ['sms', 'email', 'inapp'];

export function NoticeStateTag({ state }: { state: NoticeState }) {
  const t = useT();
  return <Tag color={stateColor[state]}>{t(`nt.state.${state}` as MessageKey)}</Tag>;
}

export const channelKey = (c: NoticeChannel) => `nt.channel.${c}` as MessageKey;
