import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toUtcIso } from './date.normalizer';

describe('toUtcIso', () => {
  it('keeps explicit offsets, whatever the source zone', () => {
    expect(toUtcIso('2024-03-10T02:30:00+01:00', 'America/New_York')).toBe('2024-03-10T01:30:00.000Z');
    expect(toUtcIso('2024-03-10T02:30:00Z', 'Asia/Tokyo')).toBe('2024-03-10T02:30:00.000Z');
    expect(toUtcIso('2024-03-10 02:30:00.1234-0330')).toBe('2024-03-10T06:00:00.123Z');
    expect(toUtcIso('2024-03-10T02:30+05')).toBe('2024-03-09T21:30:00.000Z');
  });

  it('reads dates without an offset in the source time zone, with its daylight saving time', () => {
    expect(toUtcIso('2024-01-15T12:00:00', 'Europe/Lisbon')).toBe('2024-01-15T12:00:00.000Z');
    expect(toUtcIso('2024-07-15T12:00:00', 'Europe/Lisbon')).toBe('2024-07-15T11:00:00.000Z');
    expect(toUtcIso('2024-07-15 12:00', 'Asia/Kolkata')).toBe('2024-07-15T06:30:00.000Z');
    expect(toUtcIso('Mon, 15 Jul 2024 12:00:00', 'America/Los_Angeles')).toBe('2024-07-15T19:00:00.000Z');
  });

  it('treats a date-only value as midnight in the source zone', () => {
    expect(toUtcIso('2024-07-15', 'Europe/Berlin')).toBe('2024-07-14T22:00:00.000Z');
    expect(toUtcIso('2024-07-15')).toBe('2024-07-15T00:00:00.000Z');
  });

  it('moves a time in a spring-forward gap forward, and picks the earlier instant in a fall-back overlap', () => {
    // New York: 2024-03-10 02:00 EST jumped to 03:00 EDT; 2024-11-03 02:00 EDT fell back to 01:00 EST.
    expect(toUtcIso('2024-03-10T02:30:00', 'America/New_York')).toBe('2024-03-10T07:30:00.000Z');
    expect(toUtcIso('2024-03-10T03:30:00', 'America/New_York')).toBe('2024-03-10T07:30:00.000Z');
    expect(toUtcIso('2024-11-03T01:30:00', 'America/New_York')).toBe('2024-11-03T05:30:00.000Z');
    expect(toUtcIso('2024-11-03T00:30:00', 'America/New_York')).toBe('2024-11-03T04:30:00.000Z');
    expect(toUtcIso('2024-11-03T02:30:00', 'America/New_York')).toBe('2024-11-03T07:30:00.000Z');
  });

  it('handles zones with half-hour offsets and southern-hemisphere summer time', () => {
    expect(toUtcIso('2024-01-15T12:00:00', 'Australia/Adelaide')).toBe('2024-01-15T01:30:00.000Z');
    expect(toUtcIso('2024-01-15T12:00:00', 'Asia/Kathmandu')).toBe('2024-01-15T06:15:00.000Z');
  });

  it('reads RFC 2822 with offsets and zone names, and asctime', () => {
    expect(toUtcIso('Sun, 10 Mar 2024 02:30:00 GMT')).toBe('2024-03-10T02:30:00.000Z');
    expect(toUtcIso('Sun, 10 Mar 2024 02:30:00 +0100')).toBe('2024-03-10T01:30:00.000Z');
    expect(toUtcIso('10 March 2024 02:30 EST')).toBe('2024-03-10T07:30:00.000Z');
    expect(toUtcIso('Tue, 10 Sept 2024 10:00:00 CEST')).toBe('2024-09-10T08:00:00.000Z');
    expect(toUtcIso('Sun Jan  4 16:29:06 2004')).toBe('2004-01-04T16:29:06.000Z');
  });

  it.each([
    '',
    'yesterday',
    '2024-13-01',
    '2024-02-30',
    '2023-02-29T10:00:00Z',
    '2024-03-10T24:00:00Z',
    '2024-03-10T10:60:00Z',
    '2024-03-10T10:00:00+25:00',
    'Sun, 10 Foo 2024 02:30:00 GMT',
    'Sun, 10 Mar 2024 02:30:00 IST',
    '1710037800',
  ])('returns null for %j', (input) => {
    expect(toUtcIso(input, 'Europe/Lisbon')).toBeNull();
  });

  it('accepts 29 February in a leap year', () => {
    expect(toUtcIso('2024-02-29T10:00:00Z')).toBe('2024-02-29T10:00:00.000Z');
  });

  it('throws on an unknown time zone: that is configuration, not data', () => {
    expect(() => toUtcIso('2024-01-01T00:00:00', 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('toUtcIso on feedparser date strings (../shared/corpora/feed-date-strings)', () => {
  interface Case {
    parser: string;
    input: string;
    expected_utc: string | null;
  }
  const corpus = JSON.parse(
    readFileSync(join(__dirname, '../../../../shared/corpora/feed-date-strings/dev/date_strings.json'), 'utf8'),
  ) as { cases: Case[] };
  // The formats this function claims; feedparser's Greek, Korean, Hungarian, Perforce and compact ISO forms
  // ("031231", "-0312") are the feed parser's business, not a normalizer's.
  const claimed = corpus.cases.filter((c) => ['_parse_date_w3dtf', '_parse_date_rfc822', '_parse_date_asctime'].includes(c.parser));
  // Feedparser reads "CT"/"MT" (no S/D) as standard time and "GMT-01:01" oddly; ambiguous, so rejected here.
  const rejectedOnPurpose = new Set(['Mon, 26 January 2004 16:31:00 CT', 'Mon, 26 January 2004 16:31:00 MT']);

  it.each(claimed.filter((c) => !rejectedOnPurpose.has(c.input)).map((c) => [c.input, c.expected_utc] as const))(
    '%j → %j',
    (input, expected) => {
      expect(toUtcIso(input)).toBe(expected === null ? null : expected.replace('Z', '.000Z'));
    },
  );
});
