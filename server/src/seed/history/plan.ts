/**
 * Who comes to the hall and with what: the applicant pool (returning applicants, enterprises for business
 * items, now and then an agent), the item asked for, and what happens to the case (its fate).
 */
import type { CaseState } from '../../domain/case/index.ts';
import { piiFields, protectDocNumber, protectPhone } from '../../platform/pii/protect.ts';
import type { HistoryTables } from './bulk.ts';
import { partyOf } from './docs.ts';
import type { HallPlan, ItemPlan } from './hall.ts';
import { newApplicant } from './people.ts';
import type { Random } from './random.ts';
import { seededId } from './random.ts';
import type { Applicant } from './rows.ts';
import { type Fate, type Force, scriptFor, type Script, shares } from './story.ts';

const BUSINESS = new Set(['enterprise', 'tax', 'construction', 'health']);

export class ApplicantPool {
  private readonly pools = new Map<string, { persons: Applicant[]; enterprises: Applicant[]; taken: Set<string> }>();
  created = 0;

  constructor(
    private readonly rnd: Random,
    private readonly t: HistoryTables,
    taken: Map<string, Set<string>>,
  ) {
    for (const [hallId, set] of taken) this.pools.set(hallId, { persons: [], enterprises: [], taken: set });
  }

  get(hall: HallPlan, enterprise: boolean, at: number): Applicant {
    let pool = this.pools.get(hall.id);
    if (!pool) {
      pool = { persons: [], enterprises: [], taken: new Set() };
      this.pools.set(hall.id, pool);
    }
    const list = enterprise ? pool.enterprises : pool.persons;
    // About one visit in three is by someone new; the others come back (一企一档: the same file each time).
    if (list.length >= 10 && !this.rnd.chance(0.35)) return this.rnd.pick(list);
    const a = newApplicant(this.rnd, pool.taken, enterprise);
    const clerk = hall.staff.get('clerk')![0]!;
    const id = seededId(this.rnd, at);
    // Encrypted like the service's registrations: ciphertext, blind index and masked form of each number.
    const doc = protectDocNumber(piiFields.applicantDoc, id, a.docNumber, a.kind === 'person');
    const phone = protectPhone(piiFields.applicantPhone, id, a.phone);
    this.t.applicants.add(
      id,
      hall.id,
      a.kind,
      a.name,
      a.docType,
      doc.enc,
      doc.index,
      doc.masked,
      phone.enc,
      phone.index,
      phone.masked,
      a.address,
      a.legalRepresentative,
      a.contactName,
      at,
      at,
      clerk.id,
    );
    const applicant: Applicant = {
      id,
      kind: a.kind,
      name: a.name,
      docType: a.docType,
      docNumber: a.docNumber,
      phone: a.phone,
      legalRepresentative: a.legalRepresentative,
      contactName: a.contactName,
      party: JSON.stringify(partyOf(a)),
    };
    list.push(applicant);
    this.created++;
    return applicant;
  }
}

export function pickItem(rnd: Random, hall: HallPlan): ItemPlan {
  let total = 0;
  for (const i of hall.items) total += i.weight;
  let x = rnd.next() * total;
  for (const i of hall.items) {
    x -= i.weight;
    if (x < 0) return i;
  }
  return hall.items[hall.items.length - 1]!;
}

export const isBusiness = (item: ItemPlan) => BUSINESS.has(item.content.category);

export function pickFate(rnd: Random): Fate {
  const x = rnd.next();
  let edge = 0;
  for (const fate of ['refuse', 'notice', 'noticeLapsed', 'withdraw'] as const) {
    edge += shares[fate];
    if (x < edge) return fate;
  }
  return 'normal';
}

export interface Coverage {
  state: CaseState;
  fate: Fate;
  force: Force[];
  item: (i: ItemPlan) => boolean;
}

const reviewed = (i: ItemPlan) =>
  !i.instant &&
  i.groups.some((g) => g.role === 'reviewer' && g.departments.length > 0) &&
  i.groups.some((g) => g.role === 'approver');

/**
 * One case held at each state of the machine, so even a small history shows all of them (a large one has them
 * anyway): recent cases that stopped there, most of them now overdue, as a real hall's stragglers are.
 */
export const coverage: Coverage[] = [
  { state: 'received', fate: 'normal', force: [], item: () => true },
  {
    state: 'awaiting_supplement',
    fate: 'notice',
    force: [],
    item: (i) => i.content.materials.some((m) => m.requirement === 'required'),
  },
  { state: 'not_accepted', fate: 'refuse', force: [], item: () => true },
  { state: 'accepted', fate: 'normal', force: [], item: (i) => i.instant },
  { state: 'in_process', fate: 'normal', force: [], item: reviewed },
  { state: 'in_review', fate: 'normal', force: [], item: reviewed },
  { state: 'awaiting_verification', fate: 'normal', force: ['verify'], item: reviewed },
  { state: 'suspended', fate: 'normal', force: ['suspend'], item: reviewed },
  { state: 'returned_for_rework', fate: 'normal', force: ['rework'], item: reviewed },
  { state: 'in_approval', fate: 'normal', force: [], item: reviewed },
  { state: 'approved', fate: 'normal', force: [], item: reviewed },
  { state: 'denied', fate: 'normal', force: ['deny'], item: reviewed },
  { state: 'completed', fate: 'normal', force: ['notify'], item: reviewed },
  { state: 'awaiting_collection', fate: 'normal', force: ['notify'], item: reviewed },
  { state: 'delivered', fate: 'normal', force: ['notify'], item: reviewed },
  { state: 'withdrawn', fate: 'withdraw', force: [], item: reviewed },
  { state: 'terminated', fate: 'deferredLapsed', force: [], item: (i) => !i.instant && i.deferrable !== null },
  { state: 'archived', fate: 'normal', force: [], item: () => true },
];

/** A coverage case's script, and the working day it must start on to reach its state by yesterday. */
export function coverageScript(
  rnd: Random,
  hall: HallPlan,
  c: Coverage,
): { item: ItemPlan; script: Script; start: number } | null {
  const items = hall.items.filter(c.item);
  if (items.length === 0) return null;
  const item = rnd.pick(items);
  const script = scriptFor(rnd, item, c.fate, c.state, c.force);
  const last = script.moves[script.moves.length - 1]!;
  if (last.to !== c.state) return null;
  const start = hall.todayIndex - 2 - Math.ceil(last.t);
  return start >= 0 ? { item, script, start } : null;
}
