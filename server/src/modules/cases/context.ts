/** Loading a case with what its rules need: the item version it is pinned to, its hall and its parties. */
import { type ChecklistMaterial, checkMaterials, type MaterialMark } from '../../domain/intake/checklist.ts';
import type { Actor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound, outOfScope } from '../../platform/errors.ts';
import { findApplicant } from '../applicants/service.ts';
import type { ItemContent } from '../catalog/schema.ts';
import { findItem, publishedContent } from '../catalog/service.ts';
import { findHall, findWindow } from '../org/service.ts';
import * as repo from './repository.ts';

export async function loadCase(db: Db, actor: Actor, id: string): Promise<repo.CaseRow> {
  const c = await repo.findCase(db, id);
  if (!c) throw notFound('办件', 'Case');
  if (!actor.hallIds.includes(c.hall_id)) throw outOfScope(notFound('办件', 'Case'), 'case', c.id);
  return c;
}

/** The item version the case was received under (R1.5): its materials, steps and limits. */
export async function pinnedItem(db: Db, c: { item_id: string; item_version: number }) {
  const [item, content] = await Promise.all([findItem(db, c.item_id), publishedContent(db, c.item_id, c.item_version)]);
  if (!item || !content) throw new Error(`case refers to a missing item version ${c.item_id}@${c.item_version}`);
  return { item, content };
}

export const checklistOf = (content: ItemContent): ChecklistMaterial[] =>
  content.materials.map((m) => ({ key: m.key, name: m.name, requirement: m.requirement, essential: m.essential }));

export const formLabels = { original: '原件', copy: '复印件', original_and_copy: '原件及复印件' } as const;

export async function currentMarks(db: Db, caseId: string): Promise<{ round: number; marks: MaterialMark[] }> {
  const r = await repo.latestReception(db, caseId);
  if (!r) throw new Error(`case ${caseId} has no reception record`);
  return { round: r.round, marks: JSON.parse(r.materials) as MaterialMark[] };
}

export async function caseContext(db: Db, c: repo.CaseRow) {
  const [{ item, content }, hall, applicant, agent, window, reception] = await Promise.all([
    pinnedItem(db, c),
    findHall(db, c.hall_id),
    findApplicant(db, c.applicant_id),
    c.agent_id ? findApplicant(db, c.agent_id) : Promise.resolve(undefined),
    c.window_id ? findWindow(db, c.window_id) : Promise.resolve(undefined),
    currentMarks(db, c.id),
  ]);
  if (!hall || !applicant) throw new Error(`case ${c.id} refers to a missing hall or applicant`);
  const check = checkMaterials(checklistOf(content), reception.marks);
  return { item, content, hall, applicant, agent: agent ?? null, window: window ?? null, ...reception, check };
}
export type CaseContext = Awaited<ReturnType<typeof caseContext>>;
