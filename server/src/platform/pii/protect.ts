/** The three stored forms of one personal number: its ciphertext, its blind index and its masked display form. */
import { maskIdNumber, maskPhone } from '../../domain/masking.ts';
import { pii } from './index.ts';
import { normaliseForIndex } from './keys.ts';

/** Every encrypted column, named as it is bound into its ciphertext (with the row id), so a value cannot move. */
export const piiFields = {
  applicantDoc: 'applicants.doc_number',
  applicantPhone: 'applicants.phone',
  applicantSealed: 'applicants.sealed_data',
  consultationPhone: 'consultations.contact_phone',
  deliveryDoc: 'case_deliveries.id_doc_number',
  applicantEvent: 'applicant_events.detail',
  staffPhone: 'users.phone',
  prereviewDoc: 'prereview_applications.doc_number',
  prereviewPhone: 'prereview_applications.phone',
  appointmentId: 'appointments.id_number',
  appointmentPhone: 'appointments.phone',
  complaintName: 'complaints.name',
  complaintPhone: 'complaints.phone',
  complaintEmail: 'complaints.email',
} as const;

export interface Protected {
  enc: string;
  index: string;
  masked: string;
}

export function protectPhone(field: string, rowId: string, phone: string): Protected {
  const ring = pii();
  // Masked from the digits, so a number typed with spaces or hyphens shows like any other.
  return {
    enc: ring.encrypt(field, rowId, phone),
    index: ring.index('phone', phone),
    masked: maskPhone(normaliseForIndex('phone', phone)) ?? '',
  };
}

/**
 * A document number. A person's is masked for display; an enterprise's unified social credit code is public
 * (printed on its business licence and in the national credit register), so its display form is the code itself.
 */
export function protectDocNumber(field: string, rowId: string, number: string, personal: boolean): Protected {
  const ring = pii();
  return {
    enc: ring.encrypt(field, rowId, number),
    index: ring.index('id', number),
    masked: personal ? (maskIdNumber(number) ?? '') : number,
  };
}

export const reveal = (field: string, rowId: string, stored: string) => pii().decrypt(field, rowId, stored);

/** Every index a number may be stored under (one per key, while a rotation is under way). */
export const lookupIndexes = (kind: 'id' | 'phone', value: string) => pii().indexes(kind, value);

/** The change detail with personal numbers masked and their full values in one ciphertext; null if it holds none. */
export function protectChangeDetail(
  eventId: string,
  detail: { changes?: Record<string, { from: string; to: string }> },
): string | null {
  const changes = detail.changes ?? {};
  const personal: string[] = Object.keys(changes).filter((f) => f === 'docNumber' || f === 'phone');
  if (personal.length === 0) return null;
  const full = Object.fromEntries(personal.map((f) => [f, changes[f]]));
  const mask = (f: string, v: string) => (f === 'phone' ? maskPhone(v) : maskIdNumber(v)) ?? '';
  const masked = Object.fromEntries(
    Object.entries(changes).map(([f, c]) => [
      f,
      personal.includes(f) ? { from: mask(f, c.from), to: mask(f, c.to) } : c,
    ]),
  );
  return JSON.stringify({
    ...detail,
    changes: masked,
    personal: pii().encrypt(piiFields.applicantEvent, eventId, JSON.stringify(full)),
  });
}
