import { Timeline, Typography } from 'antd';
import type { Notice } from '../../api/notices';
import { formatTime } from '../../components/format';
import { useT } from '../../i18n';

/** Every try of one notice and the provider's answer. */
export function NoticeTries({ notice }: { notice: Notice }) {
  const t = useT();
  if (notice.tries.length === 0) return <Typography.Text type="secondary">{t('nt.noTries')}</Typography.Text>;
  return (
    <Timeline
      items={notice.tries.map((x) => ({
        color: x.ok ? 'green' : 'red',
        content: (
          <span>
            {formatTime(x.at)} · {x.ok ? t('nt.tryOk') : t('nt.tryFailed')} · {x.answer}
          </span>
        ),
      }))}
    />
  );
}
