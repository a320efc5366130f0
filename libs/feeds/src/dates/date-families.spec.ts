import { formatUtc, parseFeedDate } from './feed-date.parser';

/**
 * One table per family of date strings feeds carry, each covering the family as a whole (every month and weekday
 * name, each precision and zone form), not a sample of it. Written here, not taken from any parser's tests.
 */
const utc = (input: string): string | null => {
  const date = parseFeedDate(input);
  return date ? formatUtc(date) : null;
};

describe('parseFeedDate: Greek', () => {
  const months = [
    ['Ιαν', 'Ιανουαρίου', '01'],
    ['Φεβ', 'Φεβρουάριος', '02'],
    ['Μάρ', 'Μαρτίου', '03'],
    ['Απρ', 'Απριλίου', '04'],
    ['Μάι', 'Μαΐου', '05'],
    ['Ιούν', 'Ιουνίου', '06'],
    ['Ιούλ', 'Ιούλιος', '07'],
    ['Αύγ', 'Αυγούστου', '08'],
    ['Σεπ', 'Σεπτεμβρίου', '09'],
    ['Οκτ', 'Οκτώβριος', '10'],
    ['Νοέ', 'Νοεμβρίου', '11'],
    ['Δεκ', 'Δεκεμβρίου', '12'],
  ];
  it.each(months)('reads %s and %s as month %s', (short, full, month) => {
    expect(utc(`Τρι, 05 ${short} 2010 08:30:00 GMT`)).toBe(`2010-${month}-05T08:30:00Z`);
    expect(utc(`Τρίτη, 5 ${full} 2010 08:30 GMT`)).toBe(`2010-${month}-05T08:30:00Z`);
  });

  it.each([
    ['Κυρ', 'Κυριακή'],
    ['Δευ', 'Δευτέρα'],
    ['Τρι', 'Τρίτη'],
    ['Τετ', 'Τετάρτη'],
    ['Πεμ', 'Πέμπτη'],
    ['Παρ', 'Παρασκευή'],
    ['Σαβ', 'Σάββατο'],
  ])('reads the weekday %s / %s (a wrong weekday does not move the date)', (short, full) => {
    expect(utc(`${short}, 14 Μαρ 2021 23:15:00 +0200`)).toBe('2021-03-14T21:15:00Z');
    expect(utc(`${full}, 14 Μαρτίου 2021 23:15:00 EST`)).toBe('2021-03-15T04:15:00Z');
  });

  it('rejects an unknown month and an impossible day or hour', () => {
    expect(utc('Κυρ, 14 Φοο 2021 23:15:00 GMT')).toBeNull();
    expect(utc('Κυρ, 31 Απρ 2021 23:15:00 GMT')).toBeNull();
    expect(utc('Κυρ, 14 Απρ 2021 25:15:00 GMT')).toBeNull();
  });
});

describe('parseFeedDate: Hungarian', () => {
  it.each([
    ['január', '01'],
    ['február', '02'],
    ['március', '03'],
    ['április', '04'],
    ['május', '05'],
    ['június', '06'],
    ['július', '07'],
    ['augusztus', '08'],
    ['szeptember', '09'],
    ['október', '10'],
    ['november', '11'],
    ['december', '12'],
    ['márc.', '03'],
    ['szept.', '09'],
  ])('reads %s as month %s', (name, month) => {
    expect(utc(`2011-${name}-7T6:05+02:00`)).toBe(`2011-${month}-07T04:05:00Z`);
  });

  it('reads seconds, a Z zone and two-digit days; rejects missing fields and impossible dates', () => {
    expect(utc('2011-október-17T16:05:09-01:30')).toBe('2011-10-17T17:35:09Z');
    expect(utc('2011-október-17T16:05Z')).toBe('2011-10-17T16:05:00Z');
    expect(utc('2011-október-17T:05+02:00')).toBeNull();
    expect(utc('2011-február-30T6:05+02:00')).toBeNull();
    expect(utc('2011-október-17T24:05+02:00')).toBeNull();
  });
});

