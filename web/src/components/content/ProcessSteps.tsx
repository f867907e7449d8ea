import { Steps, Tag } from 'antd';
import type { Step } from '../../api/types';
import { useT } from '../../i18n';

/** Steps grouped by order (ascending); a group of more than one runs in parallel (并联). */
export function groupSteps<T extends { order: number }>(steps: T[]): T[][] {
  const byOrder = new Map<number, T[]>();
  for (const s of steps) byOrder.set(s.order, [...(byOrder.get(s.order) ?? []), s]);
  return [...byOrder.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g);
}

/** Read-only process: one antd Steps item per order; parallel steps are shown together in one item. */
export function ProcessSteps({
  steps,
  deptName,
  vertical = false,
}: {
  steps: Step[];
  deptName: (id: string) => string;
  vertical?: boolean;
}) {
  const t = useT();
  const groups = groupSteps(steps);
  const describe = (s: Step) =>
    [
      t.label('role', s.role),
      s.departmentId ? deptName(s.departmentId) : null,
      t('common.workingDays', { n: s.limitDays }),
    ]
      .filter(Boolean)
      .join(' · ');

  return (
    <Steps
      className="ow-process"
      orientation={vertical ? 'vertical' : 'horizontal'}
      current={-1}
      size="small"
      items={groups.map((g) => ({
        key: g.map((s) => s.key).join('+'),
        status: 'process' as const,
        title: (
          <span>
            {g.map((s) => s.name).join(' / ')}
            {g.length > 1 && (
              <Tag color="blue" style={{ marginInlineStart: 6 }}>
                {t('steps.parallel')}
              </Tag>
            )}
          </span>
        ),
        content:
          g.length > 1 ? (
            <div>
              {g.map((s) => (
                <div key={s.key}>
                  {s.name}：{describe(s)}
                </div>
              ))}
            </div>
          ) : (
            describe(g[0])
          ),
      }))}
    />
  );
}
