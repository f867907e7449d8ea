import { Button, Result, Space } from 'antd';
import { Link } from 'react-router';
import { documentPdfUrl } from '../../api/cases';
import type { Accepted } from '../../api/reception';
import { useT } from '../../i18n';

/** What the clerk hands over: the case number and the printed documents, then on to the next applicant. */
export function ResultPanel({ detail, onNext }: { detail: Accepted; onNext: () => void }) {
  const t = useT();
  const accepted = !!detail.caseNo;
  const docs = [...detail.documents].sort((a, b) => b.issuedAt - a.issuedAt);
  return (
    <Result
      status={detail.state === 'not_accepted' ? 'warning' : accepted ? 'success' : 'info'}
      title={accepted ? t('rc.acceptedTitle', { no: detail.caseNo ?? '' }) : detail.stateLabel}
      subTitle={
        accepted
          ? t('rc.acceptedSub', {
              item: detail.itemName,
              date: detail.deadline ?? '—',
              pending: detail.deadlineProvisional ? t('rc.provisional') : '',
            })
          : detail.itemName
      }
      extra={
        <Space wrap>
          {docs.map((d, i) => (
            <Button
              key={d.id}
              type={i === 0 ? 'primary' : 'default'}
              href={documentPdfUrl(detail.id, d.id)}
              target="_blank"
            >
              {t('rc.printDoc', { kind: d.kindLabel, no: d.docNo })}
            </Button>
          ))}
          <Link to={`/cases/${detail.id}`}>{t('rc.viewCase')}</Link>
          <Button onClick={onNext} autoFocus={docs.length === 0}>
            {t('rc.next')}
          </Button>
        </Space>
      }
    />
  );
}
