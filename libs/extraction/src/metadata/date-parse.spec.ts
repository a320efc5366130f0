import { findDateInText, parseDate } from './date-parse';

const now = new Date('2024-06-01T00:00:00Z');

describe('parseDate', () => {
  it.each([
    ['2019-10-16', '2019-10-16T00:00:00.000Z', '2019-10-16', false],
    ['2019-10-16T14:30:00Z', '2019-10-16T14:30:00.000Z', '2019-10-16', true],
    ['2019-10-19T00:04:00+02:00', '2019-10-18T22:04:00.000Z', '2019-10-19', true],
    ['2020-12-05T23:15:0Z', '2020-12-05T23:15:00.000Z', '2020-12-05', true],
    ['2022-01-28T06:00:00.123+0100', '2022-01-28T05:00:00.000Z', '2022-01-28', true],
    ['2019-10-16 12:34:56', '2019-10-16T12:34:56.000Z', '2019-10-16', true],
    ['Sat, 19 Oct 2019 00:04:00 +0200', '2019-10-18T22:04:00.000Z', '2019-10-19', true],
    ['20191016', '2019-10-16T00:00:00.000Z', '2019-10-16', false],
    ['1571234567', '2019-10-16T14:02:47.000Z', '2019-10-16', true],
  ])('reads machine date %s', (input, iso, date, hasTime) => {
    expect(parseDate(input, { now })).toMatchObject({ iso, date, hasTime });
  });

  it.each([
    ['Updated Nov. 19, 2019, 9:41 AM EST', '2019-11-19T14:41:00.000Z', '2019-11-19'],
    ['November 19, 2019', '2019-11-19T00:00:00.000Z', '2019-11-19'],
    ['Tuesday 19 November 2019', '2019-11-19T00:00:00.000Z', '2019-11-19'],
    ['16. Oktober 2019, 14:30 Uhr', '2019-10-16T14:30:00.000Z', '2019-10-16'],
    ['le 3 février 2021', '2021-02-03T00:00:00.000Z', '2021-02-03'],
    ['4 de mayo de 2022', '2022-05-04T00:00:00.000Z', '2022-05-04'],
    ['25.01.2022', '2022-01-25T00:00:00.000Z', '2022-01-25'],
    ['19th of March 2020', '2020-03-19T00:00:00.000Z', '2020-03-19'],
  ])('reads prose date %s', (input, iso, date) => {
    expect(parseDate(input, { now })).toMatchObject({ iso, date });
  });

  it('reads slashes day-first unless told the page is American, and always when the day cannot be a month', () => {
    expect(parseDate('03/04/2019', { now })?.date).toBe('2019-04-03');
    expect(parseDate('03/04/2019', { now, dayFirst: false })?.date).toBe('2019-03-04');
    expect(parseDate('13/04/2019', { now, dayFirst: false })?.date).toBe('2019-04-13');
  });

  it('rejects impossible, ancient and future dates', () => {
    expect(parseDate('2019-02-30', { now })).toBeNull();
    expect(parseDate('1989-05-01', { now })).toBeNull();
    expect(parseDate('2031-01-01', { now })).toBeNull();
    expect(parseDate('no date here', { now })).toBeNull();
    expect(parseDate('', { now })).toBeNull();
  });

  it('records the offset the page gave, or null when it gave none', () => {
    expect(parseDate('2019-10-19T00:04:00+02:00', { now })?.offsetMinutes).toBe(120);
    expect(parseDate('2019-10-19T00:04:00', { now })?.offsetMinutes).toBeNull();
  });
});

describe('findDateInText', () => {
  it('finds the earliest date in a line of text', () => {
    expect(findDateInText('By Jane Doe | Published 12 March 2021, updated 14 March 2021', { now })?.date).toBe('2021-03-12');
  });

  it('ignores numbers that are not dates', () => {
    expect(findDateInText('Call 555-1234 or read chapter 12.5 of 2019 guidelines', { now })).toBeNull();
  });
});
