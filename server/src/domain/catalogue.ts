/** Rules a service item must satisfy before it is saved (R1.1–R1.4). Pure: no I/O. */
import { signOffProblem } from './case/authority.ts';

export interface ItemRulesInput {
  kind: 'instant' | 'committed';
  legalDays: number;
  promisedDays: number;
  materials: { key: string; requirement: string; condition: string }[];
  steps: { key: string; order: number; limitDays: number; role?: string; authority?: string | null }[];
  approvalLevel?: string;
  feeFen?: number;
  feeItems?: { name: string; amountFen: number }[] | undefined;
  payBeforeCompletion?: boolean | undefined;
}

export interface Problem {
  field: string;
  zh: string;
  en: string;
}

/** Working days the process needs: parallel steps (same order) count once, by their longest limit. */
export function processDays(steps: { order: number; limitDays: number }[]): number {
  const longest = new Map<number, number>();
  for (const s of steps) longest.set(s.order, Math.max(longest.get(s.order) ?? 0, s.limitDays));
  return [...longest.values()].reduce((a, b) => a + b, 0);
}

export function itemProblems(c: ItemRulesInput): Problem | null {
  if (c.promisedDays > c.legalDays) {
    return {
      field: 'content.promisedDays',
      zh: '承诺时限不能超过法定时限',
      en: 'The promised limit cannot exceed the legal limit',
    };
  }
  if (c.kind === 'instant' && c.promisedDays !== 0) {
    return {
      field: 'content.promisedDays',
      zh: '即办件的承诺时限应为 0 个工作日（当场办结）',
      en: 'An instant item is finished on the spot: promised limit 0',
    };
  }
  if (c.kind === 'committed' && c.promisedDays < 1) {
    return {
      field: 'content.promisedDays',
      zh: '承诺件的承诺时限至少为 1 个工作日',
      en: 'A committed item needs a promised limit of at least 1 working day',
    };
  }
  const seen = new Set<string>();
  for (const [i, m] of c.materials.entries()) {
    if (seen.has(m.key))
      return { field: `content.materials.${i}.key`, zh: '材料标识重复', en: 'Duplicate material key' };
    seen.add(m.key);
    if (m.requirement === 'conditional' && !m.condition.trim()) {
      return {
        field: `content.materials.${i}.condition`,
        zh: '视情形提供的材料须写明情形',
        en: 'A conditional material needs its condition',
      };
    }
  }
  const stepKeys = new Set<string>();
  for (const [i, s] of c.steps.entries()) {
    if (stepKeys.has(s.key)) return { field: `content.steps.${i}.key`, zh: '环节标识重复', en: 'Duplicate step key' };
    stepKeys.add(s.key);
  }
  const fee = feeProblem(c);
  if (fee) return fee;
  const signOff = signOffProblem(c.steps, c.approvalLevel);
  if (signOff) return signOff;
  const needed = processDays(c.steps);
  if (needed > c.promisedDays) {
    return {
      field: 'content.steps',
      zh: `各环节时限合计 ${needed} 个工作日，超过承诺时限 ${c.promisedDays} 个工作日`,
      en: `Steps need ${needed} working days, more than the promised ${c.promisedDays}`,
    };
  }
  return null;
}

/** 收费项目: each fee item once by name; 先缴费后办结 only where there is something to pay. */
function feeProblem(c: ItemRulesInput): Problem | null {
  const names = new Set<string>();
  for (const [i, f] of (c.feeItems ?? []).entries()) {
    if (names.has(f.name))
      return { field: `content.feeItems.${i}.name`, zh: '收费项目名称重复', en: 'Duplicate fee item name' };
    names.add(f.name);
  }
  if (c.payBeforeCompletion && !(c.feeItems?.length || (c.feeFen ?? 0) > 0))
    return {
      field: 'content.payBeforeCompletion',
      zh: '不收费的事项不能设为先缴费后办结',
      en: 'An item without a fee cannot require payment first',
    };
  return null;
}
