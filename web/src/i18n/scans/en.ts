import type { scansZhCN } from './zh-CN';

/** English texts of the material scans panel (merged into en.ts). */
export const scansEn: Record<keyof typeof scansZhCN, string> = {
  'sc.title': 'Material scans',
  'sc.hint': 'PDF, JPEG or PNG, up to {mb} MB each; on a phone or tablet "Upload scan / photo" opens the camera.',
  'sc.hintReception': 'Upload a scan or photo of each material received; the back office works from them on the case.',
  'sc.material': 'Material',
  'sc.files': 'Scans',
  'sc.none': 'No scans yet',
  'sc.upload': 'Upload scan / photo',
  'sc.uploadFor': 'Upload scan / photo: {name}',
  'sc.uploading': 'Uploading {i}/{n}: {name}',
  'sc.uploaded': '{n} scan(s) uploaded',
  'sc.duplicate': '"{name}" was already uploaded; nothing stored twice',
  'sc.tooLarge': '"{name}" is over the {mb} MB limit and was not uploaded',
  'sc.failed': '"{name}" was not uploaded: {reason}',
  'sc.open': 'Open',
  'sc.download': 'Download',
  'sc.by': 'uploaded by {by} at {at}, {size}',
  'sc.notReceived': 'not received',
  'caseAction.attachScan': 'Material scan attached',
};
