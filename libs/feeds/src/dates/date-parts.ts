/** Shared pieces of the feed date parsers: field validation and time zone names. */

export interface DateFields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** Offset east of UTC in minutes (EST = -300). */
  readonly offsetMinutes: number;
}

/** Zone abbreviations seen in feeds → hours east of UTC. RFC 822's set plus common ones feeds use anyway. */
export const ZONE_HOURS: Readonly<Record<string, number>> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  wet: 0,
  adt: -3,
  ast: -4,
  at: -4,
  edt: -4,
  est: -5,
  et: -5,
  cdt: -5,
  cst: -6,
  ct: -6,
  mdt: -6,
  mst: -7,
  mt: -7,
  pdt: -7,
  pst: -8,
  pt: -8,
  akdt: -8,
  akst: -9,
  hst: -10,
  a: -1,
  n: 1,
  m: -12,
  y: 12,
  met: 1,
  mest: 2,
  cet: 1,
  cest: 2,
  west: 1,
  bst: 1,
  eet: 2,
  eest: 3,
  msk: 3,
  hkt: 8,
  sgt: 8,
  awst: 8,
  jst: 9,
  kst: 9,
  aest: 10,
  aedt: 11,
  nzst: 12,
  nzdt: 13,
};

export const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

export const DAY_NAMES: ReadonlySet<string> = new Set(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1];
}

/**
 * The instant the fields name, or null when a field is out of range or the result leaves years 1–9999
 * (a date a feed could mean; `9999-12-31T23:59:59-99:99` is not one).
 */
export function toDate(fields: DateFields): Date | null {
  const { year, month, day, hour, minute, second, offsetMinutes } = fields;
  const values = [year, month, day, hour, minute, second, offsetMinutes];
  if (values.some((v) => !Number.isInteger(v))) return null;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59 || hour < 0 || minute < 0 || second < 0) return null;
  if (Math.abs(offsetMinutes) > 24 * 60) return null;
  const date = new Date(Date.UTC(2000, 0, 1, hour, minute, second));
  // setUTCFullYear: Date.UTC maps years 0–99 to 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setTime(date.getTime() - offsetMinutes * 60_000);
  const resultYear = date.getUTCFullYear();
  return resultYear < 1 || resultYear > 9999 ? null : date;
}

/** Python-style int(): optional sign and surrounding spaces, digits only. NaN otherwise. */
export function toInt(text: string | undefined): number {
  if (text === undefined) return NaN;
  const trimmed = text.trim();
  return /^[+-]?\d+$/.test(trimmed) ? parseInt(trimmed, 10) : NaN;
}
