import { parseDateWords } from '@copydesk/normalize';
import { toDate } from './date-parts';
import { parseRfc822 } from './rfc822.parser';
import { parseW3dtf } from './w3dtf.parser';

/** Date shapes of particular blog engines and locales that feeds in the wild still carry. */

// Greek month and weekday names, full or abbreviated, matched on their first letters once accents are dropped
// (`Ιούλ`, `Ιουλίου`, `Ιούλιος` are all July). `ιον`/`ιολ` and `μαω` are older abbreviations and 8-bit
// mis-decodings feeds still carry.
const GREEK_MONTH_STEMS: readonly (readonly [string, string])[] = [
  ['ιαν', 'Jan'],
  ['φεβ', 'Feb'],
  ['μαρ', 'Mar'],
  ['μαω', 'Mar'],
  ['απρ', 'Apr'],
  ['μαι', 'May'],
  ['ιουν', 'Jun'],
  ['ιον', 'Jun'],
  ['ιουλ', 'Jul'],
  ['ιολ', 'Jul'],
  ['αυγ', 'Aug'],
  ['σεπ', 'Sep'],
  ['οκτ', 'Oct'],
  ['νοε', 'Nov'],
  ['δεκ', 'Dec'],
];
const GREEK_WEEKDAY_STEMS: readonly (readonly [string, string])[] = [
  ['κυρ', 'Sun'],
  ['δευ', 'Mon'],
  ['τρι', 'Tue'],
  ['τετ', 'Wed'],
  ['πεμ', 'Thu'],
  ['παρ', 'Fri'],
  ['σαβ', 'Sat'],
];

/** Lowercase, accents and diaeresis dropped, final sigma folded: `Μαΐου` → `μαιου`. */
function foldGreek(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ς/g, 'σ')
    .replace(/\.$/, '');
}

function greekStem(word: string, stems: readonly (readonly [string, string])[]): string | undefined {
  const folded = foldGreek(word);
  // Longest stem first: `ιουν` before `ιον` cannot clash, but `μαρ` must not take `μαι`.
  return stems.find(([stem]) => folded.startsWith(stem))?.[1];
}

const GREEK = /^([^,\s]+),?\s+(\d{1,2})\s+(\S+)\s+(\d{4})\s+(\d{1,2}:\d{2}(?::\d{2})?)\s+(\S+)/;

/** Greek RFC 822: `Κυρ, 11 Ιούλ 2004 12:00:00 EST`, full names too (`Κυριακή, 11 Ιουλίου 2004 12:00 +0300`). */
export function parseGreek(input: string): Date | null {
  const match = GREEK.exec(input.trim());
  if (!match) return null;
  const [, weekday = '', day, month = '', year, time, zone] = match;
  const englishDay = greekStem(weekday, GREEK_WEEKDAY_STEMS);
  const englishMonth = greekStem(month, GREEK_MONTH_STEMS);
  if (!englishDay || !englishMonth) return null;
  return parseRfc822(`${englishDay}, ${day} ${englishMonth} ${year} ${time} ${zone}`);
}

// Hungarian months, full and abbreviated (`márc.`, `szept.`), with the misspellings feeds were seen to carry.
const HUNGARIAN_MONTHS: Readonly<Record<string, string>> = {
  január: '01',
  jan: '01',
  február: '02',
  februári: '02',
  febr: '02',
  feb: '02',
  március: '03',
  márc: '03',
  már: '03',
  április: '04',
  ápr: '04',
  május: '05',
  máujus: '05',
  máj: '05',
  június: '06',
  jún: '06',
  július: '07',
  júl: '07',
  augusztus: '08',
  aug: '08',
  szeptember: '09',
  szept: '09',
  szep: '09',
  október: '10',
  okt: '10',
  november: '11',
  nov: '11',
  december: '12',
  dec: '12',
};
const HUNGARIAN = /^(\d{4})-([^-\d]+?)\.?-(\d{1,2})T(\d{1,2}):(\d{2})(:\d{2})?([+-]\d{1,2}:\d{2}|Z)/i;

/** Hungarian W3C-DTF with month names: `2004-július-13T9:15-05:00`, `2004-márc.-2T21:05:30+01:00`. */
export function parseHungarian(input: string): Date | null {
  const match = HUNGARIAN.exec(input.trim());
  if (!match) return null;
  const [, year, monthName = '', day = '', hour = '', minute, seconds = '', zone = ''] = match;
  const month = HUNGARIAN_MONTHS[monthName.toLowerCase()];
  if (!month) return null;
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-])(\d):/, '$10$2:');
  return parseW3dtf(`${year}-${month}-${day.padStart(2, '0')}T${hour.padStart(2, '0')}:${minute}${seconds}${offset}`);
}

// Korean engines write `년 월 일` (year, month, day) or ISO dates, and 오전/오후 (AM/PM) on a 12-hour clock.
const ONBLOG = /^(\d{4})년\s*(\d{1,2})월\s*(\d{1,2})일\s*(?:(오전|오후)\s*)?(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?/;
const NATE = /^(\d{4})-(\d{1,2})-(\d{1,2})\s+(오전|오후)\s*(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?/;

const pad2 = (value: string | undefined): string => (value ?? '0').padStart(2, '0');

/** A 12-hour clock hour read as 24-hour: 오전 12 is midnight, 오후 12 noon; anything past 12 is already 24-hour. */
function koreanHour(hourText: string, half: string | undefined): number {
  const hour = parseInt(hourText, 10);
  if (!half || hour > 12) return half === '오전' && hour > 12 ? NaN : hour;
  return (hour % 12) + (half === '오후' ? 12 : 0);
}

/**
 * Korean blog engines (Korea Standard Time): OnBlog `2004년 05월 28일  01:31:15` (also `2004년 5월 28일 오후 1:31`),
 * Nate `2004-05-25 오후 11:23:17`.
 */
export function parseKorean(input: string): Date | null {
  const text = input.trim();
  const match = ONBLOG.exec(text) ?? NATE.exec(text);
  if (!match) return null;
  const [, year, month, day, half, hourText = '', minute, second] = match;
  const hour = koreanHour(hourText, half);
  if (Number.isNaN(hour)) return null;
  return parseW3dtf(`${year}-${pad2(month)}-${pad2(day)}T${pad2(String(hour))}:${pad2(minute)}:${pad2(second)}+09:00`);
}

/**
 * Dates in words in the languages newsroom feeds come in, and dotted or slashed numeric dates:
 * `Mo, 07 Dez 2026 14:30:00 +0100`, `7. Dezember 2026`, `07.12.2026 14:30 Uhr`, `lun., 7 déc. 2026`,
 * `January 2, 2006 3:04 PM`. Without a zone the time is read as UTC, as for every other feed date.
 */
export function parseDateInWords(input: string): Date | null {
  const words = parseDateWords(input);
  return words ? toDate({ ...words, offsetMinutes: words.offsetMinutes ?? 0 }) : null;
}

// Seconds (10 digits) or milliseconds (13) since 1970: what some feed generators write instead of a date.
const EPOCH = /^(\d{10}|\d{13})$/;

/** A Unix timestamp in seconds or milliseconds. */
export function parseEpoch(input: string): Date | null {
  const match = EPOCH.exec(input.trim());
  if (!match) return null;
  const value = Number(match[1]);
  return new Date(match[1].length === 10 ? value * 1000 : value);
}
