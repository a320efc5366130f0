import { ArticleStatus, type StoredEnrichment } from '@copydesk/contracts';
import type { ArticleEntity, SourceEntity } from '@copydesk/database';
import type { ArticleDetail, RawInput } from '../articles/article-detail.service';
import { badge, num, shortId, when } from './format';
import { externalHref, type Html, html, query } from './html';
import { inertArticleHtml } from './inert-html';
import { csrfField, type PageContext } from './layout.view';

export interface ArticleFilters {
  q?: string;
  status?: string;
  source?: string;
  language?: string;
  publishedFrom?: string;
  publishedTo?: string;
}

function filtersForm(filters: ArticleFilters, sources: SourceEntity[]): Html {
  const option = (value: string, label: string, selected: string | undefined): Html =>
    html`<option value="${value}" ${value === (selected ?? '') ? html` selected` : ''}>${label}</option>`;
  return html`<form
    class="filters"
    method="get"
    action="/admin/articles"
    role="search"
    hx-get="/admin/articles"
    hx-target="#results"
    hx-select="#results"
    hx-swap="outerHTML"
    hx-push-url="true"
    hx-trigger="submit, input changed delay:500ms from:#q, change"
  >
    <label for="q">Search<input id="q" name="q" type="search" value="${filters.q ?? ''}" placeholder='words, "phrase", -not' /></label>
    <label for="status"
      >Status<select id="status" name="status">
        ${option('', 'any', filters.status)}${Object.values(ArticleStatus).map((s) => option(s, s, filters.status))}
      </select></label
    >
    <label for="source"
      >Source<select id="source" name="source">
        ${option('', 'any', filters.source)}${sources.map((s) => option(s.slug, s.slug, filters.source))}
      </select></label
    >
    <label for="language"
      >Language<input id="language" name="language" size="5" value="${filters.language ?? ''}" placeholder="en"
    /></label>
    <label for="publishedFrom"
      >Published from<input id="publishedFrom" name="publishedFrom" type="date" value="${filters.publishedFrom ?? ''}"
    /></label>
    <label for="publishedTo"
      >Published before<input id="publishedTo" name="publishedTo" type="date" value="${filters.publishedTo ?? ''}"
    /></label>
    <button type="submit">Search</button>
  </form>`;
}

/** The article list: the API's search and filters, newest first, keyset pages. */
export function articlesPage(
  filters: ArticleFilters,
  sources: SourceEntity[],
  rows: ArticleEntity[],
  nextCursor: string | null,
  slugs: Map<string, string>,
): Html {
  return html`${filtersForm(filters, sources)}
    <div id="results" class="scroll">
      <table>
        <caption class="visually-hidden">
          Articles
        </caption>
        <thead>
          <tr>
            <th scope="col">title</th>
            <th scope="col">status</th>
            <th scope="col">source</th>
            <th scope="col">language</th>
            <th scope="col">published</th>
            <th scope="col">received</th>
          </tr>
        </thead>
        <tbody>
          ${
            rows.length
              ? rows.map(
                  (a) =>
                    html`<tr>
                      <td><a href="/admin/articles/${a.id}">${a.title ?? a.url ?? shortId(a.id)}</a></td>
                      <td>${badge(a.status)}</td>
                      <td>${slugs.get(a.sourceId) ?? ''}</td>
                      <td>${a.language ?? ''}</td>
                      <td>${when(a.publishedAt)}</td>
                      <td>${when(a.createdAt)}</td>
                    </tr>`,
                )
              : html`<tr>
                  <td colspan="6" class="muted">No article matches.</td>
                </tr>`
          }
        </tbody>
      </table>
      ${nextCursor ? html`<p class="pager"><a href="/admin/articles${query({ ...filters, cursor: nextCursor })}">Older articles</a></p>` : ''}
    </div>`;
}

