import { DEFAULT_RETRY_SCHEDULE, DEFAULT_RETRY_SCHEDULE_SPEC, parseRetrySchedule } from './retry-schedule.parser';

describe('parseRetrySchedule', () => {
  it('parses the default Svix-like schedule', () => {
    expect(DEFAULT_RETRY_SCHEDULE_SPEC).toBe('5s,5m,30m,2h,5h,10h,10h');
    expect(DEFAULT_RETRY_SCHEDULE).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
  });

  it('accepts every unit, decimals and spaces', () => {
    expect(parseRetrySchedule(' 250ms, 1.5s ,2m,1h, 1d ')).toEqual([250, 1_500, 120_000, 3_600_000, 86_400_000]);
  });

  it.each([
    ['', /empty/],
    ['5s,,5m', /item 2 ""/],
    ['5', /item 1 "5" is not a duration/],
    ['5x', /item 1 "5x"/],
    ['5 s', /item 1 "5 s"/],
    ['-5s', /item 1 "-5s"/],
    ['5S', /item 1 "5S"/],
    ['0s', /above 0/],
    ['8d', /at most 7d/],
    [Array.from({ length: 51 }, () => '1s').join(','), /at most 50/],
  ])('rejects %j', (spec, message) => {
    expect(() => parseRetrySchedule(spec)).toThrow(message);
  });
});
