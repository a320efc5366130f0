import { MONTH_NAMES, WEEKDAY_NAMES } from './date-names';

/** Calendar and clock fields read from a written date; `offsetMinutes` is null when the text gave no zone. */
export interface DateWords {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** Minutes east of UTC, or null: wall-clock time in whatever zone the caller assumes. */
  readonly offsetMinutes: number | null;
}

// Unambiguous zone names only (IST, for one, means India, Ireland or Israel): minutes east of UTC.
// prettier-ignore
export const ZONE_NAMES: Readonly<Record<string, number>> = {
  z: 0, ut: 0, utc: 0, gmt: 0, 'etc/gmt': 0, 'etc/utc': 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  cet: 60, cest: 120, met: 60, mest: 120, mez: 60, mesz: 120, bst: 60, eet: 120, eest: 180, wet: 0, west: 60,
  jst: 540, kst: 540, aest: 600, aedt: 660, nzst: 720, nzdt: 780,
};

/** Minutes east of UTC for `Z`, `+01`, `+0100`, `+01:00`, `GMT`, `GMT+2`, `UTC-03:30` or a known zone name. */
export function parseOffset(zone: string): number | undefined {
  const named = ZONE_NAMES[zone.toLowerCase()];
  if (named !== undefined) return named;
  const m = /^(?:gmt|utc)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(zone);
  if (!m) return undefined;
  const hours = +m[2];
  const minutes = m[3] ? +m[3] : 0;
  if (hours > 23 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

// Words that join a date's parts in running text: "7 de diciembre de 2026", "um 14:30 Uhr", "2026-01-02 at 15:04".
const FILLERS: ReadonlySet<string> = new Set(
  ['at', 'on', 'of', 'the', 'de', 'del', 'um', 'uhr', 'à', 'a', 'às', 'las', 'alle', 'ore', 'om', 'le', 'el', 'em', 'kl'].concat([
    '-',
    '–',
    '—',
    '|',
    '@',
  ]),
);
const DAY = /^(\d{1,2})(?:st|nd|rd|th|er|e|º|°)?$/;
const YEAR = /^\d{4}$/;
const TIME = /^(\d{1,2})[:h](\d{2})(?::(\d{2})(?:[.,]\d+)?)?(am|pm|a\.m|p\.m)?(z|[+-]\d{2}:?\d{2})?$/;
const MERIDIEM = /^(am|pm|a\.m|p\.m)$/;
const DOTTED_DMY = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const YMD = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

interface Draft {
  year?: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  meridiem?: 'am' | 'pm';
  offsetMinutes?: number;
  /** A word that names both a month and a weekday ("mar": March, or mardi/martes/martedì). */
  monthOrWeekday?: number;
}

/** Assigns a field once; a second value for it means the text is not one date. */
function set(draft: Draft, field: keyof Omit<Draft, 'meridiem' | 'monthOrWeekday'>, value: number): boolean {
  if (draft[field] !== undefined) return false;
  draft[field] = value;
  return true;
}

function numericDate(token: string, draft: Draft): boolean | null {
  let m = DOTTED_DMY.exec(token);
  // Dotted dates are day first wherever they are written (07.12.2026).
  if (m) return set(draft, 'day', +m[1]) && set(draft, 'month', +m[2]) && set(draft, 'year', +m[3]);
  m = YMD.exec(token);
  if (m) return set(draft, 'year', +m[1]) && set(draft, 'month', +m[2]) && set(draft, 'day', +m[3]);
  m = SLASHED.exec(token);
  if (!m) return null;
  const [a, b] = [+m[1], +m[2]];
  // 03/04/2026 is 3 April in Europe and March 4 in the US: only read it when one side cannot be a month.
  if (a > 12 === b > 12) return false;
  return a > 12
    ? set(draft, 'day', a) && set(draft, 'month', b) && set(draft, 'year', +m[3])
    : set(draft, 'month', a) && set(draft, 'day', b) && set(draft, 'year', +m[3]);
}

function clock(token: string, draft: Draft): boolean | null {
  const m = TIME.exec(token);
  if (!m) return null;
  if (!(set(draft, 'hour', +m[1]) && set(draft, 'minute', +m[2]) && set(draft, 'second', m[3] ? +m[3] : 0))) return false;
  if (m[4]) draft.meridiem = m[4].startsWith('a') ? 'am' : 'pm';
  if (m[5]) {
    const offset = parseOffset(m[5]);
    return offset !== undefined && set(draft, 'offsetMinutes', offset);
  }
  return true;
}

function readToken(token: string, draft: Draft): boolean {
  const month = MONTH_NAMES.get(token);
  if (month !== undefined && WEEKDAY_NAMES.has(token)) {
    if (draft.monthOrWeekday !== undefined) return false;
    draft.monthOrWeekday = month;
    return true;
  }
  if (month !== undefined) return set(draft, 'month', month);
  if (FILLERS.has(token) || WEEKDAY_NAMES.has(token)) return true;
  const day = DAY.exec(token);
  if (day) return set(draft, 'day', +day[1]);
  if (YEAR.test(token)) return set(draft, 'year', +token);
  const numeric = numericDate(token, draft) ?? clock(token, draft);
  if (numeric !== null) return numeric;
  if (MERIDIEM.test(token)) {
    draft.meridiem = token.startsWith('a') ? 'am' : 'pm';
    return true;
  }
  const offset = parseOffset(token);
  return offset !== undefined && set(draft, 'offsetMinutes', offset);
}

function to24h(hour: number, meridiem: Draft['meridiem']): number {
  if (meridiem === undefined) return hour;
  if (hour < 1 || hour > 12) return NaN;
  return (hour % 12) + (meridiem === 'pm' ? 12 : 0);
}

/**
 * Reads a date written in words or with dots, in the languages of `date-names`: `7. Dezember 2026`,
 * `Mo, 07 Dez 2026 14:30:00 +0100`, `07.12.2026 14:30 Uhr`, `lun. 7 déc. 2026 à 14h30`, `7 de diciembre de 2026`,
 * `January 2, 2006 3:04 PM`. Every word must be a date part or a joining word, so a date is never read out of
 * a longer sentence or a broken string. Field ranges are the caller's to check (it knows its calendar rules).
 */
export function parseDateWords(text: string): DateWords | null {
  const tokens = text
    .toLowerCase()
    .replace(/[,;()]/g, ' ')
    .split(/\s+/)
    .map((token) => token.replace(/\.+$/, ''))
    .filter(Boolean);
  if (tokens.length === 0) return null;
  const draft: Draft = {};
  for (const token of tokens) if (!readToken(token, draft)) return null;
  // "Mar 7 2026" names March; in "mar. 8 déc. 2026" the month is named elsewhere and "mar" was the weekday.
  const { year, day } = draft;
  const month = draft.month ?? draft.monthOrWeekday;
  if (year === undefined || month === undefined || day === undefined) return null;
  if (draft.meridiem !== undefined && draft.hour === undefined) return null;
  const hour = to24h(draft.hour ?? 0, draft.hour === undefined ? undefined : draft.meridiem);
  if (Number.isNaN(hour)) return null;
  return {
    year,
    month,
    day,
    hour,
    minute: draft.minute ?? 0,
    second: draft.second ?? 0,
    offsetMinutes: draft.offsetMinutes ?? null,
  };
}
