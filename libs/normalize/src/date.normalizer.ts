import { parseDateWords, parseOffset } from './date-words';

/** Wall-clock fields of a date as written, before a time zone is applied. */
interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

// ISO 8601 / W3C-DTF / SQL: 2024-03-10, 2024-03-10T02:30, 2024-03-10 02:30:00.123+01:00, …Z, …+0100, …+01
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
// RFC 822/2822 and the variants feeds use: optional weekday, 1–2 digit day, month name, 2–4 digit year, optional seconds.
const RFC_2822 = /^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s+(\S+))?$/i;
// asctime: Sun Jan  4 16:29:06 2004 (no zone)
const ASCTIME = /^[a-z]{3}\s+([a-z]{3})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})\s+(\d{4})$/i;

const MONTHS = 'january february march april may june july august september october november december'.split(' ');

/**
 * A date string as an ISO 8601 UTC instant (`2024-03-10T07:30:00.000Z`), or null when it cannot be read.
 *
 * Reads ISO 8601 / W3C-DTF (`2024-03-10`, `2024-03-10T02:30`, `…+01:00`, `…Z`), RFC 822/2822 as feeds write it
 * (`Sun, 10 Mar 2024 02:30:00 GMT`, `+0100`, US and common European zone names, `GMT+2`), asctime, and dates in
 * words or with dots in English, German, French, Spanish, Italian, Portuguese and Dutch (`7. Dezember 2026`,
 * `Mo, 07 Dez 2026 14:30 MEZ`, `07.12.2026 14:30 Uhr`, `7 de diciembre de 2026`).
 * A date without an offset is wall-clock time in `sourceTimeZone` (an IANA name such as `Europe/Lisbon`;
 * UTC when absent). In a daylight-saving gap the time moves forward (02:30 becomes 03:30); in an overlap the
 * earlier instant is chosen, as Temporal's `compatible` disambiguation does. A date-only value is midnight there.
 * @throws RangeError when `sourceTimeZone` is not a known IANA zone (a configuration error, not bad data).
 */
export function toUtcIso(dateString: string, sourceTimeZone?: string): string | null {
  const zone = sourceTimeZone ? zoneFormatter(sourceTimeZone) : undefined;
  const parsed = parse(dateString.trim());
  if (!parsed || !isValidWallClock(parsed.wall)) return null;
  const wallMs = wallClockAsUtc(parsed.wall);
  const instant =
    parsed.offsetMinutes !== undefined ? wallMs - parsed.offsetMinutes * 60_000 : zone ? fromZonedWallClock(wallMs, zone) : wallMs;
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function parse(value: string): { wall: WallClock; offsetMinutes?: number } | null {
  let m = ISO.exec(value);
  if (m) {
    const wall = clock(+m[1], +m[2], +m[3], m[4], m[5], m[6], m[7]);
    if (!m[8]) return { wall };
    const offsetMinutes = parseOffset(m[8]);
    return offsetMinutes === undefined ? null : { wall, offsetMinutes };
  }
  m = RFC_2822.exec(value);
  // A month name that is not English ("10 dic 2026 08:00") is left to the words reader below.
  const rfcMonth = m ? monthNumber(m[2]) : undefined;
  if (m && rfcMonth) {
    const wall = clock(fullYear(m[3]), rfcMonth, +m[1], m[4], m[5], m[6]);
    if (!m[7]) return { wall };
    const offsetMinutes = parseOffset(m[7]);
    return offsetMinutes === undefined ? null : { wall, offsetMinutes };
  }
  m = ASCTIME.exec(value);
  if (m) {
    const month = monthNumber(m[1]);
    return month ? { wall: clock(+m[6], month, +m[2], m[3], m[4], m[5]) } : null;
  }
  // Dates in words in other languages and dotted dates: "7. Dezember 2026", "07.12.2026 14:30 Uhr".
  const words = parseDateWords(value);
  if (!words) return null;
  const wall = { ...words, millisecond: 0 };
  return words.offsetMinutes === null ? { wall } : { wall, offsetMinutes: words.offsetMinutes };
}

function clock(year: number, month: number, day: number, h?: string, min?: string, s?: string, fraction?: string): WallClock {
  return {
    year,
    month,
    day,
    hour: h ? +h : 0,
    minute: min ? +min : 0,
    second: s ? +s : 0,
    millisecond: fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0,
  };
}

/** 1–12 for an English month name or an abbreviation of at least three letters ("Sep", "Sept", "September"). */
function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase();
  const index = MONTHS.findIndex((month) => month.startsWith(lower));
  return index >= 0 ? index + 1 : undefined;
}

function fullYear(year: string): number {
  // RFC 5322 §4.3: two-digit years 00–49 are 20xx, 50–99 are 19xx.
  if (year.length === 4) return +year;
  return +year < 50 ? 2000 + +year : 1900 + +year;
}

function isValidWallClock(w: WallClock): boolean {
  if (w.hour > 23 || w.minute > 59 || w.second > 59 || w.month < 1 || w.month > 12 || w.day < 1) return false;
  // Date.UTC rolls 30 February over into March; a round trip catches it.
  return new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDate() === w.day;
}

function wallClockAsUtc(w: WallClock): number {
  const date = new Date(Date.UTC(2000, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond));
  date.setUTCFullYear(w.year); // Date.UTC maps years 0–99 to 1900–1999
  return date.getTime();
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        era: 'short',
      });
    } catch (err) {
      throw new RangeError(`unknown time zone ${JSON.stringify(timeZone)}`, { cause: err });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Offset of the zone at an instant, in ms (local wall clock minus UTC). */
function offsetAt(instant: number, formatter: Intl.DateTimeFormat): number {
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(instant)) parts[part.type] = part.value;
  const year = parts.era === 'BC' ? 1 - Number(parts.year) : Number(parts.year);
  const wall = wallClockAsUtc(clock(year, +parts.month, +parts.day, parts.hour, parts.minute, parts.second));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant whose wall clock in the zone is `wallMs` (wall-clock fields encoded as if UTC). */
function fromZonedWallClock(wallMs: number, formatter: Intl.DateTimeFormat): number {
  // Offsets a day either side bracket any transition near this wall time; try the earlier first.
  const before = offsetAt(wallMs - 86_400_000, formatter);
  const after = offsetAt(wallMs + 86_400_000, formatter);
  for (const offset of [before, after]) {
    const candidate = wallMs - offset;
    if (offsetAt(candidate, formatter) === offset) return candidate;
  }
  // In a gap neither offset reproduces the wall clock; the offset in force before the gap moves it forward.
  return wallMs - before;
}
