/** Result files on disk: DATA_DIR/files/<caseId>/<fileId>, checked by content and kept with their sha256. */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { invalid } from '../../platform/errors.ts';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** What a hall files as a result: PDF, OFD and scans; the first bytes must match the declared type. */
const allowed: Record<string, (b: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  // OFD (版式文档) is a zip container.
  'application/ofd': (b) => b[0] === 0x50 && b[1] === 0x4b,
};
export const allowedTypes = Object.keys(allowed);

export function decodeUpload(contentType: string, base64: string): { bytes: Buffer; sha256: string } {
  const check = allowed[contentType];
  if (!check) throw invalid('contentType', '仅支持 PDF、OFD、PNG、JPEG 文件', 'Only PDF, OFD, PNG or JPEG files');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw invalid('dataBase64', '文件内容编码有误', 'The file is not valid base64');
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw invalid('dataBase64', '文件为空', 'The file is empty');
  if (bytes.length > MAX_FILE_BYTES) throw invalid('dataBase64', '文件不能超过 5 MB', 'The file is larger than 5 MB');
  if (!check(bytes)) throw invalid('dataBase64', '文件内容与类型不符', 'The content does not match the declared type');
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

const fileDir = (dataDir: string, caseId: string) => path.join(dataDir, 'files', caseId);

export async function storeFile(dataDir: string, caseId: string, fileId: string, bytes: Buffer) {
  // Owner only, whatever the umask: result files hold personal data.
  await mkdir(fileDir(dataDir, caseId), { recursive: true, mode: 0o700 });
  await writeFile(path.join(fileDir(dataDir, caseId), fileId), bytes, { flag: 'wx', mode: 0o600 });
}

/** Reads a stored file back and refuses one whose bytes no longer match the recorded hash. */
export async function loadFile(dataDir: string, caseId: string, fileId: string, sha256: string): Promise<Buffer> {
  const bytes = await readFile(path.join(fileDir(dataDir, caseId), fileId));
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new Error(`stored file ${fileId} does not match its sha256`);
  return bytes;
}
