import { DependencyUnavailableError } from './infrastructure-error';
import { waitOutOutage } from './wait-out-outage';

describe('waitOutOutage', () => {
  it('tries again while a dependency is unavailable, then returns the answer', async () => {
    let calls = 0;
    const retries: number[] = [];
    const answer = await waitOutOutage(
      async () => {
        calls++;
        if (calls < 3) throw new Error('Connection terminated due to connection timeout');
        return 'ready';
      },
      { budgetMs: 5_000, initialDelayMs: 5, onRetry: (_err, attempt) => retries.push(attempt) },
    );
    expect(answer).toBe('ready');
    expect(calls).toBe(3);
    expect(retries).toEqual([1, 2]);
  });

  it('throws a bad-input error at once', async () => {
    let calls = 0;
    const task = async (): Promise<never> => {
      calls++;
      throw new Error('password authentication failed for user "copydesk"');
    };
    await expect(waitOutOutage(task, { budgetMs: 5_000, initialDelayMs: 5 })).rejects.toThrow('password authentication failed');
    expect(calls).toBe(1);
  });

  it('gives up with the last error once the budget is spent', async () => {
    let calls = 0;
    const started = Date.now();
    const task = async (): Promise<never> => {
      calls++;
      throw new DependencyUnavailableError('database', `still down (${calls})`);
    };
    await expect(waitOutOutage(task, { budgetMs: 200, initialDelayMs: 20, maxDelayMs: 40 })).rejects.toThrow(/still down/);
    expect(calls).toBeGreaterThan(2);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
