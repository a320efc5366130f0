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

describe('toUtcIso on the date shapes feeds write', () => {
  // Written for this spec in the shapes feedparser's date tests cover (W3C-DTF, RFC 822 variants, asctime);
  // the whole feedparser corpus is checked by `npm run bench:feeds`, not here.
  it.each([
    ['2003-12-31T10:14:55Z', '2003-12-31T10:14:55.000Z'],
    ['2000-02-28T18:14:55-08:00', '2000-02-29T02:14:55.000Z'],
    ['2003-12-31', '2003-12-31T00:00:00.000Z'],
    ['2004-07-08 23:56:58', '2004-07-08T23:56:58.000Z'],
    ['2004-07-08 23:56:58.0', '2004-07-08T23:56:58.000Z'],
    ['Thu, 01 Jan 2004 19:48:21 GMT', '2004-01-01T19:48:21.000Z'],
    ['Thu, 01 Jan 04 19:48:21 GMT', '2004-01-01T19:48:21.000Z'],
    ['Thu,  5 Apr 2012 10:00:00 GMT', '2012-04-05T10:00:00.000Z'],
    ['Thu, 01 Jan 2004 00:00 GMT', '2004-01-01T00:00:00.000Z'],
    ['Thu, 30 Apr 2015 08:57:00 MEST', '2015-04-30T06:57:00.000Z'],
    ['Wed, 19 Aug 2009 18:28:00 Etc/GMT', '2009-08-19T18:28:00.000Z'],
    ['Sun Jan  4 16:29:06 2004', '2004-01-04T16:29:06.000Z'],
  ])('%j → %j', (input, expected) => expect(toUtcIso(input)).toBe(expected));

  it.each([
    '2003-12-31T10:61:55Z',
    '2003-12-31T25:14:55Z',
    '2013-xx-27',
    '2013-01-27-01',
    '9999-12-31T23:59:59-99:99',
    'Sun, 16 Dec 2012 11:47:32 +00:zz',
    'Sun, 16 Dec 2012 1:2:3:4 GMT',
    'Sun, 16 zzz 2012 11:47:32 GMT',
    'Sun, Dec x 2012 11:47:32 GMT',
  ])('rejects %j', (input) => expect(toUtcIso(input)).toBeNull());
});

describe('toUtcIso on dates in other languages', () => {
  it('reads German, French and Spanish dates, in the source time zone when they carry none', () => {
    expect(toUtcIso('7. Dezember 2026', 'Europe/Berlin')).toBe('2026-12-06T23:00:00.000Z');
    expect(toUtcIso('Mo, 07 Dez 2026 14:30:00 +0100')).toBe('2026-12-07T13:30:00.000Z');
    expect(toUtcIso('07.12.2026 14:30 Uhr', 'Europe/Berlin')).toBe('2026-12-07T13:30:00.000Z');
    expect(toUtcIso('10 dic 2026 08:00', 'Europe/Madrid')).toBe('2026-12-10T07:00:00.000Z');
    expect(toUtcIso('jeudi 2 juillet 2026 à 14h30', 'Europe/Paris')).toBe('2026-07-02T12:30:00.000Z');
  });
});
