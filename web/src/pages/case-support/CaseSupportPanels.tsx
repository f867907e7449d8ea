import { DeferredPanel } from './DeferredPanel';
import { EscalationPanel } from './EscalationPanel';
import { ExpertPanel } from './ExpertPanel';

/** The panels beside the case core on the case page: 容缺材料, 专家意见, 上报主管. */
export function CaseSupportPanels({ c }: { c: { id: string; deferred: unknown } }) {
  return (
    <>
      {c.deferred !== null && <DeferredPanel caseId={c.id} />}
      <ExpertPanel caseId={c.id} />
      <EscalationPanel caseId={c.id} />
    </>
  );
}
