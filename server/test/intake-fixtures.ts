/** Factories for reception tests: a published item with a known checklist, applicants with valid numbers. */
import { creditCheckChar, mod112CheckChar, organisationCheckChar } from '../src/domain/identity/index.ts';
import { json, type Session } from './helpers.ts';

/** A valid citizen number for the given area, birth date and sequence (odd sequence = male). */
export function residentId(area: string, birth: string, seq: string): string {
  const body = `${area}${birth}${seq}`;
  return `${body}${mod112CheckChar(body)}`;
}

/** A valid unified social credit code (both check characters computed). */
export function creditCode(regType: string, area: string, orgBody: string): string {
  const body = `${regType}${area}${orgBody}${organisationCheckChar(orgBody)}`;
  return body + creditCheckChar(body);
}

let serial = 0;
/** A unique valid ID number per call. */
export const nextResidentId = () => residentId('510812', '19850415', String(100 + (serial++ % 800)).padStart(3, '0'));

export const material = (
  key: string,
  name: string,
  requirement: string,
  essential: boolean,
  over: Record<string, unknown> = {},
) => ({
  key,
  name,
  form: 'original',
  copies: 1,
  requirement,
  condition: requirement === 'conditional' ? '委托他人办理的' : '',
  notes: '',
  essential,
  hasBlankForm: false,
  hasSample: false,
  ...over,
});

export function itemContent(departmentId: string, over: Record<string, unknown> = {}) {
  return {
    name: '食品经营许可证变更',
    category: 'health',
    departmentIds: [departmentId],
    description: '',
    basis: '《食品经营许可和备案管理办法》',
    conditions: '',
    kind: 'committed',
    legalDays: 20,
    promisedDays: 5,
    warningDays: 1,
    feeFen: 0,
    feeNote: '不收费',
    approvalLevel: 'section',
    materials: [
      material('form', '变更申请书', 'required', true),
      material('licence', '营业执照复印件', 'required', false, { form: 'copy' }),
      material('poa', '授权委托书', 'conditional', false),
      material('photo', '经营场所照片', 'optional', false),
    ],
    steps: [
      { key: 's1', name: '受理', order: 1, role: 'clerk', departmentId: null, limitDays: 0 },
      { key: 's2', name: '材料审核', order: 2, role: 'reviewer', departmentId, limitDays: 2 },
      { key: 's3', name: '现场核查', order: 2, role: 'handler', departmentId, limitDays: 2 },
      { key: 's4', name: '审批', order: 3, role: 'approver', departmentId, limitDays: 2 },
    ],
    faq: [],
    ...over,
  };
}

/** The head's hall, its first department and window, and a new published item coded `code` there. */
export async function receptionDesk(head: Session, code: string) {
  const hallId = json(await head.get('/api/auth/me')).halls[0].id as string;
  const departmentId = json(await head.get(`/api/departments?hallId=${hallId}`)).items[0].id as string;
  const windowId = json(await head.get(`/api/windows?hallId=${hallId}`)).items[0].id as string;
  return { hallId, departmentId, windowId, itemId: await publishedItem(head, hallId, departmentId, code) };
}

/** Creates and publishes an item in the hall; returns its id. */
export async function publishedItem(
  head: Session,
  hallId: string,
  departmentId: string,
  code: string,
  over: Record<string, unknown> = {},
) {
  const created = await head.post('/api/catalog/items', { hallId, code, content: itemContent(departmentId, over) });
  if (created.statusCode !== 201) throw new Error(`item: ${created.body}`);
  const id = json(created).id as string;
  await head.post(`/api/catalog/items/${id}/publish`);
  return id;
}

export async function person(clerk: Session, hallId: string, over: Record<string, unknown> = {}) {
  const res = await clerk.post('/api/applicants', {
    hallId,
    kind: 'person',
    name: '李建华',
    docType: 'resident_id',
    docNumber: nextResidentId(),
    phone: '13912345678',
    address: '青川县乔庄镇滨河路8号',
    ...over,
  });
  if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`applicant: ${res.body}`);
  return json(res).id as string;
}

export type Mark = { key: string; status: string; copies?: number; pages?: number; reason?: string };
const got = (key: string, pages = 2): Mark => ({ key, status: 'received', copies: 1, pages });

/** Every material received (the conditional one not applicable). */
export const complete = (): Mark[] => [
  got('form'),
  got('licence', 3),
  { key: 'poa', status: 'not_applicable' },
  got('photo', 1),
];
export const marks = (over: Record<string, Partial<Mark>>): Mark[] =>
  complete().map((m) => ({ ...m, ...(over[m.key] ?? {}) }));
