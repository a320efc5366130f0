/*
 * WIRE CONTRACT. Event names are sent to subscribers and stored with every delivery.
 */
export enum ArticleEventType {
  Created = 'article.created',
  Updated = 'article.updated',
  Killed = 'article.killed',
}

export const ARTICLE_EVENT_TYPES: readonly ArticleEventType[] = Object.values(ArticleEventType);
