import { pushThroughScaledPipeline } from './support/exactly-once';

// Seven processes start on a loaded two-core machine: give them time.
jest.setTimeout(300_000);

/** Several processes of every worker against one Redis and one PostgreSQL: each article once, each delivery once. */
describe('scale-out: two of each worker', () => {
  it('gives exactly one article per push and one delivery per article, whichever worker takes which job', async () => {
    const count = 60;
    const result = await pushThroughScaledPipeline({ label: 'scaleout', workers: 2, count });

    expect(result.articleIds).toHaveLength(count);
    expect([...result.createdEvents.values()].every((n) => n === 1)).toBe(true);
    expect(result.createdEvents.size).toBe(count);
    expect(result.repeatedMessageIds).toEqual([]);
    // Every push stored; the unchanged retries made no second revision and no second delivery.
    expect(result.rows).toEqual({
      articles: count,
      revisions: count,
      rawItems: count + Math.ceil(count / 3),
      processedRawItems: count + Math.ceil(count / 3),
      deliveries: count,
      delivered: count,
    });
  });
});
