/**
 * WIRE CONTRACT: event type names are sent to subscribers (`type` in every webhook body) and stored with
 * subscriptions. Add names; never rename one. libs/contracts may take these over later.
 */
export const ARTICLE_EVENT_TYPES = ['article.created', 'article.updated', 'article.killed'] as const;

/** An event a subscriber can receive. */
export type ArticleEventType = (typeof ARTICLE_EVENT_TYPES)[number];
