/**
 * Approval by authority level (审批权限): a person's level, and the level an item's approval needs. A sign-off step
 * may be signed by someone at its level or above; an item's approval level names the level of its approval step
 * unless the step names its own (a chain of sign-offs, 科室 → 分管领导 → 主要领导, in successive orders). Pure.
 */
export const authorityLevels = ['section', 'deputy', 'chief'] as const;
export type AuthorityLevel = (typeof authorityLevels)[number];
export const isAuthorityLevel = (x: unknown): x is AuthorityLevel =>
  typeof x === 'string' && (authorityLevels as readonly string[]).includes(x);

export const authorityLabels: Record<AuthorityLevel, { zh: string; en: string }> = {
  section: { zh: '科室负责人', en: 'Section head' },
  deputy: { zh: '分管领导', en: 'Deputy leader in charge' },
  chief: { zh: '主要领导', en: 'Principal leader' },
};

/** 0 for none, then 科室负责人 < 分管领导 < 主要领导. */
export const authorityRank = (l: AuthorityLevel | null | undefined) => (l ? authorityLevels.indexOf(l) + 1 : 0);

/** An item's approval level → the authority its approval needs: 窗口 needs none beyond the approver's post. */
const forItemLevel: Record<string, AuthorityLevel | null> = {
  window: null,
  section: 'section',
  department: 'deputy',
  leader: 'chief',
};
export const authorityForItem = (approvalLevel: string): AuthorityLevel | null => forItemLevel[approvalLevel] ?? null;

/** Does a person of level `held` reach the level a step needs? A step without a level needs none. */
export const holdsAuthority = (held: AuthorityLevel | null | undefined, needed: AuthorityLevel | null | undefined) =>
  authorityRank(held) >= authorityRank(needed);

/** A chain of sign-offs climbs: no sign-off needs a lower level than the one before it. */
export function chainProblem(levels: readonly (AuthorityLevel | null)[]): string | null {
  for (let i = 1; i < levels.length; i++) {
    if (authorityRank(levels[i]) < authorityRank(levels[i - 1]))
      return '逐级签批须按 科室负责人 → 分管领导 → 主要领导 的顺序逐级上升';
  }
  return null;
}

/**
 * The sign-off steps of a published process: a level only on a sign-off step (审批人 or 站长), and the levels of
 * the sign-off steps, in process order, climbing. Null when the process is sound, else the field and why.
 */
export function signOffProblem(
  steps: readonly { order: number; role?: string; authority?: string | null | undefined }[],
  approvalLevel: string | undefined,
): { field: string; zh: string; en: string } | null {
  for (const [i, s] of steps.entries()) {
    if (s.authority && s.role !== 'approver' && s.role !== 'station_head')
      return {
        field: `content.steps.${i}.authority`,
        zh: '只有审批环节可以设定审批权限',
        en: 'Only a sign-off step carries an authority level',
      };
  }
  const item = approvalLevel ? authorityForItem(approvalLevel) : null;
  const levels = steps
    .filter((s) => s.role === 'approver' || s.role === 'station_head')
    .sort((a, b) => a.order - b.order)
    .map((s) => (isAuthorityLevel(s.authority) ? s.authority : item));
  const zh = chainProblem(levels);
  return zh ? { field: 'content.steps', zh, en: 'The sign-off levels must climb, section → deputy → chief' } : null;
}
