/** Result files on disk: DATA_DIR/files/<caseId>/<fileId>, checked by content and kept with their sha256. */
import { signatures } from '../../domain/files.ts';
import { invalid } from '../../platform/errors.ts';
import { loadCaseFile, sha256Of, storeCaseFile } from '../../platform/stored-files.ts';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** What a hall files as a result: PDF, OFD and scans; the first bytes must match the declared type. */
const allowed: Record<string, (b: Buffer) => boolean> = signatures;

export function decodeUpload(contentType: string, base64: string): { bytes: Buffer; sha256: string } {
  const check = allowed[contentType];
  if (!check) throw invalid('contentType', '仅支持 PDF、OFD、PNG、JPEG 文件', 'Only PDF, OFD, PNG or JPEG files');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64))
    throw invalid('dataBase64', '文件内容编码有误', 'The file is not valid base64');
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw invalid('dataBase64', '文件为空', 'The file is empty');
  if (bytes.length > MAX_FILE_BYTES) throw invalid('dataBase64', '文件不能超过 5 MB', 'The file is larger than 5 MB');
  if (!check(bytes)) throw invalid('dataBase64', '文件内容与类型不符', 'The content does not match the declared type');
  return { bytes, sha256: sha256Of(bytes) };
}

export async function storeFile(dataDir: string, caseId: string, fileId: string, bytes: Buffer) {
  await storeCaseFile(dataDir, caseId, [fileId], bytes);
}

/** Reads a stored file back and refuses one that is missing or whose bytes no longer match the recorded hash. */
export async function loadFile(dataDir: string, caseId: string, fileId: string, sha256: string): Promise<Buffer> {
  return loadCaseFile(dataDir, caseId, [fileId], sha256);
}
