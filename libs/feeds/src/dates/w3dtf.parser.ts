import { toDate, toInt, ZONE_HOURS } from './date-parts';

/**
 * W3C-DTF (the ISO 8601 profile feeds use) plus the MSSQL shape with a space instead of `T`:
 * `2003-12-31T10:14:55Z`, `2003-12-31`, `2004-07-08 23:56:58.0`, `2000-02-28T18:14:55-08:00`.
 */
export function parseW3dtf(input: string): Date | null {
  const text = input.trim().toLowerCase();
  if (!text) return null;
  let parts = text.split('t');
  if (parts.length === 1) {
    parts = parts[0].split(/\s+/);
    if (parts.length === 1) parts.push('00:00:00z');
  } else if (parts.length > 2) {
    return null;
  }
  const dateText = parts[0];
  const firstDash = dateText.indexOf('-');
  const secondDash = firstDash < 0 ? -1 : dateText.indexOf('-', firstDash + 1);
  const date =
    firstDash < 0
      ? [dateText]
      : secondDash < 0
        ? [dateText.slice(0, firstDash), dateText.slice(firstDash + 1)]
        : [dateText.slice(0, firstDash), dateText.slice(firstDash + 1, secondDash), dateText.slice(secondDash + 1)];
  if (date[0].length !== 4) return null;
  while (date.length < 3) date.push('1');
  const [year, month, day] = date.map(toInt) as [number, number, number];

  let timeText = parts[1];
  let zone = parts[2] ?? '';
  // `Z` closes a time (`10:14:55z`, `10:14:55 Z`), not a malformed offset (`+01:zz` must fail, not read as UTC).
  if (/\d\s*z$/.test(timeText)) {
    timeText = timeText.slice(0, -1).trimEnd();
    zone ||= 'z';
  }
  const sign = timeText.search(/[+-]/);
  if (sign >= 0) {
    zone ||= timeText.slice(sign);
    timeText = timeText.slice(0, sign);
  }
  const time = timeText.split(':');
  if (time.length > 3) return null;
  while (time.length < 3) time.push('0');
  const [hour, minute, second] = time.map((t) => (/^\d+(\.\d*)?$/.test(t.trim()) ? Math.trunc(parseFloat(t)) : NaN)) as [
    number,
    number,
    number,
  ];

  let offsetMinutes: number;
  if (zone.startsWith('+') || zone.startsWith('-')) {
    const hours = toInt(zone.slice(1, 3));
    const minutes = zone.length > 3 ? toInt(zone.slice(zone[3] === ':' ? 4 : 3)) : 0;
    if (Number.isNaN(hours) || Number.isNaN(minutes) || minutes > 59) return null;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  } else {
    offsetMinutes = (ZONE_HOURS[zone] ?? 0) * 60;
  }
  return toDate({ year, month, day, hour, minute, second, offsetMinutes });
}

// ISO 8601's many shapes, most specific first (the order matters: `030104` is 2003-01-04, not 0301-04).
const ISO_TEMPLATES = [
  'YYYY-?MM-?DD',
  'YYYY-0MM?-?DD',
  'YYYY-MM',
  'YYYY-?OOO',
  'YY-?MM-?DD',
  'YY-?OOO',
  'YYYY',
  '-YY-?MM',
  '-OOO',
  '-YY',
  '--MM-?DD',
  '--MM',
  '---DD',
  'CC',
];
// Extended (`10:14:55`) or, after a `T`, basic (`101455`) time, as ISO 8601 pairs them with either date format.
const ISO_TIME =
  '(?:(?:T?(?<hour>\\d{2}):(?<minute>\\d{2})(?::(?<second>\\d{2}))?|T(?<bhour>\\d{2})(?<bminute>\\d{2})(?<bsecond>\\d{2})?)(?:[.,]\\d+)?(?<tz>[+-](?<tzhour>\\d{2})(?::?(?<tzmin>\\d{2}))?|Z)?)?';
// A bare century (`20`) stands alone: `20T10:14` is no date.
const ISO_PATTERNS = ISO_TEMPLATES.map(
  (template) =>
    new RegExp(
      `^${template
        .replace('YYYY', '(?<year>\\d{4})')
        .replace('YY', '(?<year>\\d\\d)')
        .replace('MM', '(?<month>[01]\\d)')
        .replace('DD', '(?<day>[0123]\\d)')
        .replace('OOO', '(?<ordinal>[0123]\\d\\d)')
        .replace('CC', '(?<century>\\d\\d)')}${template === 'CC' ? '' : ISO_TIME}$`,
      'i',
    ),
);

/**
 * The wider ISO 8601 family W3C-DTF leaves out: basic format (`20031231T101455Z`), two-digit years (this century),
 * ordinal days (`2003-335`), Google's extra month zero (`2003-012-31`), fractional seconds.
 * The whole string must match: a date is never read out of a longer, broken one.
 */
export function parseIso8601(input: string): Date | null {
  const text = input.trim();
  if (!text) return null;
  for (const pattern of ISO_PATTERNS) {
    const groups = pattern.exec(text)?.groups;
    if (!groups) continue;
    const currentYear = new Date().getUTCFullYear();
    let year = currentYear;
    if (groups['century'] !== undefined) year = (toInt(groups['century']) - 1) * 100 + 1;
    else if (groups['year']?.length === 2) year = Math.floor(currentYear / 100) * 100 + toInt(groups['year']);
    else if (groups['year'] !== undefined) year = toInt(groups['year']);
    const ordinal = groups['ordinal'] !== undefined ? toInt(groups['ordinal']) : 0;
    let month = groups['month'] !== undefined ? toInt(groups['month']) : 1;
    let day = groups['day'] !== undefined ? toInt(groups['day']) : 1;
    if (ordinal) {
      const fromOrdinal = new Date(Date.UTC(2000, 0, ordinal));
      fromOrdinal.setUTCFullYear(year, 0, ordinal);
      if (fromOrdinal.getUTCFullYear() !== year) return null;
      month = fromOrdinal.getUTCMonth() + 1;
      day = fromOrdinal.getUTCDate();
    }
    const tz = groups['tz'];
    const tzHours = toInt(groups['tzhour'] ?? '0');
    const tzMinutes = toInt(groups['tzmin'] ?? '0');
    if (tzMinutes > 59) return null;
    const offsetMinutes = !tz || /z/i.test(tz) ? 0 : (tz.startsWith('-') ? -1 : 1) * (tzHours * 60 + tzMinutes);
    return toDate({
      year,
      month,
      day,
      hour: toInt(groups['hour'] ?? groups['bhour'] ?? '0'),
      minute: toInt(groups['minute'] ?? groups['bminute'] ?? '0'),
      second: toInt(groups['second'] ?? groups['bsecond'] ?? '0'),
      offsetMinutes,
    });
  }
  return null;
}
