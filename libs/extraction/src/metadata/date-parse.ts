import { MONTHS, MONTH_PATTERN } from './month-names';

/** A date found in markup or text. */
export interface ParsedDate {
  /** The instant in UTC, ISO 8601 (`2019-10-16T14:30:00.000Z`); midnight UTC when no time was given. */
  readonly iso: string;
  /** The calendar date as the page states it, in the page's own time zone (`2019-10-16`). */
  readonly date: string;
  /** False when only a calendar date was given. */
  readonly hasTime: boolean;
  /** The UTC offset the page gave, in minutes; null when it gave none (the time was read as UTC). */
  readonly offsetMinutes: number | null;
}

/** How to read ambiguous or out-of-range dates. */
export interface DateParseOptions {
  /** Read `03/04/2019` as 3 April (true) or March 4 (false, the US order). Default true. */
  readonly dayFirst?: boolean;
  /** Dates after this instant (plus a day of slack) are rejected. Default: now. */
  readonly now?: Date;
  /** Dates before this year are rejected (web archives carry older pages rarely). Default 1995. */
  readonly minYear?: number;
}

// Offsets in minutes for the abbreviations news pages print.
const ZONES: Readonly<Record<string, number>> = {
  z: 0,
  utc: 0,
  gmt: 0,
  ut: 0,
  wet: 0,
  bst: 60,
  ist: 60,
  cet: 60,
  mez: 60,
  cest: 120,
  mesz: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  akst: -540,
  akdt: -480,
  hst: -600,
  aest: 600,
  aedt: 660,
  jst: 540,
  kst: 540,
  sgt: 480,
  hkt: 480,
};
const ZONE_PATTERN = `[+-]\\d{2}:?\\d{2}|[+-]\\d{2}(?!\\d)|(?:${Object.keys(ZONES)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\b`;
const TIME_PATTERN = `(\\d{1,2})[:h.](\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?\\s*(a\\.?m\\.?|p\\.?m\\.?)?\\s*(?:uhr\\s*)?(${ZONE_PATTERN})?`;

const ISO_RE = new RegExp(
  `^\\s*(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:(?:t|\\s+|,\\s*)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?\\s*(${ZONE_PATTERN})?)?`,
  'i',
);
const COMPACT_RE = /^\s*(\d{4})(\d{2})(\d{2})(?:t?(\d{2})(\d{2})(\d{2})?(z|[+-]\d{4})?)?\s*$/i;
const EPOCH_RE = /^\s*(\d{10}|\d{13})\s*$/;

