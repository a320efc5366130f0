import { ArticleEventType, JOB_OPTIONS, JobName, QueueName, jobId } from '@copydesk/contracts';
import { enrichArticle, mediaTopic, mediaTopicAncestors } from '@copydesk/enrichment';
import { redisOptionsFromUrl } from '@copydesk/queue';
import { Queue } from 'bullmq';
import { waitFor } from './support/processes';
import {
  acceptedEvents,
  createSubscription,
  deliveryRows,
  type PublishStack,
  pushArticle,
  startPublishStack,
  storyBody,
  waitForArticle,
  waitUntil,
} from './support/publish-stack';
import { startSubscriber, type SubscriberServer } from './support/subscriber-server';

jest.setTimeout(240_000);

interface Classification {
  topics?: Array<[qcode: string, confidence: number]>;
  people?: string[];
  organisations?: string[];
  places?: string[];
  contentType?: string;
}

/**
 * Subscription filters against articles whose classification the test decides: the enrichment worker is not
 * started; once the ingest worker has stored a revision, the test writes an enrichment shaped exactly like
 * @copydesk/enrichment's (the real enricher's output with the topics and entities overridden) and queues the
 * route job as the enrichment worker would. Also: a paused subscription keeps its deliveries until it resumes.
 */
describe('publish: filters and pauses', () => {
  let stack: PublishStack;
  let queue: Queue;
  const subscribers: SubscriberServer[] = [];

  beforeAll(async () => {
    stack = await startPublishStack('pubfilters', ['ingest-worker', 'publish-worker'], { DELIVERY_RETRY_SCHEDULE: '1s,1s,2s' });
    queue = new Queue(QueueName.Publish, {
      connection: redisOptionsFromUrl(stack.env.REDIS_URL as string),
      prefix: stack.environment.queuePrefix,
    });
  });

  afterAll(async () => {
    await queue?.close();
    await stack?.stop();
    await Promise.all(subscribers.map((server) => server.close()));
  });

  const subscribe = async (filters: Record<string, unknown> | undefined): Promise<{ id: string; hook: SubscriberServer }> => {
    const hook = await startSubscriber();
    subscribers.push(hook);
    const { id } = await createSubscription(stack.client, { url: hook.url, ...(filters ? { filters } : {}) });
    return { id, hook };
  };

  /** Writes an enrichment shaped like @copydesk/enrichment's, classified as told. */
  const classify = async (id: string, revision: number, classification: Classification): Promise<void> => {
    const article = (await stack.client.get(`/v1/articles/${id}`)).body;
    const enrichment = {
      ...enrichArticle({
        title: article.title as string,
        bodyText: article.bodyText as string,
        language: article.language as string | undefined,
      }),
      topics: (classification.topics ?? []).map(([qcode, confidence]) => ({
        qcode,
        label: mediaTopic(qcode)?.label ?? qcode,
        confidence,
        ancestors: mediaTopicAncestors(qcode),
        source: 'model',
      })),
      entities: {
        people: (classification.people ?? []).map((name) => ({ name, count: 2, salience: 0.8 })),
        organisations: (classification.organisations ?? []).map((name) => ({ name, count: 1, salience: 0.6 })),
        places: (classification.places ?? []).map((name) => ({ name, count: 1, salience: 0.5 })),
      },
      contentType: { type: classification.contentType ?? 'news', confidence: 0.9, evidence: ['set by the test'] },
    };
    // Only while the revision is current; a re-classification keeps the article's status.
    await stack.sql(
      `UPDATE articles SET enrichment = $2, enricher_version = $3, enriched_revision = revision, status = CASE WHEN status = 'extracted' THEN 'enriched' ELSE status END
       WHERE id = $1 AND revision = $4`,
      [id, JSON.stringify(enrichment), enrichment.enricherVersion, revision],
    );
  };

  /** Queues the route job the enrichment worker would, under `routeJobId`. */
  const route = (id: string, revision: number, event: ArticleEventType, routeJobId: string) =>
    queue.add(
      JobName.RouteArticle,
      { articleId: id, revision, event, correlationId: `filters-${id}` },
      { ...JOB_OPTIONS[JobName.RouteArticle], jobId: routeJobId },
    );

  /** Pushes an article (or a new revision), classifies it as told, and routes it. */
  const publish = async (push: Record<string, unknown>, classification: Classification, revision = 1): Promise<string> => {
    const id = await pushArticle(stack.client, push);
    await waitForArticle(stack, id, (a) => a.status === 'extracted' && a.revision === revision);
    await classify(id, revision, classification);
    await route(id, revision, revision === 1 ? ArticleEventType.Created : ArticleEventType.Updated, jobId('route', id, revision));
    await waitForArticle(stack, id, (a) => a.status === 'published' && a.revision === revision);
    return id;
  };

  it('topic (with its narrower topics), entity, query, language, confidence and content-type filters pick exactly the right articles', async () => {
    const subscriptions = {
      everything: await subscribe(undefined),
      politics: await subscribe({ topics: ['medtop:11000000'] }),
      elections: await subscribe({ topics: ['20000574'] }),
      starmer: await subscribe({ entities: ['keir STARMER'] }),
      harbour: await subscribe({ query: 'harbour -strike' }),
      french: await subscribe({ languages: ['fr'] }),
      confidentSport: await subscribe({ topics: ['medtop:15000000'], minConfidence: 0.7 }),
      opinion: await subscribe({ contentTypes: ['opinion'] }),
    };

    const election = await publish(
      {
        title: 'Voters head to the polls in a close general election',
        body: storyBody('Millions of voters cast their ballots on Thursday.', [
          'Keir Starmer urged supporters to turn out before polling stations close.',
        ]),
        language: 'en',
      },
      // An election is a narrower topic of politics (medtop:20000574 under medtop:11000000).
      { topics: [['medtop:20000574', 0.9]], people: ['Keir Starmer'] },
    );
    const budget = await publish(
      {
        title: 'Why the budget vote matters',
        body: storyBody('Parliament votes on the budget next week.', ['Rishi Sunak said the plan was fair.']),
        language: 'en',
      },
      { topics: [['medtop:11000000', 0.95]], people: ['Rishi Sunak'], contentType: 'opinion' },
    );
    const regatta = await publish(
      {
        title: 'Tall ships fill the harbour for the regatta',
        body: storyBody('Crowds lined the harbour wall on Saturday.', ['Forty crews raced in the bay.']),
        language: 'en',
      },
      { topics: [['medtop:15000000', 0.8]], places: ['Harbourtown'] },
    );
    const strike = await publish(
      {
        title: 'Harbour workers begin a strike over pay',
        body: storyBody('Dock workers at the harbour walked out at dawn.', ['The strike could last a week.']),
        language: 'en',
      },
      { topics: [['medtop:09000000', 0.85]] },
    );
    const french = await publish(
      {
        title: 'Le port accueille une course de voiliers',
        body: storyBody('Des milliers de spectateurs étaient présents samedi.', ['La course a duré trois heures.']),
        language: 'fr',
      },
      { topics: [['medtop:15000000', 0.5]] },
    );

    const expected: Record<keyof typeof subscriptions, string[]> = {
      everything: [election, budget, regatta, strike, french],
      politics: [election, budget],
      elections: [election],
      starmer: [election],
      harbour: [regatta],
      french: [french],
      confidentSport: [regatta],
      opinion: [budget],
    };
    for (const [name, { id, hook }] of Object.entries(subscriptions)) {
      const want = expected[name as keyof typeof subscriptions];
      // Routing is settled for all five articles (each is published), so the deliveries are final.
      const routed = (await deliveryRows(stack, { subscriptionId: id })).map((d) => d.article_id);
      expect({ name, routed: routed.sort() }).toEqual({ name, routed: [...want].sort() });
      await waitUntil(stack, () => acceptedEvents(hook).length === want.length);
      expect({
        name,
        received: acceptedEvents(hook)
          .map((e) => e.articleId)
          .sort(),
      }).toEqual({ name, received: [...want].sort() });
    }
    for (const { id } of Object.values(subscriptions)) await stack.client.request('DELETE', `/v1/subscriptions/${id}`);
  });

  it('routing the current revision again (a re-classification) is an update, or a creation for a subscription it now matches', async () => {
    const everything = await subscribe(undefined);
    const health = await subscribe({ topics: ['medtop:07000000'] });
    const id = await publish(
      {
        title: 'Hospital opens a new ward',
        body: storyBody('The ward has forty beds.', ['Staff were hired from abroad.']),
        language: 'en',
      },
      { topics: [['medtop:04000000', 0.7]] },
    );
    await waitUntil(stack, () => acceptedEvents(everything.hook, id).length === 1);
    expect(await deliveryRows(stack, { subscriptionId: health.id })).toEqual([]);

    // Re-enriched: now health (medtop:07000000). Routed again under a job id of its own, as the enrichment worker does.
    await classify(id, 1, { topics: [['medtop:07000000', 0.9]] });
    await route(id, 1, ArticleEventType.Updated, jobId('route', id, 1, 're-enrich', 'test'));
    await waitUntil(stack, () => acceptedEvents(everything.hook, id).length === 2 && acceptedEvents(health.hook, id).length === 1);
    expect(acceptedEvents(everything.hook, id).map((e) => [e.type, e.data.revision])).toEqual([
      ['article.created', 1],
      ['article.updated', 1],
    ]);
    expect(acceptedEvents(everything.hook, id)[1].data.topics).toEqual([expect.objectContaining({ qcode: 'medtop:07000000' })]);
    expect(acceptedEvents(health.hook, id).map((e) => e.type)).toEqual(['article.created']);
    await stack.client.request('DELETE', `/v1/subscriptions/${everything.id}`);
    await stack.client.request('DELETE', `/v1/subscriptions/${health.id}`);
  });

  it('a paused subscription keeps its deliveries and sends them, in order, when resumed', async () => {
    const { id, hook } = await subscribe(undefined);
    expect((await stack.client.request('PATCH', `/v1/subscriptions/${id}`, { status: 'paused' })).body).toMatchObject({ status: 'paused' });

    const first = {
      title: 'Lifeboat crew rescues two sailors',
      body: storyBody('The lifeboat was launched at noon.', ['Both sailors were unhurt.']),
      language: 'en',
      externalId: 'paused-1',
    };
    const one = await publish(first, { topics: [['medtop:03000000', 0.8]] });
    const two = await publish(
      {
        title: 'Library extends its opening hours',
        body: storyBody('The library will open on Sundays.', ['Volunteers will staff it.']),
        language: 'en',
      },
      {},
    );
    await publish(
      { ...first, body: `${first.body}<p>The crew were praised by the coastguard.</p>` },
      { topics: [['medtop:03000000', 0.8]] },
      2,
    );

    const waiting = () =>
      stack.client.get<{ items: Array<{ articleId: string; event: string; status: string; waitingFor: string | null }> }>(
        `/v1/subscriptions/${id}/deliveries`,
      );
    await waitFor(
      async () => {
        const items = (await waiting()).body.items;
        return items.length === 3 && items.every((d) => d.status === 'pending' && d.waitingFor === 'resume');
      },
      { timeoutMs: 60_000, describe: stack.logs },
    );
    expect(hook.received).toHaveLength(0);

    expect((await stack.client.request('PATCH', `/v1/subscriptions/${id}`, { status: 'active' })).body).toMatchObject({ status: 'active' });
    await waitUntil(stack, () => acceptedEvents(hook).length === 3);
    expect(acceptedEvents(hook, one).map((e) => e.type)).toEqual(['article.created', 'article.updated']);
    expect(acceptedEvents(hook, two).map((e) => e.type)).toEqual(['article.created']);
    // The subscriber has the last answer before the worker records it: wait for the rows, not the requests.
    await waitUntil(stack, async () => (await waiting()).body.items.every((d) => d.status === 'delivered'));
    await stack.client.request('DELETE', `/v1/subscriptions/${id}`);
  });
});
