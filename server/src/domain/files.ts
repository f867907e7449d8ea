/** Pure rules for files people hand in: what a file is (by its first bytes) and the name it is shown under. */

export type SniffedType = 'application/pdf' | 'image/png' | 'image/jpeg' | 'application/ofd';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Magic bytes: a file is what its content says, never what its name or the browser claims. */
export const signatures: Record<SniffedType, (b: Uint8Array) => boolean> = {
  'application/pdf': (b) => b.length >= 5 && String.fromCharCode(...b.subarray(0, 5)) === '%PDF-',
  'image/png': (b) => b.length >= 8 && PNG.every((x, i) => b[i] === x),
  'image/jpeg': (b) => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  // OFD (版式文档) is a zip container.
  'application/ofd': (b) => b.length >= 2 && b[0] === 0x50 && b[1] === 0x4b,
};

/** The first of `among` whose signature the bytes carry, or null. */
export function sniffType<T extends SniffedType>(bytes: Uint8Array, among: readonly T[]): T | null {
  return among.find((t) => signatures[t](bytes)) ?? null;
}

export const extensionsOf: Record<SniffedType, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'application/ofd': ['.ofd'],
};

export const MAX_DISPLAY_NAME = 100;

/** C0/C1 control characters and the direction marks that can disguise an extension ('photo<U+202E>gpj.exe'). */
export const isInvisible = (cp: number) =>
  cp <= 0x1f ||
  (cp >= 0x7f && cp <= 0x9f) ||
  cp === 0x200e ||
  cp === 0x200f ||
  (cp >= 0x202a && cp <= 0x202e) ||
  (cp >= 0x2066 && cp <= 0x2069) ||
  cp === 0xfeff;

/** The last part of an uploaded name, without control or direction-changing characters and with spaces collapsed. */
export function visibleBaseName(raw: string): string {
  const last = raw.split(/[/\\]/).pop() ?? '';
  return [...last]
    .filter((ch) => !isInvisible(ch.codePointAt(0) ?? 0))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The name a stored file is shown under: no folder parts, no control or direction-changing characters, at most
 * MAX_DISPLAY_NAME characters, and an extension that says what the content really is. It never names a path.
 */
export function displayName(raw: string, type: SniffedType, fallback: string): string {
  let name = visibleBaseName(raw).replace(/^\.+/, '');
  const exts = extensionsOf[type];
  const lower = name.toLowerCase();
  if (!exts.some((e) => lower.endsWith(e))) name = `${name || fallback}${exts[0]}`;
  const chars = [...name];
  if (chars.length > MAX_DISPLAY_NAME) {
    const ext = exts.find((e) => name.toLowerCase().endsWith(e)) ?? '';
    name =
      chars
        .slice(0, MAX_DISPLAY_NAME - ext.length)
        .join('')
        .trimEnd() + name.slice(name.length - ext.length);
  }
  return name;
}
