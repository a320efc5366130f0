import { type FaultStack, type PushResult, pushArticles, report, startFaultStack, tally, undelivered } from './support/fault-stack';
import { postgresBinDir } from './support/private-postgres';

// A loaded machine (CI beside other work) stretches the kill scenario to three minutes; the waits inside are bounded.
jest.setTimeout(300_000);

/**
 * Fault tests (issue 14): the four processes from dist, each scenario on a Redis and a PostgreSQL cluster of its
 * own (spare loopback ports), broken on purpose while articles flow. Each prints accepted = stored = published =
 * delivered and asserts that every accepted push reached the subscriber, and that no article event ever went out
 * under two webhook-ids. Serial by construction (one file).
 */
describe('faults: every accepted push is delivered', () => {
  let stack: FaultStack | undefined;

  afterEach(async () => {
    await stack?.stop();
    stack = undefined;
  });

  const acceptedIds = (pushes: PushResult[]): string[] => pushes.filter((push) => push.status === 202).map((push) => push.id as string);

  async function expectAllDelivered(scenario: string, pushes: PushResult[]): Promise<void> {
    const running = stack as FaultStack;
    const accepted = acceptedIds(pushes);
    const counts = await tally(running, accepted);
    report(scenario, counts, pushes);
    const n = accepted.length;
    if (counts.delivered !== n) throw new Error(`${await undelivered(running, accepted)}\n${running.logs()}`);
    expect(counts).toEqual({ accepted: n, stored: n, published: n, delivered: n, eventsUnderTwoIds: 0 });
    expect(running.exited()).toEqual([]);
  }

  it('SIGKILL of each worker in the middle of a job', async () => {
    stack = await startFaultStack('kill');
    const running = stack;
    // Slow answers keep deliveries in flight, so the publish worker dies mid-delivery.
    running.subscriber.respondWith(204, 150);
    const batches = [pushArticles(running, 'kill', 90, 6)];
    let extra = 0;
    for (const [queue, worker] of [
      ['ingest', 'ingest-worker'],
      ['enrichment', 'enrichment-worker'],
      ['publish', 'publish-worker'],
    ] as const) {
      // On a loaded machine a stage may have drained its queue before its turn comes: feed it more articles until
      // it has a job in hand, so the kill always lands mid-job.
      for (let tries = 0; ; tries++) {
        try {
          await running.waitForActiveJob(queue, 5_000);
          break;
        } catch (err) {
          if (tries >= 8) throw err;
          batches.push(pushArticles(running, `kill-more-${extra++}`, 12, 3));
        }
      }
      await running.killAndRestart(worker);
    }
    const pushes = (await Promise.all(batches)).flat();
    expect(pushes.filter((push) => push.status !== 202)).toEqual([]);
    await expectAllDelivered('SIGKILL of each worker mid-job', pushes);
  });

  it('Redis killed and restarted empty while articles arrive', async () => {
    stack = await startFaultStack('redis');
    const running = stack;
    let restarted: Promise<void> = Promise.resolve();
    let whileDown: { ready: number; live: number; retryAfter: string | null } | undefined;
    const pushes = await pushArticles(running, 'redis', 90, 6, async (done) => {
      if (done !== 30) return;
      await running.redis.crash();
      const ready = await fetch(`${running.baseUrl}/health/ready`);
      const live = await fetch(`${running.baseUrl}/health/live`);
      whileDown = { ready: ready.status, live: live.status, retryAfter: ready.headers.get('retry-after') };
      restarted = new Promise((resolve) => setTimeout(resolve, 4_000)).then(() => running.redis.start());
    });
    await restarted;
    // The database was up throughout: every push is stored and answered 202, the outbox queues what Redis missed.
    expect(pushes.filter((push) => push.status !== 202)).toEqual([]);
    expect(whileDown).toEqual({ ready: 503, live: 200, retryAfter: expect.stringMatching(/^\d+$/) });
    await expectAllDelivered('Redis restarted empty', pushes);
  });

  const bin = postgresBinDir();
  if (!bin) {
    console.warn(
      '[fault] PostgreSQL crash test skipped: no PostgreSQL server programs (initdb, pg_ctl) under /usr/lib/postgresql/<version>/bin',
    );
  }
  (bin ? it : it.skip)('PostgreSQL crashed (pg_ctl stop -m immediate) and started again while articles arrive', async () => {
    stack = await startFaultStack('pg', { ownPostgres: 'required' });
    const running = stack;
    let restarted: Promise<void> = Promise.resolve();
    let whileDown: { ready: number; live: number } | undefined;
    const pushes = await pushArticles(running, 'pg', 120, 8, async (done) => {
      if (done !== 30) return;
      await running.postgres?.crash();
      whileDown = {
        ready: (await fetch(`${running.baseUrl}/health/ready`)).status,
        live: (await fetch(`${running.baseUrl}/health/live`)).status,
      };
      restarted = new Promise((resolve) => setTimeout(resolve, 4_000)).then(() => running.postgres?.start());
    });
    await restarted;
    // And the API takes articles again once the database is back (no pool left holding dead connections).
    const after = await pushArticles(running, 'pg-after', 30, 6);
    expect(after.filter((push) => push.status !== 202)).toEqual([]);
    // Refused while the database was down: 503 problem+json with Retry-After, never a 500, never a hang.
    const refused = pushes.filter((push) => push.status !== 202);
    expect(refused.filter((push) => push.status !== 503)).toEqual([]);
    for (const push of refused) {
      expect(push.retryAfter).toMatch(/^\d+$/);
      expect(push.contentType).toMatch(/^application\/problem\+json/);
    }
    expect(refused.length).toBeGreaterThan(0);
    expect(whileDown).toEqual({ ready: 503, live: 200 });
    await expectAllDelivered('PostgreSQL crash and restart', [...pushes, ...after]);
  });

  it('subscriber down for a while, then back', async () => {
    stack = await startFaultStack('subscriber');
    const running = stack;
    await running.subscriber.down();
    const pushes = await pushArticles(running, 'subscriber', 60, 6);
    // Long enough for several retries of every delivery, well inside the retry schedule.
    await new Promise((resolve) => setTimeout(resolve, 8_000));
    await running.subscriber.up();
    expect(pushes.filter((push) => push.status !== 202)).toEqual([]);
    await expectAllDelivered('subscriber down then back', pushes);
  });
});
