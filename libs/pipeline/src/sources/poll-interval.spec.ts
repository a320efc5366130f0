import { nextPollInterval } from './poll-interval';

const bounds = { minSeconds: 60, maxSeconds: 3600 };

describe('nextPollInterval', () => {
  it('polls a busy feed sooner, a very busy one sooner still', () => {
    expect(nextPollInterval(600, { newItems: 1 }, bounds)).toBe(450);
    expect(nextPollInterval(600, { newItems: 12 }, bounds)).toBe(300);
  });

  it('polls an idle feed later', () => {
    expect(nextPollInterval(600, { newItems: 0 }, bounds)).toBe(750);
  });

  it('backs a failing feed off exponentially', () => {
    expect(nextPollInterval(600, { failures: 1 }, bounds)).toBe(1200);
    expect(nextPollInterval(600, { failures: 2 }, bounds)).toBe(2400);
  });

  it('stays within the bounds', () => {
    expect(nextPollInterval(70, { newItems: 50 }, bounds)).toBe(60);
    expect(nextPollInterval(3000, { newItems: 0 }, bounds)).toBe(3600);
    expect(nextPollInterval(600, { failures: 40 }, bounds)).toBe(3600);
  });
});
