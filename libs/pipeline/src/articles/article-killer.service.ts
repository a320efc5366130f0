import { ArticleEventType, AuditAction, JobName, jobId } from '@copydesk/contracts';
import { ArticleRepository, type AuditActor, AuditLogRepository } from '@copydesk/database';
import { JobQueue } from '@copydesk/queue';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CopydeskException, ErrorCode } from '../errors/copydesk.exception';

/**
 * An editor's kill: the article is withdrawn everywhere. It stays stored (nothing is ever deleted), later inputs for
 * it are recorded but never revive it, and `article.killed` goes to every subscriber that received it.
 */
@Injectable()
export class ArticleKiller {
  private readonly logger = new Logger(ArticleKiller.name);

  constructor(
    private readonly articles: ArticleRepository,
    private readonly queue: JobQueue,
    private readonly dataSource: DataSource,
    private readonly audit: AuditLogRepository,
  ) {}

  /** Idempotent: killing a killed article changes nothing and sends nothing again (nor is it audited again). */
  async kill(articleId: string, reason: string, correlationId: string, actor?: AuditActor): Promise<{ killed: boolean }> {
    const article = await this.articles.findById(articleId);
    if (!article) throw new CopydeskException(ErrorCode.ArticleNotFound, `No article has the id ${articleId}.`);
    const killed = await this.dataSource.transaction(async (manager) => {
      const done = await this.articles.markKilled(articleId, reason, manager);
      if (done && actor)
        await this.audit.record(
          actor,
          { action: AuditAction.ArticleKilled, targetType: 'article', targetId: articleId, details: { reason } },
          manager,
        );
      return done;
    });
    if (killed) {
      await this.announce(articleId, article.revision, correlationId);
      this.logger.log({ articleId, reason }, 'article killed');
    }
    return { killed };
  }

  /**
   * Hands a kill already stored (by an editor, or by the source withdrawing the story) to the publish side. One job
   * id per article: an article is killed once.
   */
  async announce(articleId: string, revision: number, correlationId: string): Promise<void> {
    await this.queue.enqueue(
      JobName.RouteArticle,
      { articleId, revision, event: ArticleEventType.Killed, correlationId },
      { jobId: jobId('route', articleId, 'kill') },
    );
  }
}
