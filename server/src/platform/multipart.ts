/** Uploaded files in and stored files out, for the routes that take uploads (scans, 网上预审). */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, invalid } from './errors.ts';

/** The one file part named `file`, read whole up to the configured limit; anything else is a 400 naming `file`. */
export async function readFilePart(
  req: FastifyRequest,
  maxBytes: number,
): Promise<{ fileName: string; bytes: Buffer }> {
  const noFile = () =>
    invalid('file', '请选择要上传的文件（表单字段 file）', 'Choose a file to upload (form field "file")');
  if (!req.isMultipart()) throw noFile();
  const part = await req.file({ limits: { fileSize: maxBytes, files: 1, fields: 4 } }).catch(() => undefined);
  if (part?.fieldname !== 'file') throw noFile();
  try {
    return { fileName: part.filename ?? '', bytes: await part.toBuffer() };
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      const mb = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
      throw new AppError(
        413,
        'FILE_TOO_LARGE',
        `文件超过 ${mb} MB 的上限，请压缩或分页扫描后再上传`,
        `The file is larger than ${mb} MB`,
        'file',
      );
    }
    throw invalid('file', '文件未能完整上传，请重试', 'The file did not arrive whole; try again');
  }
}

/** A stored file answered for viewing (inline) or saving (attachment), never sniffed or cached by the browser. */
export const sendStoredFile = (
  reply: FastifyReply,
  f: { bytes: Buffer; contentType: string; name: string },
  download: boolean,
) =>
  reply
    .type(f.contentType)
    .header(
      'content-disposition',
      `${download ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(f.name)}`,
    )
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(f.bytes);

/** `attachment` with the Chinese name (RFC 5987) and a plain ASCII fallback for old clients. */
function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Sends a stored file to be saved under its own (Chinese) name, never rendered in the page. */
export function sendAttachment(
  reply: FastifyReply,
  f: { name: string; contentType: string; bytes: Buffer },
  cacheControl: string,
) {
  return reply
    .type(f.contentType)
    .header('content-disposition', attachmentDisposition(f.name))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', cacheControl)
    .send(f.bytes);
}
