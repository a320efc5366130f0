import { ArticleStatus, JobName, type JobPayload, type ReEnrichFilter } from '@copydesk/contracts';
import type { ArticleEnrichmentRepository, ArticleRepository, ReEnrichCandidate, SourceRepository } from '@copydesk/database';
import { ENRICHER_VERSION, MEDIA_TOPICS_SCHEME_VERSION } from '@copydesk/enrichment';
import type { JobQueue } from '@copydesk/queue';
import { Logger } from '@nestjs/common';
import { CopydeskException, ErrorCode } from '../errors/copydesk.exception';
import { ReEnrichScheduler } from './re-enrich-scheduler.service';

interface Queued {
  name: JobName;
  data: Record<string, unknown>;
  options: { jobId?: string; priority?: number };
}

const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** An archive of `size` articles, paged by id like the repository does, and a queue that records what it is given. */
function setUp(size: number) {
  const archive: ReEnrichCandidate[] = Array.from({ length: size }, (_, i) => ({ id: id(i + 1), revision: 1 + (i % 3) }));
  const queued: Queued[] = [];
  const pages: Array<{ after: string | null; limit: number }> = [];
  const enrichments = {
    countReEnrichable: (_: ReEnrichFilter, limit: number) => Promise.resolve(Math.min(limit, archive.length)),
    pageReEnrichable: (_: ReEnrichFilter, after: string | null, limit: number) => {
      pages.push({ after, limit });
      return Promise.resolve(archive.filter((a) => after === null || a.id > after).slice(0, limit));
    },
  } as unknown as ArticleEnrichmentRepository;
  const queue = {
    enqueue: (name: JobName, data: Record<string, unknown>, options: Queued['options']) => {
      queued.push({ name, data, options });
      return Promise.resolve({});
    },
  } as unknown as JobQueue;
  const sources = {
    findBySlug: (slug: string) => Promise.resolve(slug === 'cms' ? { id: 'source-cms' } : null),
  } as unknown as SourceRepository;
  const articles = {
    findById: (articleId: string) =>
      Promise.resolve(
        articleId === id(1)
          ? { id: articleId, revision: 2, status: ArticleStatus.Published }
          : articleId === id(2)
            ? { id: articleId, revision: 1, status: ArticleStatus.Killed }
            : null,
      ),
  } as unknown as ArticleRepository;
  const scheduler = new ReEnrichScheduler(articles, enrichments, sources, queue);
  /** Runs page jobs as the worker would, until none is left. */
  const drain = async (): Promise<void> => {
    for (let next = queued.find((q) => q.name === JobName.ReEnrichPage); next;) {
      queued.splice(queued.indexOf(next), 1);
      await scheduler.queuePage(next.data as unknown as JobPayload<JobName.ReEnrichPage>);
      next = queued.find((q) => q.name === JobName.ReEnrichPage);
    }
  };
  return { scheduler, queued, pages, drain };
}

describe('ReEnrichScheduler', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('queues one article’s current revision under a job id of the request, never the revision’s own', async () => {
    const { scheduler, queued } = setUp(0);
    expect(await scheduler.reEnrichOne(id(1), 'req-1')).toEqual({ articleId: id(1), revision: 2, requestId: 'req-1' });
    expect(queued).toEqual([
      {
        name: JobName.ReEnrichArticle,
        data: { articleId: id(1), revision: 2, requestId: 'req-1', correlationId: 'req-1' },
        options: expect.objectContaining({ jobId: `re-enrich.${id(1)}.2.req-1` }),
      },
    ]);
    await expect(scheduler.reEnrichOne(id(2), 'req-2')).rejects.toMatchObject({ code: ErrorCode.ArticleKilled });
    await expect(scheduler.reEnrichOne(id(9), 'req-3')).rejects.toBeInstanceOf(CopydeskException);
  });

  it('queues a bulk request page by page, each page job behind its articles, up to the limit', async () => {
    const { scheduler, queued, pages, drain } = setUp(1_234);
    const receipt = await scheduler.reEnrichMatching(
      { sources: ['cms'], enricherVersionNot: 'current', schemeVersionNot: 'current', limit: 1_100 },
      'corr',
    );
    expect(receipt).toMatchObject({ matched: 1_100, limit: 1_100 });
    // `current` and slugs are resolved once, so every page selects by the same filter.
    expect(receipt.filter).toMatchObject({
      sourceIds: ['source-cms'],
      enricherVersionNot: ENRICHER_VERSION,
      schemeVersionNot: MEDIA_TOPICS_SCHEME_VERSION,
    });
    expect(Date.parse(receipt.filter.receivedTo as string)).toBeLessThanOrEqual(Date.now());
    expect(queued).toHaveLength(1);
    await drain();

    expect(pages).toEqual([
      { after: null, limit: 500 },
      { after: id(500), limit: 500 },
      { after: id(1_000), limit: 100 },
    ]);
    const articles = queued.filter((q) => q.name === JobName.ReEnrichArticle);
    expect(articles).toHaveLength(1_100);
    expect(new Set(articles.map((a) => a.options.jobId)).size).toBe(1_100);
    expect(articles[0]).toMatchObject({
      data: { articleId: id(1), revision: 1, requestId: receipt.requestId, correlationId: 'corr' },
      // Behind fresh copy: new revisions carry no priority and always go first.
      options: { jobId: `re-enrich.${id(1)}.1.${receipt.requestId}`, priority: 100 },
    });
  });

  it('stops when the archive runs out before the limit, and queues nothing for an empty match', async () => {
    const small = setUp(700);
    expect((await small.scheduler.reEnrichMatching({}, 'corr')).matched).toBe(700);
    await small.drain();
    expect(small.queued.filter((q) => q.name === JobName.ReEnrichArticle)).toHaveLength(700);
    expect(small.pages).toHaveLength(2);

    const none = setUp(0);
    expect((await none.scheduler.reEnrichMatching({}, 'corr')).matched).toBe(0);
    expect(none.queued).toEqual([]);
  });

  it('refuses an unknown source slug', async () => {
    await expect(setUp(1).scheduler.reEnrichMatching({ sources: ['nowhere'] }, 'corr')).rejects.toMatchObject({
      code: ErrorCode.UnknownSource,
    });
  });
});
