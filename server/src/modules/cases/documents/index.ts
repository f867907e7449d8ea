/** One entry from a stored document row to its printable model. */
import type { DocumentModel } from '../../../platform/pdf/model.ts';
import type { DocumentKind } from '../presenter.ts';
import { noticeContentSchema, promiseContentSchema, receiptContentSchema, refusalContentSchema } from './content.ts';
import { buildOneTimeNotice } from './notice.ts';
import type { HallInfo } from './parts.ts';
import { buildDeferralPromise } from './promise.ts';
import { buildResultNotice, resultContentSchema } from './result.ts';
import { buildExtensionNotice, extensionContentSchema } from './extension.ts';
import { buildReceipt } from './receipt.ts';
import { buildTerminationNotice, terminationContentSchema } from './termination.ts';
import { buildNonAcceptance } from './refusal.ts';

export type { HallInfo } from './parts.ts';

export async function documentModel(
  kind: DocumentKind,
  hall: HallInfo,
  docNo: string,
  content: string,
): Promise<DocumentModel> {
  const data: unknown = JSON.parse(content);
  switch (kind) {
    case 'receipt':
      return buildReceipt(hall, docNo, receiptContentSchema.parse(data));
    case 'one_time_notice':
      return buildOneTimeNotice(hall, docNo, noticeContentSchema.parse(data));
    case 'non_acceptance':
      return buildNonAcceptance(hall, docNo, refusalContentSchema.parse(data));
    case 'deferral_promise':
      return buildDeferralPromise(hall, docNo, promiseContentSchema.parse(data));
    case 'result_notice':
      return buildResultNotice(hall, docNo, resultContentSchema.parse(data));
    case 'extension_notice':
      return buildExtensionNotice(hall, docNo, extensionContentSchema.parse(data));
    case 'termination_notice':
      return buildTerminationNotice(hall, docNo, terminationContentSchema.parse(data));
  }
}
