import { DAY_NAMES, MONTHS, toDate, toInt, ZONE_HOURS } from './date-parts';

/**
 * RFC 822/2822 dates as feeds write them: two- or four-digit years, full month names, month and day swapped,
 * missing time or seconds, obsolete and unofficial zone names (`EST`, `ET`, `MEST`, `Etc/GMT`, `GMT-01:01`),
 * stray commas, a 12-hour clock (`9:00 pm EST`), RFC 850's dashed dates. An unknown zone name counts as UTC.
 */
export function parseRfc822(input: string): Date | null {
  // RFC 850 (`Sunday, 06-Nov-94 08:49:37 GMT`, HTTP's obsolete form) writes the date with dashes.
  const text = input.replace(RFC_850_DATE, '$1 $2 $3');
  let parts = joinMeridiem(text.toLowerCase().split(/\s+/).filter(Boolean));
  if (parts.length === 0) return null;
  if (parts.length < 5) parts.push('00:00:00', '0000');
  const first = parts[0];
  if (DAY_NAMES.has(first.slice(0, 3))) {
    // 'Fri,24 Nov 2023 …': the comma without a space hides the day.
    const comma = first.lastIndexOf(',');
    if (comma >= 0 && comma !== first.length - 1) parts.splice(1, 0, first.slice(comma + 1));
    parts = parts.slice(1);
  }
  if (parts.length < 5) return null;

  let month = MONTHS[parts[1].slice(0, 3)];
  let day = toInt(parts[0]);
  if (Number.isNaN(day)) {
    const swapped = MONTHS[parts[0].slice(0, 3)];
    if (!swapped) return null;
    day = toInt(parts[1]);
    month = swapped;
  }
  if (!month || Number.isNaN(day)) return null;

  const yearText = parts[2].replace(/,$/, '');
  let year = toInt(yearText);
  if (Number.isNaN(year)) return null;
  // Two-digit years: 90–99 are the 1990s, anything lower this century.
  if (yearText.replace(/^[+-]/, '').length <= 2) year += year < 90 ? 2000 : 1900;

  const clock = MERIDIEM.exec(parts[3]);
  const time = (clock ? clock[1] : parts[3]).split(':');
  if (time.length > 3) return null;
  while (time.length < 3) time.push('0');
  const [hour12, minute, second] = time.map(toInt) as [number, number, number];
  const hour = clock ? to24Hour(hour12, clock[2].startsWith('p')) : hour12;

  const offsetMinutes = parseZone(parts[4]);
  if (offsetMinutes === null) return null;
  return toDate({ year, month, day, hour, minute, second, offsetMinutes });
}

const RFC_850_DATE = /(?<=^(?:[a-z]+,?\s+)?)(\d{1,2})-([a-z]{3,9})-(\d{2,4})(?=\s|$)/i;

const MERIDIEM = /^(\d{1,2}(?::\d{2}){0,2})(am|pm|a\.m\.|p\.m\.)$/;

// '9:00 pm' is one time, not a time and a zone named 'pm' (which would count as UTC and shift the date by hours).
function joinMeridiem(parts: string[]): string[] {
  const joined: string[] = [];
  for (const part of parts) {
    const previous = joined[joined.length - 1];
    if (/^(am|pm|a\.m\.|p\.m\.)$/.test(part) && previous !== undefined && /^\d{1,2}(:\d{2}){0,2}$/.test(previous)) {
      joined[joined.length - 1] = previous + part;
    } else {
      joined.push(part);
    }
  }
  return joined;
}

/** 12 am is midnight and 12 pm noon; an hour past 12 on a 12-hour clock is not a time (NaN makes the date invalid). */
function to24Hour(hour: number, pm: boolean): number {
  if (hour < 1 || hour > 12) return NaN;
  return (hour % 12) + (pm ? 12 : 0);
}

/** Minutes east of UTC for `-0500`, `+05:30`, `GMT-01:01`, `Etc/GMT`, `EST`…; null when malformed. */
export function parseZone(raw: string): number | null {
  let zone = raw.startsWith('etc/') ? raw.slice(4) : raw;
  if (zone.startsWith('gmt')) zone = zone.slice(3).replace(/:/g, '') || 'gmt';
  if (zone.startsWith('-') || zone.startsWith('+')) {
    const colon = zone.includes(':');
    const hours = toInt(zone.slice(1, 3));
    const minutes = toInt(colon ? zone.slice(4) : zone.slice(3) || '0');
    if (Number.isNaN(hours) || Number.isNaN(minutes) || minutes > 59) return null;
    const sign = zone.startsWith('-') ? -1 : 1;
    return sign * (hours * 60 + minutes);
  }
  return (ZONE_HOURS[zone] ?? 0) * 60;
}

/** C's asctime(): `Sun Jan  4 16:29:06 2004`, optionally with a zone before the year. */
export function parseAsctime(input: string): Date | null {
  const parts = input.trim().split(/\s+/);
  if (parts.length === 5) parts.splice(4, 0, '+0000');
  if (parts.length !== 6) return null;
  const [weekday, month, day, time, zone, year] = parts as [string, string, string, string, string, string];
  return parseRfc822(`${weekday} ${day} ${month} ${year} ${time} ${zone}`);
}

const PERFORCE = /(\w{0,3}), (\d{0,4})\/(\d{0,2})\/(\d{2}) (\d{0,2}):(\d{2}):(\d{2}) (\w{0,3})/;
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Perforce's `Fri, 2006/09/15 08:19:53 EDT`. */
export function parsePerforce(input: string): Date | null {
  const match = PERFORCE.exec(input);
  if (!match) return null;
  const [, , year, month, day, hour, minute, second, zone] = match;
  const monthName = MONTH_NAMES[toInt(month) - 1];
  if (!monthName) return null;
  // The weekday says nothing the date does not, and the pattern may have caught only its tail (`day` of `Friday`).
  return parseRfc822(`${day} ${monthName} ${year} ${hour}:${minute}:${second} ${zone}`);
}
