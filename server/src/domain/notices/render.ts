import { maskIdNumber, maskPhone } from '../masking.ts';

/** Placeholders are `{name}`: letters only, so a brace in ordinary text stays as it is. */
const placeholder = /\{([A-Za-z]+)\}/g;

export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(placeholder)].map((m) => m[1]!);
}

/** The placeholders a template uses that its event does not know (the editor refuses them). */
export function unknownPlaceholders(template: string, known: readonly string[]): string[] {
  return [...new Set(placeholdersOf(template).filter((p) => !known.includes(p)))];
}

// An 18-character resident ID (or 15 digits), and a mainland mobile number, where they stand alone in the text.
const idNumber = /(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
const mobile = /(?<![0-9])(1[3-9]\d{9})(?![0-9])/g;

/** A message never carries a full ID number, and a phone number only masked. */
export function redactPersonalNumbers(text: string): string {
  return text.replace(idNumber, (m) => maskIdNumber(m) ?? m).replace(mobile, (m) => maskPhone(m) ?? m);
}

/** Fills the template; a variable without a value becomes empty; personal numbers are masked afterwards. */
export function renderTemplate(template: string, vars: Record<string, string | number | null | undefined>): string {
  const filled = template.replace(placeholder, (whole, name: string) => {
    if (!Object.hasOwn(vars, name)) return whole;
    const v = vars[name];
    return v === null || v === undefined ? '' : String(v);
  });
  return redactPersonalNumbers(filled);
}