// Free-text forms; each captures (day, month, year) positions noted below, then an optional time.
const WORD_DMY = new RegExp(
  `(?<![\\p{L}\\d])(\\d{1,2})(?:\\.|st|nd|rd|th|er|º)?\\s*(?:de\\s+|of\\s+)?(${MONTH_PATTERN})\\.?,?\\s*(?:de\\s+)?(\\d{4})(?!\\d)`,
  'iu',
);
const WORD_MDY = new RegExp(`(?<![\\p{L}])(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'iu');
const WORD_YMD = new RegExp(`(?<!\\d)(\\d{4})\\.?\\s*(?:m\\.\\s*)?(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})\\.?(?!\\d)`, 'iu');
const NUMERIC_YMD = /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/;
const NUMERIC_DMY = /(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d])/;
const TIME_AFTER = new RegExp(`^[^\\d]{0,12}?${TIME_PATTERN}`, 'i');

function valid(year: number, month: number, day: number, options: DateParseOptions): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  if (year < (options.minYear ?? 1995)) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return false;
  const limit = (options.now ?? new Date()).getTime() + 86_400_000;
  return Date.UTC(year, month - 1, day) <= limit;
}

function zoneOffset(zone: string | undefined): number | null {
  if (zone === undefined || zone === '') return null;
  const lower = zone.toLowerCase();
  if (lower in ZONES) return ZONES[lower];
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (match === null) return null;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function build(
  year: number,
  month: number,
  day: number,
  time: { hour: number; minute: number; second: number; zone?: string } | null,
  options: DateParseOptions,
): ParsedDate | null {
  if (!valid(year, month, day, options)) return null;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (time === null || time.hour > 23 || time.minute > 59 || time.second > 59) {
    return { iso: `${date}T00:00:00.000Z`, date, hasTime: false, offsetMinutes: null };
  }
  const offset = zoneOffset(time.zone);
  const utc = Date.UTC(year, month - 1, day, time.hour, time.minute, time.second) - (offset ?? 0) * 60_000;
  return { iso: new Date(utc).toISOString(), date, hasTime: true, offsetMinutes: offset };
}

function clockFrom(hour: string, minute: string, second: string | undefined, meridiem: string | undefined, zone: string | undefined) {
  let h = Number(hour);
  const m = meridiem?.toLowerCase().replace(/\./g, '');
  if (m === 'pm' && h < 12) h += 12;
  if (m === 'am' && h === 12) h = 0;
  return { hour: h, minute: Number(minute), second: Number(second ?? 0), zone };
}

function expandYear(year: string): number {
  if (year.length === 4) return Number(year);
  const short = Number(year);
  return short > 50 ? 1900 + short : 2000 + short;
}

/**
 * Parses a date as found in metadata (ISO 8601, RFC 2822, epoch seconds) or prose ("16. Oktober 2019",
 * "Nov. 19, 2019 9:41 AM EST", "19/11/2019"). Returns the first date in the text, or null.
 */
export function parseDate(input: string, options: DateParseOptions = {}): ParsedDate | null {
  const text = input.trim();
  if (text === '' || text.length > 400) return text.length > 400 ? parseDate(text.slice(0, 400), options) : null;

  let m = ISO_RE.exec(text);
  if (m !== null) {
    const time = m[4] !== undefined ? clockFrom(m[4], m[5], m[6], undefined, m[7]) : null;
    return build(Number(m[1]), Number(m[2]), Number(m[3]), time, options);
  }
  m = COMPACT_RE.exec(text);
  if (m !== null) {
    const time = m[4] !== undefined ? clockFrom(m[4], m[5], m[6], undefined, m[7]) : null;
    return build(Number(m[1]), Number(m[2]), Number(m[3]), time, options);
  }
  m = EPOCH_RE.exec(text);
  if (m !== null) {
    const ms = m[1].length === 13 ? Number(m[1]) : Number(m[1]) * 1000;
    const d = new Date(ms);
    return build(
      d.getUTCFullYear(),
      d.getUTCMonth() + 1,
      d.getUTCDate(),
      { hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), zone: 'z' },
      options,
    );
  }
  return findDateInText(text, options);
}

interface Found {
  readonly index: number;
  readonly end: number;
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function candidates(text: string, options: DateParseOptions): Found[] {
  const found: Found[] = [];
  const push = (match: RegExpExecArray | null, year: number, month: number, day: number): void => {
    if (match !== null && valid(year, month, day, options)) {
      found.push({ index: match.index, end: match.index + match[0].length, year, month, day });
    }
  };
  let m = WORD_DMY.exec(text);
  if (m !== null) push(m, Number(m[3]), MONTHS.get(m[2].toLowerCase()) ?? 0, Number(m[1]));
  m = WORD_MDY.exec(text);
  if (m !== null) push(m, Number(m[3]), MONTHS.get(m[1].toLowerCase()) ?? 0, Number(m[2]));
  m = WORD_YMD.exec(text);
  if (m !== null) push(m, Number(m[1]), MONTHS.get(m[2].toLowerCase()) ?? 0, Number(m[3]));
  m = NUMERIC_YMD.exec(text);
  if (m !== null) push(m, Number(m[1]), Number(m[2]), Number(m[3]));
  m = NUMERIC_DMY.exec(text);
  if (m !== null) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const year = expandYear(m[4]);
    // Dots are always day-first; slashes follow the page's convention unless one number cannot be a month.
    const dayFirst = m[2] === '.' || a > 12 || (b <= 12 && (options.dayFirst ?? true));
    push(m, year, dayFirst ? b : a, dayFirst ? a : b);
  }
  return found;
}

/** Where the earliest date in `text` starts, or -1. */
export function dateIndexInText(text: string, options: DateParseOptions = {}): number {
  const found = candidates(text, options);
  return found.length === 0 ? -1 : Math.min(...found.map((f) => f.index));
}

/** The earliest date written anywhere in `text`, with the time of day that follows it, if any. */
export function findDateInText(text: string, options: DateParseOptions = {}): ParsedDate | null {
  const found = candidates(text, options);
  if (found.length === 0) return null;
  found.sort((a, b) => a.index - b.index);
  const first = found[0];
  const after = TIME_AFTER.exec(text.slice(first.end, first.end + 40));
  const time = after !== null ? clockFrom(after[1], after[2], after[3], after[4], after[5]) : null;
  return build(first.year, first.month, first.day, time, options);
}
