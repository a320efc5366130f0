import { formatUtc, parseFeedDate } from './feed-date.parser';

const utc = (input: string): string | null => {
  const date = parseFeedDate(input);
  return date ? formatUtc(date) : null;
};

describe('parseFeedDate', () => {
  it.each([
    ['Thu, 01 Jan 2004 19:48:21 GMT', '2004-01-01T19:48:21Z'],
    ['Thu, 01 Jan 04 19:48:21 GMT', '2004-01-01T19:48:21Z'],
    ['Fri, 1 Jan 99 00:00:00 +0000', '1999-01-01T00:00:00Z'],
    ['Mon, 26 January 2004 16:31:00 EST', '2004-01-26T21:31:00Z'],
    ['Mon, 26 January 2004 16:31:00 PT', '2004-01-27T00:31:00Z'],
    ['Thu, 30 Apr 2015 08:57:00 MEST', '2015-04-30T06:57:00Z'],
    ['Wed, 19 Feb 2012 22:40:00 GMT-01:01', '2012-02-19T23:41:00Z'],
    ['Wed, 19 Aug 2009 18:28:00 Etc/GMT', '2009-08-19T18:28:00Z'],
    ['Tue, 10 Jun 2003 04:00:00 +0530', '2003-06-09T22:30:00Z'],
    ['Thu Aug 30 2012 17:26:16 +0200', '2012-08-30T15:26:16Z'],
    ['Thu, 01 Jan 2004', '2004-01-01T00:00:00Z'],
    ['Mon, 7 December 2026 9:00 pm EST', '2026-12-08T02:00:00Z'],
    ['Mon, 7 Dec 2026 12:15am +0100', '2026-12-06T23:15:00Z'],
    ['Mon, 7 Dec 2026 12:05 p.m. GMT', '2026-12-07T12:05:00Z'],
  ])('reads RFC 822 %j', (input, expected) => expect(utc(input)).toBe(expected));

  it.each([
    ['2003-12-31T10:14:55Z', '2003-12-31T10:14:55Z'],
    ['2003-12-31T10:14:55.123-08:00', '2003-12-31T18:14:55Z'],
    ['2000-02-28T18:14:55-08:00', '2000-02-29T02:14:55Z'],
    ['2003-12-31', '2003-12-31T00:00:00Z'],
    ['2004-07-08 23:56:58', '2004-07-08T23:56:58Z'],
    ['20031231', '2003-12-31T00:00:00Z'],
    ['2003-335', '2003-12-01T00:00:00Z'],
    ['2003-012-31T10:14:55+00:00', '2003-12-31T10:14:55Z'],
    ['20031231T101455Z', '2003-12-31T10:14:55Z'],
    ['20031231T1014+0100', '2003-12-31T09:14:00Z'],
  ])('reads W3C-DTF / ISO 8601 %j', (input, expected) => expect(utc(input)).toBe(expected));

  it.each([
    ['Sun Jan  4 16:29:06 2004', '2004-01-04T16:29:06Z'],
    ['Fri, 2006/09/15 08:19:53 EDT', '2006-09-15T12:19:53Z'],
    ['Κυρ, 11 Ιούλ 2004 12:00:00 EST', '2004-07-11T17:00:00Z'],
    ['2004-július-13T9:15-05:00', '2004-07-13T14:15:00Z'],
    ['2004-05-25 오후 11:23:17', '2004-05-25T14:23:17Z'],
  ])('reads engine and locale forms %j', (input, expected) => expect(utc(input)).toBe(expected));

  it.each([
    '',
    '   ',
    'yesterday',
    '2003-12-31T25:14:55Z',
    '2003-12-31T10:61:55Z',
    '2013-xx-27',
    '9999-12-31T23:59:59-99:99',
    'Sun, 16 Dec 2012 11:47:32 +00:zz',
    'Sun, 16 zzz 2012 11:47:32 GMT',
    'Mon, 7 Dec 2026 13:00 pm GMT',
    '20031231T25',
  ])('rejects %j', (input) => expect(parseFeedDate(input)).toBeNull());

  it('keeps four-digit years below 100 as written', () => {
    expect(utc('Thu, 01 Jan 0100 00:00:01 +0100')).toBe('0099-12-31T23:00:01Z');
  });
});

describe('parseFeedDate in other languages and shapes', () => {
  it.each([
    ['Mo, 07 Dez 2026 14:30:00 +0100', '2026-12-07T13:30:00Z'],
    ['Di, 08 Dez 2026 10:00:00 MEZ', '2026-12-08T09:00:00Z'],
    ['7. Dezember 2026', '2026-12-07T00:00:00Z'],
    ['07.12.2026 14:30 Uhr', '2026-12-07T14:30:00Z'],
    ['lun., 7 déc. 2026 14:30:00 +0100', '2026-12-07T13:30:00Z'],
    ['mié, 09 dic 2026 08:00:00 -0300', '2026-12-09T11:00:00Z'],
    ['gio, 10 dic 2026 08:00:00 +0100', '2026-12-10T07:00:00Z'],
    ['wo, 09 dec 2026 08:00:00 +0100', '2026-12-09T07:00:00Z'],
    ['January 2, 2006 3:04 PM', '2006-01-02T15:04:00Z'],
    ['1710037800', '2024-03-10T02:30:00Z'],
  ])('reads %j', (input, expected) => expect(utc(input)).toBe(expected));

  it.each(['Mo, 07 Dez', '07.13.2026', 'Mo, 31 Feb 2026 10:00:00 +0100', '171003780'])('rejects %j', (input) =>
    expect(parseFeedDate(input)).toBeNull(),
  );
});
