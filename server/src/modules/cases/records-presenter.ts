import { type DocumentType, documentTypes } from '../../domain/identity/index.ts';
import type { DeliveryRow, FileRow } from './records-repository.ts';

const typeLabels = new Map(documentTypes.map((t) => [t.code, t.zh]));

export function presentFile(f: FileRow) {
  return {
    id: f.id,
    kind: f.kind as 'result' | 'other',
    name: f.name,
    contentType: f.content_type,
    size: Number(f.size),
    sha256: f.sha256,
    uploadedBy: f.uploaded_by_name,
    uploadedAt: Number(f.uploaded_at),
  };
}

/** The collector's document number is stored whole for the record and always shown masked. */
export function presentDelivery(d: DeliveryRow) {
  return {
    method: d.method as 'collect' | 'mail',
    collectedBy: d.collected_by,
    docType: d.id_doc_type,
    docTypeLabel: d.id_doc_type ? (typeLabels.get(d.id_doc_type as DocumentType) ?? d.id_doc_type) : null,
    docNumber: d.id_doc_number_masked,
    carrier: d.carrier,
    trackingNumber: d.tracking_number,
    at: Number(d.at),
    by: d.by_name,
  };
}
