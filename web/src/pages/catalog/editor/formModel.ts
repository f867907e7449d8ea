import type { ItemContent, ItemDetail, Material, Step } from '../../../api/types';
import { fenToYuan, newKey, yuanToFen } from '../../../components/format';

/** Editor form values: ItemContent with the fee in yuan, plus hall and code of the item. */
export interface ItemFormValues extends Omit<ItemContent, 'feeFen' | 'feeItems'> {
  hallId: string;
  code: string;
  feeYuan: number;
  /** 收费项目 with amounts typed in yuan (two decimals), sent as integer fen. */
  feeItems?: { name: string; amountYuan: number | null }[];
}

/** Server field names that are named differently in the form. */
export const FIELD_ALIASES: Record<string, string> = { feeFen: 'feeYuan', amountFen: 'amountYuan' };

/** The total of the fee items in fen, each amount taken in fen first so nothing is lost to floating point. */
export const feeItemsFen = (items: ItemFormValues['feeItems']) =>
  (items ?? []).reduce((sum, i) => sum + yuanToFen(i?.amountYuan), 0);

export function newMaterial(): Material {
  return {
    key: newKey('m'),
    name: '',
    form: 'original',
    copies: 1,
    requirement: 'required',
    condition: '',
    notes: '',
    essential: true,
    hasBlankForm: false,
    hasSample: false,
  };
}

export function newStep(order: number, name = '', role: Step['role'] = 'clerk'): Step {
  return { key: newKey('s'), name, order, role, departmentId: null, limitDays: 0 };
}

export function emptyForm(hallId: string | undefined): Partial<ItemFormValues> {
  return {
    hallId,
    code: '',
    name: '',
    departmentIds: [],
    description: '',
    basis: '',
    conditions: '',
    kind: 'committed',
    legalDays: 20,
    promisedDays: 10,
    warningDays: 1,
    feeYuan: 0,
    feeNote: '',
    approvalLevel: 'section',
    materials: [],
    steps: [
      newStep(1, '受理', 'clerk'),
      newStep(2, '审核', 'reviewer'),
      newStep(3, '审批', 'approver'),
      newStep(4, '办结', 'clerk'),
    ],
    faq: [],
  };
}

export function toForm(item: ItemDetail): ItemFormValues {
  const { feeFen, feeItems, ...rest } = item.content;
  return {
    ...rest,
    hallId: item.hallId,
    code: item.code,
    feeYuan: fenToYuan(feeFen),
    feeItems: (feeItems ?? []).map((f) => ({ name: f.name, amountYuan: fenToYuan(f.amountFen) })),
    payBeforeCompletion: !!item.content.payBeforeCompletion,
  };
}

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const int = (v: unknown, fallback = 0) => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : fallback);

/** Normalises the form store (all values, including hidden row keys) into ItemContent. */
export function fromForm(v: ItemFormValues): ItemContent {
  return {
    name: str(v.name),
    category: v.category,
    departmentIds: v.departmentIds ?? [],
    description: str(v.description),
    basis: str(v.basis),
    conditions: str(v.conditions),
    kind: v.kind,
    legalDays: int(v.legalDays),
    promisedDays: int(v.promisedDays),
    warningDays: int(v.warningDays, 1),
    // With fee items the total is their sum; without, the single fee (办理费) as typed.
    feeFen: v.feeItems?.length ? feeItemsFen(v.feeItems) : yuanToFen(v.feeYuan),
    feeItems: v.feeItems?.length
      ? v.feeItems.map((f) => ({ name: str(f.name), amountFen: yuanToFen(f.amountYuan) }))
      : undefined,
    payBeforeCompletion: !!v.payBeforeCompletion,
    feeNote: str(v.feeNote),
    approvalLevel: v.approvalLevel,
    deferredApprovalAllowed: !!v.deferredApprovalAllowed,
    townshipReception: v.townshipReception?.stationHallIds?.length
      ? { stationHallIds: v.townshipReception.stationHallIds, postAllowed: !!v.townshipReception.postAllowed }
      : undefined,
    onlinePrereview: v.onlinePrereview?.allowed
      ? { allowed: true, limitDays: int(v.onlinePrereview.limitDays, 2) }
      : undefined,
    materials: (v.materials ?? []).map((m) => ({
      key: m.key || newKey('m'),
      name: str(m.name),
      form: m.form,
      copies: int(m.copies, 1),
      requirement: m.requirement,
      condition: str(m.condition),
      notes: str(m.notes),
      essential: !!m.essential,
      hasBlankForm: !!m.hasBlankForm,
      hasSample: !!m.hasSample,
    })),
    steps: (v.steps ?? []).map((s) => ({
      key: s.key || newKey('s'),
      name: str(s.name),
      order: int(s.order, 1),
      role: s.role,
      departmentId: s.departmentId || null,
      limitDays: int(s.limitDays),
      authority: s.authority || null,
    })),
    faq: (v.faq ?? []).map((f) => ({ question: str(f.question), answer: str(f.answer) })),
  };
}
