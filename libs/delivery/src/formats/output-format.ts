import { ArticleEventType } from '@copydesk/contracts';
import type { ArticleForPublishing } from '../article-for-publishing.types';
import type { NinjsOptions } from '../ninjs.mapper';

/** What every format is told about the event it renders. */
export interface RenderOptions extends NinjsOptions {
  /** When the event happened (the revision was stored, or the kill was issued). */
  occurredAt: Date;
}

/**
 * One way an article goes out to subscribers: a folder under `formats/` holding this object, registered with one
 * line in `formats/output-formats.ts`. Its name is what subscriptions choose (`format`), stored with each
 * subscription: add names, never rename one.
 */
export interface OutputFormat {
  readonly name: string;
  /** The `Content-Type` of every delivery body in this format. */
  readonly mediaType: string;
  /** One line for the API documentation. */
  readonly description: string;
  /**
   * The body of one delivery. Rendered once when the delivery is created and stored: retries must send (and sign)
   * the same bytes.
   */
  render(event: ArticleEventType, article: ArticleForPublishing, options: RenderOptions): string;
  /** What is wrong with a rendered body against the format's own rules or schema; empty when it conforms. */
  check(body: string): string[];
}

/** Events are for articles in a state that can carry them. */
export function assertEventFits(event: ArticleEventType, article: ArticleForPublishing): void {
  if (event === ArticleEventType.Killed && article.status !== 'killed') {
    throw new RangeError(`article ${article.id} is ${article.status}; an article.killed event needs a killed article`);
  }
}