describe('parseFeedDate: Korean', () => {
  it.each([
    ['2010년 03월 09일  07:08:09', '2010-03-08T22:08:09Z'],
    ['2010년 3월 9일 7:08:09', '2010-03-08T22:08:09Z'],
    ['2010년 03월 09일 07:08', '2010-03-08T22:08:00Z'],
    ['2010년 03월 09일 오후 7:08:09', '2010-03-09T10:08:09Z'],
    ['2010-03-09 오전 7:08:09', '2010-03-08T22:08:09Z'],
    ['2010-03-09 오후 7:08:09', '2010-03-09T10:08:09Z'],
    ['2010-03-09 오후 12:30:00', '2010-03-09T03:30:00Z'],
    ['2010-03-09 오전 12:30:00', '2010-03-08T15:30:00Z'],
  ])('reads %j in Korea Standard Time', (input, expected) => expect(utc(input)).toBe(expected));

  it('rejects impossible fields', () => {
    expect(utc('2010년 13월 09일 07:08:09')).toBeNull();
    expect(utc('2010년 02월 30일 07:08:09')).toBeNull();
    expect(utc('2010-03-09 오후 7:61:09')).toBeNull();
  });
});

describe('parseFeedDate: asctime and Perforce', () => {
  it.each([
    ['Tue Mar  9 07:08:09 2010', '2010-03-09T07:08:09Z'],
    ['Tue Mar 9 07:08:09 2010', '2010-03-09T07:08:09Z'],
    ['Tue Mar 19 07:08:09 2010', '2010-03-19T07:08:09Z'],
    ['Tue Mar 19 07:08:09 -0500 2010', '2010-03-19T12:08:09Z'],
    ['Tue Mar 19 07:08:09 PST 2010', '2010-03-19T15:08:09Z'],
    ['Tue, 2010/03/19 07:08:09 EDT', '2010-03-19T11:08:09Z'],
    ['Tue, 2010/03/19 07:08:09 GMT', '2010-03-19T07:08:09Z'],
    ['Tuesday, 2010/03/19 07:08:09 GMT', '2010-03-19T07:08:09Z'],
    ['Tue, 10/03/19 07:08:09 EDT', '2010-03-19T11:08:09Z'],
  ])('reads %j', (input, expected) => expect(utc(input)).toBe(expected));

  it('rejects a day or month out of range', () => {
    expect(utc('Tue Mar 32 07:08:09 2010')).toBeNull();
    expect(utc('Tue, 2010/13/19 07:08:09 EDT')).toBeNull();
  });
});

