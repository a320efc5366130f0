const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;
// Bounds that catch typos ("10d" meant as "10h" is still allowed; "500d" is not) without limiting real schedules.
const MAX_DELAY_MS = 7 * UNIT_MS.d;
const MAX_RETRIES = 50;

/** `DELIVERY_RETRY_SCHEDULE` default: Svix's schedule up to the second 10 h, about 28 h in all. */
export const DEFAULT_RETRY_SCHEDULE_SPEC = '5s,5m,30m,2h,5h,10h,10h';

/**
 * Parses a retry schedule such as `5s,5m,30m,2h`: the delay before retry 1, retry 2, ... in milliseconds.
 * Units: ms, s, m, h, d; decimals allowed (`1.5h`); spaces around items ignored.
 * @throws RangeError naming the offending item, for an empty schedule, a missing or unknown unit, a zero
 * delay, a delay over 7 days or more than 50 retries.
 */
export function parseRetrySchedule(spec: string): number[] {
  const items = spec.split(',').map((item) => item.trim());
  if (items.length === 1 && items[0] === '') {
    throw new RangeError('retry schedule is empty: give delays like "5s,5m,30m,2h"');
  }
  if (items.length > MAX_RETRIES) {
    throw new RangeError(`retry schedule has ${items.length} delays; at most ${MAX_RETRIES} are allowed`);
  }
  return items.map((item, index) => {
    const match = DURATION.exec(item);
    if (!match) {
      throw new RangeError(
        `retry schedule item ${index + 1} ${JSON.stringify(item)} is not a duration like 5s, 5m or 2h (units: ms, s, m, h, d)`,
      );
    }
    const delayMs = Math.round(Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]);
    if (delayMs <= 0 || delayMs > MAX_DELAY_MS) {
      throw new RangeError(`retry schedule item ${index + 1} ${JSON.stringify(item)} must be above 0 and at most 7d`);
    }
    return delayMs;
  });
}

/** {@link DEFAULT_RETRY_SCHEDULE_SPEC} in milliseconds. */
export const DEFAULT_RETRY_SCHEDULE: readonly number[] = Object.freeze(parseRetrySchedule(DEFAULT_RETRY_SCHEDULE_SPEC));
