/** Identity numbers a hall checks at reception (R3.1, R3.2). */
export { normaliseInput, provinceNames, type ProvinceCode, type Refusal } from './common.ts';
export {
  type CreditCodeOk,
  type CreditCodeReason,
  type CreditCodeResult,
  creditCheckChar,
  creditCodeCharset,
  organisationCheckChar,
  registrationAuthorities,
  validateCreditCode,
} from './credit-code.ts';
export {
  type DocumentOk,
  type DocumentReason,
  type DocumentResult,
  type DocumentType,
  type DocumentTypeInfo,
  documentTypeCodes,
  documentTypes,
  isDocumentType,
  validateDocument,
} from './documents.ts';
export {
  mod112CheckChar,
  type ResidentIdOk,
  type ResidentIdReason,
  type ResidentIdResult,
  type Sex,
  validateResidentId,
} from './resident-id.ts';
