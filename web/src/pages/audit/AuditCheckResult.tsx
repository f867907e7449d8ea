import { Alert } from 'antd';
import type { AuditVerifyResult } from '../../api/types';
import { formatTime } from '../../components/format';
import { useT } from '../../i18n';

/** The integrity check's answer: the chain, then the checkpoints kept outside the database. */
export function AuditCheckResult({ result, onClose }: { result: AuditVerifyResult; onClose: () => void }) {
  const t = useT();
  const cp = result.checkpoints;
  const unanchored = result.ok && cp !== null && cp.newestSeq === null;
  const lines: string[] = [];
  if (!result.ok && result.problem) {
    lines.push(
      t(`audit.problem.${result.problem}`, {
        seq: result.firstBrokenSeq ?? '?',
        n: result.checked,
        cp: cp?.newestSeq ?? '?',
        forged: cp?.forged ?? 0,
      }),
    );
  }
  if (result.ok) lines.push(t('audit.check.keyed'));
  if (cp && cp.newestSeq !== null && result.ok) {
    lines.push(t('audit.check.anchored', { lines: cp.lines, seq: cp.newestSeq, at: formatTime(cp.newestAt) }));
  }
  if (unanchored) lines.push(t('audit.check.noCheckpoint'));
  if (cp && cp.restores > 0) lines.push(t('audit.check.restores', { restores: cp.restores, setAside: cp.setAside }));
  if (result.legacyRecords > 0) lines.push(t('audit.check.legacy', { n: result.legacyRecords }));
  return (
    <Alert
      data-testid="audit-verify-result"
      role="alert"
      style={{ marginBottom: 16 }}
      showIcon
      closable={{ onClose }}
      type={result.ok ? (unanchored ? 'warning' : 'success') : 'error'}
      title={
        result.ok
          ? t('audit.verifyOk', { n: result.checked })
          : t('audit.verifyBroken', { seq: result.firstBrokenSeq ?? '?', n: result.checked })
      }
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      }
    />
  );
}
