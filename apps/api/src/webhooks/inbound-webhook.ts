import type { ArticlePush, InboundWebhook } from '@copydesk/pipeline';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { PushArticleDto } from '../articles/dto/push-article.dto';

/** Most articles or URLs one webhook call may carry. */
export const MAX_WEBHOOK_BATCH = 100;

export interface WebhookBodyProblem {
  pointer: string;
  detail: string;
}

function validateArticle(value: unknown, pointer: string, problems: WebhookBodyProblem[]): ArticlePush | null {
  const dto = plainToInstance(PushArticleDto, value);
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
  for (const error of errors) {
    for (const detail of Object.values(error.constraints ?? {})) problems.push({ pointer: `${pointer}/${error.property}`, detail });
  }
  return errors.length ? null : dto;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isHttpUrl = (value: unknown): value is string => {
  if (typeof value !== 'string') return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

/**
 * What a partner may post: one article (the push shape), `{articles: [...]}`, `{url}` or `{urls: [...]}`.
 * Everything is checked before anything is stored, so a bad batch stores nothing.
 */
export function readInboundWebhook(body: unknown): {
  webhook: Exclude<InboundWebhook, { kind: 'wire' }> | null;
  problems: WebhookBodyProblem[];
} {
  const problems: WebhookBodyProblem[] = [];
  if (!isObject(body)) return { webhook: null, problems: [{ pointer: '', detail: 'the body must be a JSON object' }] };
  if ('url' in body || 'urls' in body) {
    const urls = 'urls' in body ? body.urls : [body.url];
    if (!Array.isArray(urls) || urls.length === 0)
      return { webhook: null, problems: [{ pointer: '/urls', detail: 'urls must be a non-empty array' }] };
    if (urls.length > MAX_WEBHOOK_BATCH)
      return { webhook: null, problems: [{ pointer: '/urls', detail: `at most ${MAX_WEBHOOK_BATCH} urls per call` }] };
    urls.forEach(
      (url, i) => isHttpUrl(url) || problems.push({ pointer: 'urls' in body ? `/urls/${i}` : '/url', detail: 'must be an http(s) URL' }),
    );
    return { webhook: problems.length ? null : { kind: 'urls', urls: urls as string[] }, problems };
  }
  if ('articles' in body) {
    const articles = body.articles;
    if (!Array.isArray(articles) || articles.length === 0)
      return { webhook: null, problems: [{ pointer: '/articles', detail: 'articles must be a non-empty array' }] };
    if (articles.length > MAX_WEBHOOK_BATCH)
      return { webhook: null, problems: [{ pointer: '/articles', detail: `at most ${MAX_WEBHOOK_BATCH} articles per call` }] };
    const valid = articles.map((article, i) => validateArticle(article, `/articles/${i}`, problems));
    return { webhook: problems.length ? null : { kind: 'articles', articles: valid as ArticlePush[] }, problems };
  }
  const article = validateArticle(body, '', problems);
  return { webhook: article ? { kind: 'articles', articles: [article] } : null, problems };
}
