/**
 * Windows-1252's characters for the C1 control range (0x80–0x9F). Feeds routinely carry these code points
 * (as `&#150;` or after a Latin-1 decode) meaning the Windows characters; no one means a C1 control.
 */
export const WINDOWS_1252_C1: ReadonlyMap<number, string> = new Map([
  [0x80, '\u20ac'],
  [0x82, '\u201a'],
  [0x83, '\u0192'],
  [0x84, '\u201e'],
  [0x85, '\u2026'],
  [0x86, '\u2020'],
  [0x87, '\u2021'],
  [0x88, '\u02c6'],
  [0x89, '\u2030'],
  [0x8a, '\u0160'],
  [0x8b, '\u2039'],
  [0x8c, '\u0152'],
  [0x8e, '\u017d'],
  [0x91, '\u2018'],
  [0x92, '\u2019'],
  [0x93, '\u201c'],
  [0x94, '\u201d'],
  [0x95, '\u2022'],
  [0x96, '\u2013'],
  [0x97, '\u2014'],
  [0x98, '\u02dc'],
  [0x99, '\u2122'],
  [0x9a, '\u0161'],
  [0x9b, '\u203a'],
  [0x9c, '\u0153'],
  [0x9e, '\u017e'],
  [0x9f, '\u0178'],
]);

/** Replaces C1 controls that Windows-1252 defines with the characters they stand for. */
export function demoronize(text: string): string {
  return /[\u0080-\u009f]/.test(text) ? text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1.get(c.charCodeAt(0)) ?? c) : text;
}
