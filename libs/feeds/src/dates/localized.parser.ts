import { parseDateWords } from '@copydesk/normalize';
import { toDate } from './date-parts';
import { parseRfc822 } from './rfc822.parser';
import { parseW3dtf } from './w3dtf.parser';

/** Date shapes of particular blog engines and locales that feeds in the wild still carry. */

const GREEK_MONTHS: Readonly<Record<string, string>> = {
  Ιαν: 'Jan',
  Φεβ: 'Feb',
  Μάώ: 'Mar',
  Μαώ: 'Mar',
  Απρ: 'Apr',
  Μάι: 'May',
  Μαϊ: 'May',
  Μαι: 'May',
  Ιούν: 'Jun',
  Ιον: 'Jun',
  Ιούλ: 'Jul',
  Ιολ: 'Jul',
  Αύγ: 'Aug',
  Αυγ: 'Aug',
  Σεπ: 'Sep',
  Οκτ: 'Oct',
  Νοέ: 'Nov',
  Νοε: 'Nov',
  Δεκ: 'Dec',
};
const GREEK_WEEKDAYS: Readonly<Record<string, string>> = {
  Κυρ: 'Sun',
  Δευ: 'Mon',
  Τρι: 'Tue',
  Τετ: 'Wed',
  Πεμ: 'Thu',
  Παρ: 'Fri',
  Σαβ: 'Sat',
};
const GREEK = /^([^,]+),\s+(\d{2})\s+(\S+)\s+(\d{4})\s+(\d{2}):(\d{2}):(\d{2})\s+(\S+)/;

/** Greek RFC 822: `Κυρ, 11 Ιούλ 2004 12:00:00 EST`. */
export function parseGreek(input: string): Date | null {
  const match = GREEK.exec(input.trim());
  if (!match) return null;
  const [, weekday = '', day, month = '', year, hour, minute, second, zone] = match;
  const englishDay = GREEK_WEEKDAYS[weekday];
  const englishMonth = GREEK_MONTHS[month];
  if (!englishDay || !englishMonth) return null;
  return parseRfc822(`${englishDay}, ${day} ${englishMonth} ${year} ${hour}:${minute}:${second} ${zone}`);
}

const HUNGARIAN_MONTHS: Readonly<Record<string, string>> = {
  január: '01',
  februári: '02',
  február: '02',
  március: '03',
  április: '04',
  máujus: '05',
  május: '05',
  június: '06',
  július: '07',
  augusztus: '08',
  szeptember: '09',
  október: '10',
  november: '11',
  december: '12',
};
const HUNGARIAN = /^(\d{4})-([^-]+)-(\d{0,2})T(\d{0,2}):(\d{2})([+-](\d{0,2}:\d{2}))/;

/** Hungarian W3C-DTF with month names: `2004-július-13T9:15-05:00`. */
export function parseHungarian(input: string): Date | null {
  const match = HUNGARIAN.exec(input.trim());
  if (!match) return null;
  const [, year, monthName = '', day = '', hour = '', minute, zone] = match;
  const month = HUNGARIAN_MONTHS[monthName.toLowerCase()];
  if (!month) return null;
  return parseW3dtf(`${year}-${month}-${day.padStart(2, '0')}T${hour.padStart(2, '0')}:${minute}${zone}`);
}

const ONBLOG = /^(\d{4})년\s+(\d{2})월\s+(\d{2})일\s+(\d{2}):(\d{2}):(\d{2})/;
const NATE = /^(\d{4})-(\d{2})-(\d{2})\s+(오전|오후)\s+(\d{0,2}):(\d{0,2}):(\d{0,2})/;

/** Korean blog engines (Korea Standard Time): OnBlog `2004년 05월 28일  01:31:15`, Nate `2004-05-25 오후 11:23:17`. */
export function parseKorean(input: string): Date | null {
  const text = input.trim();
  const onblog = ONBLOG.exec(text);
  if (onblog) {
    const [, year, month, day, hour, minute, second] = onblog;
    return parseW3dtf(`${year}-${month}-${day}T${hour}:${minute}:${second}+09:00`);
  }
  const nate = NATE.exec(text);
  if (nate) {
    const [, year, month, day, half, hourText = '', minute, second] = nate;
    const hour = parseInt(hourText || '0', 10) + (half === '오후' ? 12 : 0);
    return parseW3dtf(`${year}-${month}-${day}T${String(hour).padStart(2, '0')}:${minute}:${second}+09:00`);
  }
  return null;
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