describe('parseFeedDate: RFC 822 variants', () => {
  it.each([
    ['Sat, 06 Mar 10 07:08:09 GMT', '2010-03-06T07:08:09Z'],
    ['Sat, 06 Mar 95 07:08:09 GMT', '1995-03-06T07:08:09Z'],
    ['Sat, 06 Mar 2010 07:08 GMT', '2010-03-06T07:08:00Z'],
    ['06 Mar 2010 07:08:09 GMT', '2010-03-06T07:08:09Z'],
    ['Mon, 06 Mar 2010 07:08:09 GMT', '2010-03-06T07:08:09Z'],
    ['Sat, Mar 06 2010 07:08:09 GMT', '2010-03-06T07:08:09Z'],
    ['Sat, 06 March 2010 07:08:09 GMT', '2010-03-06T07:08:09Z'],
    ['Sat, 06 Mar 2010 07:08:09 UT', '2010-03-06T07:08:09Z'],
    ['Sat, 06 Mar 2010 07:08:09 Z', '2010-03-06T07:08:09Z'],
    ['Sat, 06 Mar 2010 07:08:09 EDT', '2010-03-06T11:08:09Z'],
    ['Sat, 06 Mar 2010 07:08:09 CST', '2010-03-06T13:08:09Z'],
    ['Sat, 06 Mar 2010 07:08:09 CDT', '2010-03-06T12:08:09Z'],
    ['Sat, 06 Mar 2010 07:08:09 MST', '2010-03-06T14:08:09Z'],
    ['Sat, 06 Mar 2010 07:08:09 PDT', '2010-03-06T14:08:09Z'],
    ['Sat, 06 Mar 2010 07:08:09 A', '2010-03-06T08:08:09Z'],
    ['Sat, 06 Mar 2010 07:08:09 N', '2010-03-06T06:08:09Z'],
    ['Sat, 06 Mar 2010 07:08:09 M', '2010-03-06T19:08:09Z'],
    ['Sat, 06 Mar 2010 07:08:09 Y', '2010-03-05T19:08:09Z'],
    ['Sat, 06 Mar 2010 07:08:09 -0330', '2010-03-06T10:38:09Z'],
    ['Sat, 06 Mar 2010 07:08:09 +05:45', '2010-03-06T01:23:09Z'],
    ['Sat, 06 Mar 2010 07:08:09 GMT+02:00', '2010-03-06T05:08:09Z'],
    ['Saturday, 06-Mar-10 07:08:09 GMT', '2010-03-06T07:08:09Z'],
    ['06-Mar-2010 07:08:09 -0500', '2010-03-06T12:08:09Z'],
  ])('reads %j', (input, expected) => expect(utc(input)).toBe(expected));

  it.each([
    'Sat, 06 Mar 2010 07:08:09 +zz:00',
    'Sat, 06 Mar 2010 07:08:09 -05:zz',
    'Sat, 06 Mar 2010 7:8:9:10 GMT',
    'Sat, 06 Mar 2010 zz:08:09 GMT',
    'Sat, 06 Foo 2010 07:08:09 GMT',
    'Sat, Mar zz 2010 07:08:09 GMT',
    'Sat, 06 Mar zzzz 07:08:09 GMT',
    'Sat, 32 Mar 2010 07:08:09 GMT',
    'Sat, 06 Mar 2010 25:08:09 GMT',
    'Sat, 06 Mar 2010 07:60:09 GMT',
    'Saturday, 06-Foo-10 07:08:09 GMT',
  ])('rejects %j', (input) => expect(utc(input)).toBeNull());
});

describe('parseFeedDate: W3C-DTF and ISO 8601 precision', () => {
  it.each([
    ['2010', '2010-01-01T00:00:00Z'],
    ['2010-03', '2010-03-01T00:00:00Z'],
    ['2010-03-06', '2010-03-06T00:00:00Z'],
    ['2010-03-06T07:08Z', '2010-03-06T07:08:00Z'],
    ['2010-03-06T07:08:09.75+01:00', '2010-03-06T06:08:09Z'],
    ['2010-03-06T07:08:09-0130', '2010-03-06T08:38:09Z'],
    ['2010-03-06 07:08:09', '2010-03-06T07:08:09Z'],
    ['2010-03-06 07:08:09.000', '2010-03-06T07:08:09Z'],
    ['20100306', '2010-03-06T00:00:00Z'],
    ['2010-065', '2010-03-06T00:00:00Z'],
    ['2008-066', '2008-03-06T00:00:00Z'],
    ['2010065', '2010-03-06T00:00:00Z'],
    ['2010-03-06T23:30:00-05:00', '2010-03-07T04:30:00Z'],
    ['2010-03-06T07:08:09 Z', '2010-03-06T07:08:09Z'],
    ['2010-03-06 07:08 z', '2010-03-06T07:08:00Z'],
    ['19', '1801-01-01T00:00:00Z'],
  ])('reads %j', (input, expected) => expect(utc(input)).toBe(expected));

  it.each([
    '2010-13-06',
    '2010-02-29',
    '2010-03-32',
    '2010-03-06T24:08:09Z',
    '2010-03-06T07:60:09Z',
    '2010-03-06T07:08:60Z',
    '2010-03-06T07:08:09+01:zz',
    '2010-zz-06',
    '2010-366',
    '0001-01-01T00:30:00+01:00',
    '19T07:08:09Z',
    '2010-03-06T07:08:09 ZZ',
  ])('rejects %j rather than rolling it over', (input) => expect(utc(input)).toBeNull());
});
