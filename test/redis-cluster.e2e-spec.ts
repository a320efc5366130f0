import { pushThroughScaledPipeline } from './support/exactly-once';
import { startRedisCluster, type TestRedisCluster } from './support/redis-cluster';

jest.setTimeout(300_000);

/**
 * BullMQ and the shared state on a Redis Cluster of three masters that this test starts on spare loopback ports:
 * each queue's prefix is a hash tag, so a queue's keys share a slot, and the processes use a cluster client.
 */
describe('Redis Cluster', () => {
  let cluster: TestRedisCluster;

  beforeAll(async () => {
    cluster = await startRedisCluster();
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  it('runs the whole pipeline, two of each worker, with every article and delivery once', async () => {
    const count = 30;
    const result = await pushThroughScaledPipeline({ label: 'rcluster', workers: 2, count, env: { REDIS_URL: cluster.url } });

    expect(result.createdEvents.size).toBe(count);
    expect([...result.createdEvents.values()].every((n) => n === 1)).toBe(true);
    expect(result.repeatedMessageIds).toEqual([]);
    expect(result.rows).toMatchObject({ articles: count, revisions: count, deliveries: count, delivered: count });

    // Each queue's keys carry its hash tag, so they sit in one slot, on one of the three masters.
    const keys = (await Promise.all(cluster.ports.map((port) => cluster.cliOn(port, '--scan', '--pattern', '{*}:*')))).map((out) =>
      out.split('\n').filter(Boolean),
    );
    for (const queue of ['ingest', 'enrichment', 'publish']) {
      const nodes = keys.filter((onNode) => onNode.some((key) => key.startsWith('{') && key.includes(`:${queue}}:${queue}:`)));
      expect(nodes).toHaveLength(1);
    }
  });
});
