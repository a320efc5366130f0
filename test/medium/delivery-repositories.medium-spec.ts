import { ArticleEventType, ArticleStatus, DeliveryStatus, SubscriptionStatus } from '@copydesk/contracts';
import { DeliveryBatchRepository, DeliveryDispatchRepository, DeliveryRepository } from '@copydesk/database';
import type { DataSource } from 'typeorm';
import { mediumDatabase, type RowFactory } from './factories';

const LEASE_MS = 30_000;
const CAP = 2;
const past = (seconds: number): Date => new Date(Date.now() - seconds * 1000);
const future = (seconds: number): Date => new Date(Date.now() + seconds * 1000);

/** The delivery repositories' ordering, capacity, wake-up and replay rules against real PostgreSQL. */
describe('delivery repositories (medium)', () => {
  let dataSource: DataSource;
  let rows: RowFactory;
  let dispatch: DeliveryDispatchRepository;
  let deliveries: DeliveryRepository;
  let batches: DeliveryBatchRepository;

  beforeAll(async () => {
    ({ dataSource, rows } = await mediumDatabase('mediumdelivery'));
    dispatch = new DeliveryDispatchRepository(dataSource);
    deliveries = new DeliveryRepository(dataSource);
    batches = new DeliveryBatchRepository(dataSource);
  });

  afterAll(() => dataSource?.destroy());

  describe('claim', () => {
    it('takes a free delivery once: a second claim finds it leased', async () => {
      const sub = await rows.subscription();
      const { id } = await rows.delivery(sub, await rows.article());
      expect(await dispatch.claim(id, 0, LEASE_MS, CAP)).toBe(true);
      expect(await dispatch.claim(id, 0, LEASE_MS, CAP)).toBe(false);
      expect(await rows.deliveryState(id)).toMatchObject({ status: 'pending', leased: true, waiting_for: null });
    });

    it('refuses a stale attempt count and a settled delivery', async () => {
      const sub = await rows.subscription();
      const article = await rows.article();
      const { id } = await rows.delivery(sub, article, { attempts: 2 });
      expect(await dispatch.claim(id, 1, LEASE_MS, CAP)).toBe(false);
      const delivered = await rows.delivery(sub, article, { status: DeliveryStatus.Delivered });
      expect(await dispatch.claim(delivered.id, 0, LEASE_MS, CAP)).toBe(false);
    });

    it('keeps one article in order: a later event waits while an earlier one is pending', async () => {
      const sub = await rows.subscription();
      const article = await rows.article();
      const first = await rows.delivery(sub, article);
      const second = await rows.delivery(sub, article, { event: ArticleEventType.Updated });
      expect(await dispatch.claim(second.id, 0, LEASE_MS, CAP)).toBe(false);
      expect(await dispatch.hold(second.id, 0)).toBe('earlier-event');
      expect(await dispatch.claim(first.id, 0, LEASE_MS, CAP)).toBe(true);
      // Another article's delivery for the same subscription is not held up.
      const other = await rows.delivery(sub, await rows.article());
      expect(await dispatch.claim(other.id, 0, LEASE_MS, CAP)).toBe(true);
    });

    it('stops at the in-flight cap and marks the waiter as waiting for capacity', async () => {
      const sub = await rows.subscription();
      const ids = [];
      for (let i = 0; i < CAP + 1; i++) ids.push((await rows.delivery(sub, await rows.article())).id);
      for (const id of ids.slice(0, CAP)) expect(await dispatch.claim(id, 0, LEASE_MS, CAP)).toBe(true);
      expect(await dispatch.claim(ids[CAP], 0, LEASE_MS, CAP)).toBe(false);
      expect(await dispatch.hold(ids[CAP], 0)).toBe('capacity');
      // A delivery in flight is not held: its run settles it.
      expect(await dispatch.hold(ids[0], 0)).toBeNull();
    });

    it('takes a delivery again once its lease has expired (a worker died mid-attempt)', async () => {
      const sub = await rows.subscription();
      const expired = await rows.delivery(sub, await rows.article(), { sendingUntil: past(5) });
      const live = await rows.delivery(sub, await rows.article(), { sendingUntil: future(60) });
      expect(await dispatch.claim(live.id, 0, LEASE_MS, CAP)).toBe(false);
      expect(await dispatch.claim(expired.id, 0, LEASE_MS, CAP)).toBe(true);
    });
  });

  describe('batch claim, settle and wake', () => {
    it('claims in seq order up to the cap and leaves the rest', async () => {
      const sub = await rows.subscription({ format: 'text' });
      const ids = [];
      for (let i = 0; i < CAP + 2; i++) ids.push((await rows.delivery(sub, await rows.article())).id);
      const claimed = await batches.claimToSendMany(ids, LEASE_MS, CAP);
      expect([...claimed.keys()].sort()).toEqual(ids.slice(0, CAP).sort());
      expect(claimed.get(ids[0])?.subscription).toMatchObject({ id: sub, format: 'text' });
      expect(claimed.get(ids[0])?.delivery).toMatchObject({ id: ids[0], status: DeliveryStatus.Pending, attempts: 0 });
    });

    it('does not claim for a paused subscription, a killed article or an embargo still running', async () => {
      const paused = await rows.delivery(await rows.subscription({ status: SubscriptionStatus.Paused }), await rows.article());
      const sub = await rows.subscription();
      const killed = await rows.delivery(sub, await rows.article({ status: ArticleStatus.Killed }));
      const embargoed = await rows.delivery(sub, await rows.article({ embargoUntil: future(600) }));
      const kill = await rows.delivery(sub, await rows.article({ status: ArticleStatus.Killed }), { event: ArticleEventType.Killed });
      const claimed = await batches.claimToSendMany([paused.id, killed.id, embargoed.id, kill.id], LEASE_MS, CAP);
      expect([...claimed.keys()]).toEqual([kill.id]);
    });

    it('marks in one statement the failed claims that wait for capacity or an earlier event, and leaves the others alone', async () => {
      const sub = await rows.subscription();
      const inFlight = [];
      for (let i = 0; i < CAP; i++) inFlight.push((await rows.delivery(sub, await rows.article(), { sendingUntil: future(60) })).id);
      const overCap = await rows.delivery(sub, await rows.article());
      const article = await rows.article();
      await rows.delivery(sub, article);
      const later = await rows.delivery(sub, article, { event: ArticleEventType.Updated });
      const paused = await rows.delivery(await rows.subscription({ status: SubscriptionStatus.Paused }), await rows.article());
      const embargoed = await rows.delivery(sub, await rows.article({ embargoUntil: future(600) }));
      const notDue = await rows.delivery(sub, await rows.article(), { nextAttemptAt: future(600) });

      const held = await batches.holdMany([overCap.id, later.id, paused.id, embargoed.id, notDue.id, inFlight[0]]);

      expect([...held].sort()).toEqual([overCap.id, later.id].sort());
      expect(await rows.deliveryState(overCap.id)).toMatchObject({ waiting_for: 'capacity' });
      expect(await rows.deliveryState(later.id)).toMatchObject({ waiting_for: 'earlier-event' });
      for (const id of [paused.id, embargoed.id, notDue.id, inFlight[0]])
        expect(await rows.deliveryState(id)).toMatchObject({ waiting_for: null });
    });

    it('settling the earlier event wakes the next one of the article, which can then be claimed', async () => {
      const sub = await rows.subscription();
      const article = await rows.article();
      const first = await rows.delivery(sub, article);
      const second = await rows.delivery(sub, article, { event: ArticleEventType.Updated });
      expect(await dispatch.claim(first.id, 0, LEASE_MS, CAP)).toBe(true);
      expect(await dispatch.hold(second.id, 0)).toBe('earlier-event');
      const settled = await batches.settleMany([
        {
          id: first.id,
          attempt: {
            attempt: 1,
            outcome: 'delivered',
            responseCode: 204,
            latencyMs: 3,
            error: null,
            nextAttemptAt: null,
            responseBody: '',
          },
          next: { status: DeliveryStatus.Delivered, nextAttemptAt: null, deliveredAt: new Date() },
        },
      ]);
      expect([...settled]).toEqual([first.id]);
      const woken = await batches.wakeAfterMany([{ subscriptionId: sub, articleId: article }], CAP);
      expect(woken.map((ref) => ref.id)).toEqual([second.id]);
      expect(await rows.deliveryState(second.id)).toMatchObject({ waiting_for: null });
      expect(await dispatch.claim(second.id, 0, LEASE_MS, CAP)).toBe(true);
      expect((await deliveries.listAttempts(first.id)).map((a) => [a.attempt, a.outcome])).toEqual([[1, 'delivered']]);
    });

    it('a resume wakes exactly the deliveries parked for it, oldest first', async () => {
      const sub = await rows.subscription({ status: SubscriptionStatus.Paused });
      const parked = [];
      for (let i = 0; i < 3; i++) parked.push((await rows.delivery(sub, await rows.article())).id);
      for (const id of [...parked].reverse()) expect(await dispatch.holdForResume(id)).toBe(true);
      const capacity = await rows.delivery(sub, await rows.article(), { waitingFor: 'capacity' });
      expect((await dispatch.wakeResumed(sub)).map((ref) => ref.id)).toEqual(parked);
      expect(await rows.deliveryState(capacity.id)).toMatchObject({ waiting_for: 'capacity' });
    });
  });

  describe('sweep and cancel', () => {
    it('finds deliveries stranded past the grace period that could go now, and only those', async () => {
      const sub = await rows.subscription();
      const stranded = await rows.delivery(sub, await rows.article());
      await rows.age(stranded.id, 600);
      const fresh = await rows.delivery(sub, await rows.article());
      const leased = await rows.delivery(sub, await rows.article(), { sendingUntil: future(60) });
      await rows.age(leased.id, 600);
      const found = (await dispatch.findStranded(300, 100, 1000)).map((ref) => ref.id);
      expect(found).toContain(stranded.id);
      expect(found).not.toContain(fresh.id);
      expect(found).not.toContain(leased.id);
    });

    it('cancels what is not in flight, and a kill leaves kill deliveries alone', async () => {
      const sub = await rows.subscription();
      const article = await rows.article();
      const created = await rows.delivery(sub, article);
      const inFlight = await rows.delivery(sub, article, { event: ArticleEventType.Updated, sendingUntil: future(60) });
      const kill = await rows.delivery(sub, article, { event: ArticleEventType.Killed });
      expect(await deliveries.cancelPendingForArticle(sub, article, 'killed')).toBe(1);
      expect((await rows.deliveryState(created.id)).status).toBe('cancelled');
      expect((await rows.deliveryState(inFlight.id)).status).toBe('pending');
      expect((await rows.deliveryState(kill.id)).status).toBe('pending');
      expect(await dispatch.hasLaterKill(sub, article, created.seq)).toBe(true);
      expect(await dispatch.cancel(kill.id, 'gone')).toBe(true);
      expect(await dispatch.cancel(kill.id, 'again')).toBe(false);
    });
  });

  describe('replay', () => {
    it('puts a settled delivery back in line with a fresh schedule, never a pending one', async () => {
      const sub = await rows.subscription();
      const dead = await rows.delivery(sub, await rows.article(), { status: DeliveryStatus.Dead, attempts: 5 });
      const replayed = await deliveries.replay(dead.id);
      expect(replayed).toMatchObject({ id: dead.id, status: DeliveryStatus.Pending, attempts: 5, attemptsBeforeReplay: 5, replays: 1 });
      expect(replayed?.replayedAt).toBeInstanceOf(Date);
      expect(await deliveries.replay(dead.id)).toBeNull();
    });

    it('never replays an older version of a killed article, only its kill', async () => {
      const sub = await rows.subscription();
      const article = await rows.article({ status: ArticleStatus.Killed });
      const created = await rows.delivery(sub, article, { status: DeliveryStatus.Delivered });
      const kill = await rows.delivery(sub, article, { event: ArticleEventType.Killed, status: DeliveryStatus.Failed });
      expect(await deliveries.replay(created.id)).toBeNull();
      expect((await deliveries.replay(kill.id))?.status).toBe(DeliveryStatus.Pending);
    });

    it('replays a subscription’s selection in creation order, within the time window and limit', async () => {
      const sub = await rows.subscription();
      const old = await rows.delivery(sub, await rows.article(), { status: DeliveryStatus.Dead, createdAt: past(7200) });
      const picked = [];
      for (let i = 0; i < 3; i++) picked.push((await rows.delivery(sub, await rows.article(), { status: DeliveryStatus.Dead })).id);
      await rows.delivery(sub, await rows.article(), { status: DeliveryStatus.Delivered });
      const refs = await deliveries.replayMany(sub, { statuses: [DeliveryStatus.Dead], since: past(3600), limit: 2 });
      expect(refs.map((ref) => ref.id)).toEqual(picked.slice(0, 2));
      expect((await rows.deliveryState(old.id)).status).toBe('dead');
    });
  });

  it('creates one delivery per routing and finds it to send with its subscription and article', async () => {
    const sub = await rows.subscription({ format: 'ninjs' });
    const article = await rows.article({ correlationId: 'corr-medium' });
    const fields = {
      subscriptionId: sub,
      articleId: article,
      event: ArticleEventType.Created,
      revision: 1,
      routeKey: 'route-once',
      eventId: 'msg_medium_once',
      payload: '{"type":"article.created"}',
      nextAttemptAt: new Date(),
    };
    const created = await deliveries.createOnce(fields);
    const again = await deliveries.createOnce({ ...fields, eventId: 'msg_medium_twice' });
    expect(again).toMatchObject({ id: created.id, eventId: 'msg_medium_once', seq: created.seq });
    expect(typeof created.seq).toBe('string');
    const found = await dispatch.findToSend(created.id);
    expect(found?.delivery).toMatchObject({ id: created.id, payload: fields.payload, status: DeliveryStatus.Pending });
    expect(found?.subscription).toMatchObject({ id: sub, format: 'ninjs', status: SubscriptionStatus.Active, deleted: false });
    expect(found?.article).toEqual({ status: ArticleStatus.Published, embargoUntil: null });
    expect(await dispatch.findToSend('7f3c2a1e-0000-4000-8000-000000000000')).toBeNull();
  });
});
