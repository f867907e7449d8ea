import { z } from 'zod';
import { caseStates } from '../../domain/case/index.ts';
import { documentTypeCodes } from '../../domain/identity/index.ts';
import { pageQuery } from '../../platform/schemas.ts';
import { materialSchema } from '../catalog/schema.ts';
import { receptionInput } from '../intake/schema.ts';

const text = (max: number) => z.string().trim().max(max);

export const pickupPlaces = ['station', 'county', 'post'] as const;
export type PickupPlace = (typeof pickupPlaces)[number];
export const pickupLabels: Record<PickupPlace, string> = {
  station: '乡镇便民服务中心领取',
  county: '县政务服务中心窗口领取',
  post: '邮寄送达',
};

export const stationQuery = z.object({ stationHallId: z.string().min(1).max(64) });

export const stationItemSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  hallId: z.string(),
  hallName: z.string(),
  kind: z.enum(['instant', 'committed']),
  promisedDays: z.number(),
  postAllowed: z.boolean(),
  materials: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      form: materialSchema.shape.form,
      copies: z.number(),
      requirement: z.enum(['required', 'conditional', 'optional']),
      condition: z.string(),
      essential: z.boolean(),
    }),
  ),
});

/** 乡镇收件: the reception of a county item at a station; the applicant and agent are the station's files. */
export const stationAcceptInput = receptionInput.omit({ windowId: true }).extend({
  stationHallId: z.string().min(1).max(64),
  pickup: z.enum(pickupPlaces),
  mailingAddress: text(300).default(''),
});
export type StationAcceptInput = z.infer<typeof stationAcceptInput>;

export const handOverInput = z.object({
  collectedBy: text(60).min(1),
  docType: z.enum(documentTypeCodes),
  docNumber: text(40).min(1),
});

export const notifyInput = z.object({ channel: z.enum(['sms', 'phone', 'window']), note: text(300).default('') });

const handedOver = z.object({ at: z.number(), hallName: z.string(), by: z.string() }).nullable();

/** Where a case came in and where its result goes; shown to both halls' staff. */
export const originSchema = z.object({
  township: z
    .object({
      stationHallId: z.string(),
      stationName: z.string(),
      countyHallId: z.string(),
      countyName: z.string(),
      pickup: z.enum(pickupPlaces),
      pickupLabel: z.string(),
      mailingAddress: z.string().nullable(),
      receivedBy: z.string(),
      receivedAt: z.number(),
      handedOver,
    })
    .nullable(),
});

/** What the station sees of a case it received: reception, the county's progress, the result hand-over. */
export const stationCaseSchema = z.object({
  caseId: z.string(),
  caseNo: z.string().nullable(),
  itemName: z.string(),
  applicantName: z.string(),
  stationName: z.string(),
  countyName: z.string(),
  state: z.enum(caseStates),
  stateLabel: z.string(),
  acceptedDay: z.string().nullable(),
  deadline: z.string().nullable(),
  deadlineProvisional: z.boolean(),
  currentStep: z.string().nullable(),
  steps: z.array(
    z.object({
      name: z.string(),
      status: z.enum(['pending', 'active', 'done', 'skipped']),
      doneAt: z.number().nullable(),
    }),
  ),
  outcome: z.enum(['success', 'failure']).nullable(),
  completedDay: z.string().nullable(),
  pickup: z.enum(pickupPlaces),
  pickupLabel: z.string(),
  mailingAddress: z.string().nullable(),
  receivedBy: z.string(),
  receivedAt: z.number(),
  handedOver,
  documents: z.array(z.object({ id: z.string(), kindLabel: z.string(), docNo: z.string() })),
  /** What the station may do now: notifyResult, handOver. */
  actions: z.array(z.string()),
});
export type StationCase = z.infer<typeof stationCaseSchema>;

export const stationCaseQuery = pageQuery.extend({ stationHallId: z.string().min(1).max(64).optional() });
export const stationCaseListSchema = z.object({ items: z.array(stationCaseSchema), total: z.number() });

export const placesSchema = z.object({
  places: z
    .object({ receivedAt: z.string(), processedAt: z.string(), pickup: z.enum(pickupPlaces), pickupLabel: z.string() })
    .nullable(),
});

export const originsQuery = z.object({
  caseIds: z
    .string()
    .max(100 * 65)
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(z.string().min(1).max(64)).max(100)),
});
export const originsSchema = z.object({ items: z.array(z.object({ caseId: z.string(), stationName: z.string() })) });