function rawBlock(raw: RawInput, label: string): Html {
  return html`<p class="muted">
      ${raw.item.origin} · ${raw.item.contentType} · received ${when(raw.item.receivedAt)} · ${num(raw.item.payload.length)}
      bytes${raw.truncated ? ' (first 64 KiB shown)' : ''} · <a href="/admin/raw-items/${raw.item.id}">input ${shortId(raw.item.id)}</a>
    </p>
    ${raw.binary ? html`<p class="muted">Binary content: not shown.</p>` : html`<pre aria-label="${label}" id="raw-input">${raw.text}</pre>`}`;
}

function provenance(article: ArticleEntity): Html {
  const sourced = (article.metadata as { provenance?: Record<string, string> }).provenance ?? {};
  const fields: Array<[string, unknown]> = [
    ['title', article.title],
    ['byline', article.byline],
    ['publishedAt', article.publishedAt?.toISOString()],
    ['modifiedAt', article.modifiedAt?.toISOString()],
    ['canonicalUrl', article.canonicalUrl],
    ['language', article.language],
    ['description', article.description],
  ];
  return html`<table id="provenance">
    <caption>
      Fields and where each came from
    </caption>
    <thead>
      <tr>
        <th scope="col">field</th>
        <th scope="col">value</th>
        <th scope="col">from</th>
      </tr>
    </thead>
    <tbody>
      ${fields.map(
        ([field, value]) =>
          html`<tr>
            <th scope="row">${field}</th>
            <td>${value === null || value === undefined ? html`<span class="muted">–</span>` : String(value as string)}</td>
            <td>${sourced[field] ?? (field === 'publishedAt' ? sourced.date : undefined) ?? html`<span class="muted">–</span>`}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function enrichment(article: ArticleEntity): Html {
  const e = article.enrichment as StoredEnrichment | null;
  if (!e) return html`<p class="muted">Not enriched yet.</p>`;
  const contentType = typeof e.contentType === 'string' ? { type: e.contentType, confidence: null } : e.contentType;
  return html`<div id="enrichment">
    <p>
      Content type:
      <strong>${contentType?.type ?? '–'}</strong
      >${contentType?.confidence != null ? html` (${(contentType.confidence * 100).toFixed(0)} %)` : ''} · ${num(e.wordCount)} words ·
      enricher ${article.enricherVersion ?? '–'}
    </p>
    <h3>Topics</h3>
    ${
      e.topics?.length
        ? html`<table>
            <thead>
              <tr>
                <th scope="col">topic</th>
                <th scope="col">code</th>
                <th scope="col" class="n">confidence</th>
                <th scope="col">by</th>
              </tr>
            </thead>
            <tbody>
              ${e.topics.map(
                (t) =>
                  html`<tr>
                    <td>${t.label}</td>
                    <td class="id">${t.qcode}</td>
                    <td class="n">${((t.confidence ?? 0) * 100).toFixed(0)} %</td>
                    <td>${t.source ?? ''}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p class="muted">No topic.</p>`
    }
    <h3>Entities</h3>
    <dl class="kv">
      ${Object.entries(e.entities ?? {}).map(
        ([kind, list]) =>
          html`<dt>${kind}</dt>
            <dd>
              ${list.length ? list.map((x, i) => html`${i ? ', ' : ''}${typeof x === 'string' ? x : x.name}${typeof x !== 'string' && x.source === 'editor' ? ' (editor)' : ''}`) : html`<span class="muted">none</span>`}
            </dd>`,
      )}
    </dl>
    <h3>Quotes</h3>
    ${
      e.quotes?.length
        ? html`<ul>
            ${e.quotes.map((q) => html`<li><q>${q.text}</q> — <strong>${q.speaker ?? 'unattributed'}</strong></li>`)}
          </ul>`
        : html`<p class="muted">No quote.</p>`
    }
  </div>`;
}

function patch(text: string): Html {
  return html`<pre>
${text.split('\n').map((line) => (line.startsWith('+') && !line.startsWith('+++') ? html`<ins>${line}</ins> ` : line.startsWith('-') && !line.startsWith('---') ? html`<del>${line}</del> ` : `${line}\n`))}</pre>`;
}

function actions(ctx: PageContext, article: ArticleEntity): Html {
  if (!ctx.access.act) return html``;
  const killed = article.status === ArticleStatus.Killed;
  return html`<section aria-labelledby="h-actions">
    <h2 id="h-actions">Actions</h2>
    <div class="grid2">
      ${killed ? html`<p class="muted">Killed ${when(article.killedAt)}: ${article.killReason ?? ''}</p>` : html`<form class="stack" method="post" action="/admin/articles/${article.id}/kill" data-confirm="Kill this article everywhere? Subscribers that received it get article.killed.">${csrfField(ctx)}<label for="kill-reason">Reason for the kill</label><input id="kill-reason" name="reason" required maxlength="500" /><button type="submit" class="danger">Kill article</button></form>`}
      ${killed || article.revision === 0 ? '' : html`<form class="stack" method="post" action="/admin/articles/${article.id}/re-enrich">${csrfField(ctx)}<label for="re-enrich-reason">Reason to enrich again</label><input id="re-enrich-reason" name="reason" required maxlength="500" /><button type="submit">Re-enrich</button></form>`}
    </div>
  </section>`;
}

/** One article: raw input beside the extracted text, provenance, enrichment, history, relations, deliveries. */
export function articlePage(ctx: PageContext, d: ArticleDetail): Html {
  const a = d.article;
  return html`<p>
      ${badge(a.status)} · ${d.source?.slug ?? ''} · revision ${a.revision} · received
      ${when(a.createdAt)}${a.url ? html` · <a href="${externalHref(a.url)}" rel="noopener noreferrer nofollow">original</a>` : ''} ·
      <span class="id">${a.id}</span>
    </p>
    ${a.failureReason ? html`<p class="error">Failed: ${a.failureReason}</p>` : ''} ${actions(ctx, a)} ${inputSection(d)}
    <section aria-labelledby="h-enrichment">
      <h2 id="h-enrichment">Enrichment</h2>
      ${enrichment(a)}
    </section>
    ${revisionsSection(d)} ${relatedSection(d)} ${deliveriesSection(d)}`;
}

/** The raw input as received beside the extracted text, the fields with their provenance, every input. */
function inputSection(d: ArticleDetail): Html {
  const a = d.article;
  return html`<section aria-labelledby="h-input">
    <h2 id="h-input">Input and extraction</h2>
    <div class="side-by-side">
      <div>
        <h3>Raw input, as received</h3>
        ${d.latestRaw ? rawBlock(d.latestRaw, 'Raw input') : html`<p class="muted">No input stored.</p>`}
      </div>
      <div>
        <h3>Extracted text</h3>
        <div class="article-body" id="extracted">${inertArticleHtml(a.bodyHtml)}</div>
        <details>
          <summary>Plain text</summary>
          <pre>${a.bodyText ?? ''}</pre>
        </details>
      </div>
    </div>
    ${provenance(a)}
    ${
      d.rawItems.length > 1
        ? html`<h3>Every input</h3>
            <ul>
              ${d.rawItems.map((r) => html`<li id="raw-${r.id}"><a href="/admin/raw-items/${r.id}">${r.origin} ${shortId(r.id)}</a> · ${when(r.receivedAt)} · ${badge(r.status)}${r.error ? html` · <span class="bad">${r.error}</span>` : ''}</li>`)}
            </ul>`
        : ''
    }
  </section>`;
}

/** Each revision with what changed, as a word diff. */
function revisionsSection(d: ArticleDetail): Html {
  const a = d.article;
  return html`<section aria-labelledby="h-revisions">
    <h2 id="h-revisions">Revisions</h2>
    ${d.revisions.length ? d.revisions.map((r) => html`<details${r.revision === a.revision ? html` open` : ''}><summary>Revision ${r.revision} · ${when(r.createdAt)} · ${r.origin} · changed ${r.changedFields.join(', ') || 'nothing'}</summary>${(r.diff as { patch?: string } | null)?.patch ? patch((r.diff as { patch: string }).patch) : html`<p class="muted">First revision: no diff.</p>`}</details>`) : html`<p class="muted">No revision yet.</p>`}
  </section>`;
}

/** Near-duplicates and the story cluster. */
function relatedSection(d: ArticleDetail): Html {
  const a = d.article;
  return html`<section aria-labelledby="h-related">
    <h2 id="h-related">Duplicates and story</h2>
    ${
      d.related.length
        ? html`<table>
            <thead>
              <tr>
                <th scope="col">article</th>
                <th scope="col">relation</th>
                <th scope="col" class="n">similarity</th>
                <th scope="col">source</th>
              </tr>
            </thead>
            <tbody>
              ${d.related.map(
                (r) =>
                  html`<tr>
                    <td><a href="/admin/articles/${r.id}">${r.title ?? shortId(r.id)}</a></td>
                    <td>${r.relation} (${r.direction})</td>
                    <td class="n">${(r.similarity * 100).toFixed(0)} %</td>
                    <td>${d.sources.get(r.sourceId) ?? ''}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p class="muted">No near-duplicate.</p>`
    }
    ${
      d.cluster
        ? html`<h3>Story cluster: ${d.cluster.cluster.title ?? shortId(d.cluster.cluster.id)} (${d.cluster.cluster.articleCount})</h3>
            <ul>
              ${d.cluster.articles.map((c) => html`<li>${c.id === a.id ? html`<strong>${c.title ?? shortId(c.id)}</strong>` : html`<a href="/admin/articles/${c.id}">${c.title ?? shortId(c.id)}</a>`} · ${d.sources.get(c.sourceId) ?? ''} · ${when(c.publishedAt)}</li>`)}
            </ul>`
        : html`<p class="muted">In no story cluster.</p>`
    }
  </section>`;
}

/** Deliveries per subscription, each with its attempts. */
function deliveriesSection(d: ArticleDetail): Html {
  return html`<section aria-labelledby="h-deliveries">
    <h2 id="h-deliveries">Deliveries</h2>
    ${
      d.deliveries.length
        ? html`<div class="scroll">
            <table id="article-deliveries">
              <thead>
                <tr>
                  <th scope="col">subscription</th>
                  <th scope="col">event</th>
                  <th scope="col">status</th>
                  <th scope="col">attempts</th>
                </tr>
              </thead>
              <tbody>
                ${d.deliveries.map(
                  (x) =>
                    html`<tr>
                      <td><a href="/admin/subscriptions/${x.delivery.subscriptionId}">${x.subscriptionName}</a></td>
                      <td>${x.delivery.event} (rev ${x.delivery.revision})</td>
                      <td>${badge(x.delivery.status)}</td>
                      <td>
                        <ol>
                          ${x.attempts.map((t) => html`<li>${when(t.createdAt)} · ${t.outcome}${t.responseCode ? ` · HTTP ${t.responseCode}` : ''}${t.latencyMs !== null ? ` · ${t.latencyMs} ms` : ''}${t.error ? html` · <span class="bad">${t.error}</span>` : ''}</li>`)}
                        </ol>
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p class="muted">No delivery.</p>`
    }
  </section>`;
}

/** One raw input on its own page, shown as text. */
export function rawItemPage(raw: RawInput): Html {
  const r = raw.item;
  return html`<dl class="kv">
      <dt>id</dt>
      <dd class="id">${r.id}</dd>
      <dt>origin</dt>
      <dd>${r.origin}</dd>
      <dt>content type</dt>
      <dd>${r.contentType}</dd>
      <dt>status</dt>
      <dd>${badge(r.status)}</dd>
      <dt>error</dt>
      <dd>${r.error ?? '–'}</dd>
      <dt>attempts</dt>
      <dd>${r.attempts}</dd>
      <dt>url</dt>
      <dd>${r.url ?? '–'}</dd>
      <dt>correlation id</dt>
      <dd class="id">${r.correlationId}</dd>
      <dt>received</dt>
      <dd>${when(r.receivedAt)}</dd>
      ${
        r.articleId
          ? html`<dt>article</dt>
              <dd><a href="/admin/articles/${r.articleId}">${r.articleId}</a></dd>`
          : ''
      }
    </dl>
    ${rawBlock(raw, 'Raw input')}`;
}
