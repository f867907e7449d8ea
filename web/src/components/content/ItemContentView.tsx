import { Descriptions, type DescriptionsProps, Typography } from 'antd';
import type { ItemContent, MaterialFileKind } from '../../api/types';
import { useT } from '../../i18n';
import { fenToYuanText } from '../format';
import { FaqList } from './FaqList';
import { MaterialsTable } from './MaterialsTable';
import { ProcessSteps } from './ProcessSteps';

type DescItem = NonNullable<DescriptionsProps['items']>[number];

const pre = (s: string) => <div style={{ whiteSpace: 'pre-wrap' }}>{s || '—'}</div>;

/**
 * Read-only 办事指南 view of one ItemContent. `extra` rows (e.g. windows) are placed after the fee.
 * Used by the public guide and by the catalogue's version viewer.
 */
export function ItemContentView({
  content,
  code,
  deptName,
  extra = [],
  showDepartments = true,
  download,
}: {
  content: ItemContent;
  code?: string;
  deptName: (id: string) => string;
  extra?: DescItem[];
  showDepartments?: boolean;
  download?: (materialKey: string, kind: MaterialFileKind) => string | undefined;
}) {
  const t = useT();
  const c = content;
  const timeLimit = (
    <div>
      <div>
        <strong>
          {c.kind === 'instant' && c.promisedDays === 0
            ? t('guide.instantDone')
            : t('guide.promisedDays', { n: c.promisedDays })}
        </strong>
        <span style={{ marginInlineStart: 8 }}>（{t.label('kind', c.kind)}）</span>
      </div>
      <div>{t('guide.legalDays', { n: c.legalDays })}</div>
    </div>
  );
  const fee = (
    <div>
      <div>{c.feeFen > 0 ? t('guide.feeAmount', { amount: fenToYuanText(c.feeFen) }) : t('guide.free')}</div>
      {c.feeNote && <div style={{ color: '#666' }}>{c.feeNote}</div>}
    </div>
  );

  const items: DescItem[] = [
    { key: 'name', label: t('guide.itemName'), children: c.name },
    ...(code ? [{ key: 'code', label: t('guide.itemCode'), children: code }] : []),
    { key: 'category', label: t('catalog.category'), children: t.label('category', c.category) },
    { key: 'time', label: t('guide.timeLimit'), children: timeLimit },
    { key: 'fee', label: t('guide.fee'), children: fee },
    ...extra,
    ...(showDepartments
      ? [{ key: 'depts', label: t('guide.departments'), children: c.departmentIds.map(deptName).join('、') || '—' }]
      : []),
    { key: 'approval', label: t('guide.approvalLevel'), children: t.label('approval', c.approvalLevel) },
    ...(c.description ? [{ key: 'desc', label: t('guide.description'), children: pre(c.description) }] : []),
    { key: 'conditions', label: t('guide.conditions'), children: pre(c.conditions) },
    { key: 'basis', label: t('guide.basis'), children: pre(c.basis) },
  ];

  return (
    <div className="ow-guide-content">
      <Descriptions bordered column={1} size="small" items={items} styles={{ label: { width: 140 } }} />
      <Typography.Title level={4} className="ow-guide-section" style={{ marginTop: 24 }}>
        {t('guide.materials')}
      </Typography.Title>
      <MaterialsTable materials={c.materials} download={download} />
      <Typography.Title level={4} className="ow-guide-section" style={{ marginTop: 24 }}>
        {t('guide.process')}
      </Typography.Title>
      <ProcessSteps steps={c.steps} deptName={deptName} vertical={groupCount(c) > 4} />
      <Typography.Title level={4} className="ow-guide-section" style={{ marginTop: 24 }}>
        {t('guide.faq')}
      </Typography.Title>
      <FaqList faq={c.faq} />
    </div>
  );
}

function groupCount(c: ItemContent): number {
  return new Set(c.steps.map((s) => s.order)).size;
}
