import { Collapse, Empty } from 'antd';
import type { Faq } from '../../api/types';
import { useT } from '../../i18n';

/** FAQ as a Collapse on screen, and as a plain expanded list when printed. */
export function FaqList({ faq }: { faq: Faq[] }) {
  const t = useT();
  if (!faq.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.none')} />;
  return (
    <>
      <Collapse
        className="no-print"
        items={faq.map((f, i) => ({
          key: String(i),
          label: f.question,
          children: <div style={{ whiteSpace: 'pre-wrap' }}>{f.answer}</div>,
        }))}
      />
      <ol className="print-only">
        {faq.map((f, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: FAQ entries have no id and are static here
          <li key={i}>
            <strong>{f.question}</strong>
            <div style={{ whiteSpace: 'pre-wrap' }}>{f.answer}</div>
          </li>
        ))}
      </ol>
    </>
  );
}
