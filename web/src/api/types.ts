/** Shapes from the OneWindow API contract, read off the generated OpenAPI types. Times are epoch milliseconds. */
import type { Answer, Item } from './contract';

export interface ListResult<T> {
  items: T[];
  total: number;
}

export interface IdName {
  id: string;
  name: string;
}

export type Me = Answer<'/api/auth/me'>;
export type Hall = Item<Answer<'/api/halls'>>;
export type Department = Item<Answer<'/api/departments'>>;
export type ServiceWindow = Item<Answer<'/api/windows'>>;
export type WindowKind = ServiceWindow['kind'];
export type ActiveStatus = ServiceWindow['status'];
export type User = Item<Answer<'/api/users'>>;
export type Role = Item<Answer<'/api/roles'>>;
export type Policy = Answer<'/api/security/policy'>;

export type AuditRecord = Item<Answer<'/api/audit'>>;
export type AuditOutcome = AuditRecord['outcome'];
export type AuditVerifyResult = Answer<'/api/audit/verify', 'post'>;
export type AuditChainProblem = NonNullable<AuditVerifyResult['problem']>;

export const CATEGORIES = [
  'enterprise',
  'social_security',
  'household',
  'civil',
  'construction',
  'tax',
  'health',
  'agriculture',
  'transport',
  'other',
] as const satisfies readonly Category[];
export type ItemDetail = Answer<'/api/catalog/items/{id}'>;
export type ItemContent = ItemDetail['content'];
export type Category = ItemContent['category'];
export type ItemKind = ItemContent['kind'];
export type ApprovalLevel = ItemContent['approvalLevel'];
export type Material = ItemContent['materials'][number];
export type Requirement = Material['requirement'];
export type Step = ItemContent['steps'][number];
export type Faq = ItemContent['faq'][number];
export type ItemSummary = Item<Answer<'/api/catalog/items'>>;
export type ItemStatus = ItemSummary['status'];
export type VersionInfo = ItemDetail['versions'][number];
export type VersionState = VersionInfo['state'];
export type ItemVersion = Answer<'/api/catalog/items/{id}/versions/{version}'>;
/** A material's blank form (空白表格) or filled-in sample (填写样例), uploaded in the item editor. */
export type MaterialFile = ItemDetail['materialFiles'][number];
export type MaterialFileKind = MaterialFile['kind'];

export type PublicHall = Item<Answer<'/api/public/halls'>>;
export type GuideSummary = Item<Answer<'/api/public/guide'>>;
export type GuideDetail = Answer<'/api/public/guide/{id}'>;
