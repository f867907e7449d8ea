import { App, Button, Dropdown, Space } from 'antd';
import { useCan } from '../../api/auth';
import { type Notice, useResendNotice } from '../../api/notices';
import { useNotifyError } from '../../components/useNotifyError';
import { useT } from '../../i18n';
import { channelKey, NOTICE_CHANNELS } from './labels';

/** 重发 / 改用其他通道, for a notice that failed or was not sent (the supervisor's). */
export function ResendButtons({ notice }: { notice: Notice }) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const resend = useResendNotice();
  if (!can('notice.manage') || notice.state === 'pending' || notice.state === 'sent') return null;
  const run = async (channel?: Notice['channel']) => {
    try {
      await resend.mutateAsync({ id: notice.id, ...(channel ? { channel } : {}) });
      message.success(t('nt.resent'));
    } catch (e) {
      notify(e);
    }
  };
  return (
    <Space size={4}>
      <Button size="small" type="primary" loading={resend.isPending} onClick={() => run()}>
        {t('nt.resend')}
      </Button>
      <Dropdown
        menu={{
          items: NOTICE_CHANNELS.filter((c) => c !== notice.channel).map((c) => ({
            key: c,
            label: t('nt.switchTo', { channel: t(channelKey(c)) }),
          })),
          onClick: ({ key }) => run(key as Notice['channel']),
        }}
      >
        <Button size="small">{t('nt.switch')}</Button>
      </Dropdown>
    </Space>
  );
}
