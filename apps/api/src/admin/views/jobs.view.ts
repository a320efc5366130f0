import { QueueName } from '@copydesk/contracts';
import type { JobDetail, JobRow } from '../jobs/job-browser.service';
import { badge, shortId, when } from './format';
import { type Html, html } from './html';
import { csrfField, type PageContext } from './layout.view';

export interface JobSearch {
  kind: 'failed' | 'stuck';
  queue?: string;
  article?: string;
  source?: string;
  error?: string;
  from?: string;
  to?: string;
}

function searchForm(s: JobSearch): Html {
  const option = (value: string, label: string, selected: string | undefined): Html =>
    html`<option value="${value}" ${value === (selected ?? '') ? html` selected` : ''}>${label}</option>`;
  return html`<form class="filters" method="get" action="/admin/jobs" role="search">
    <label for="kind"
      >Jobs<select id="kind" name="kind">
        ${option('failed', 'failed', s.kind)}${option('stuck', 'stuck', s.kind)}
      </select></label
    >
    <label for="queue"
      >Queue<select id="queue" name="queue">
        ${option('', 'all', s.queue)}${Object.values(QueueName).map((q) => option(q, q, s.queue))}
      </select></label
    >
    <label for="article">Article id<input id="article" name="article" value="${s.article ?? ''}" size="36" /></label>
    <label for="source">Source<input id="source" name="source" value="${s.source ?? ''}" size="12" /></label>
    <label for="error">Error text<input id="error" name="error" value="${s.error ?? ''}" /></label>
    <label for="from">From<input id="from" name="from" type="datetime-local" value="${s.from ?? ''}" /></label>
    <label for="to">Before<input id="to" name="to" type="datetime-local" value="${s.to ?? ''}" /></label>
    <button type="submit">Find</button>
  </form>`;
}

/** Failed or stuck jobs with boxes to retry or discard several at once. */
export function jobsPage(ctx: PageContext, search: JobSearch, rows: JobRow[]): Html {
  const act = ctx.access.act;
  return html`${searchForm(search)}
    <form method="post" action="/admin/jobs/bulk" id="jobs-form">
      ${csrfField(ctx)}
      <div class="scroll">
        <table id="jobs">
          <caption class="visually-hidden">
            ${search.kind} jobs
          </caption>
          <thead>
            <tr>
              ${act ? html`<th scope="col"><input type="checkbox" id="select-all" data-select-all="ref" aria-label="Select every job listed" /></th>` : ''}
              <th scope="col">when</th>
              <th scope="col">queue</th>
              <th scope="col">job</th>
              <th scope="col">article</th>
              <th scope="col">source</th>
              <th scope="col" class="n">attempts</th>
              <th scope="col">error</th>
            </tr>
          </thead>
          <tbody>
            ${
              rows.length
                ? rows.map(
                    (r) =>
                      html`<tr data-job="${r.ref}">
                        ${act ? html`<td><input type="checkbox" name="ref" value="${r.ref}" aria-label="Select job ${r.name} ${r.id}" /></td>` : ''}
                        <td>${when(r.at)}</td>
                        <td>${r.queue}</td>
                        <td>
                          <a href="/admin/jobs/${encodeURIComponent(r.ref)}">${r.name}</a>
                          ${r.state === 'failed' ? '' : badge(r.state, 'warn')}
                        </td>
                        <td>${r.articleId ? html`<a href="/admin/articles/${r.articleId}">${shortId(r.articleId)}</a>` : ''}</td>
                        <td>${r.sourceSlug ?? ''}</td>
                        <td class="n">${r.attempts}/${r.maxAttempts}</td>
                        <td class="err">${r.reason ?? ''}</td>
                      </tr>`,
                  )
                : html`<tr>
                    <td colspan="${act ? 8 : 7}" class="muted">No ${search.kind} job matches.</td>
                  </tr>`
            }
          </tbody>
        </table>
      </div>
      ${act && rows.length ? html`<p class="pager"><button type="submit" name="action" value="retry">Retry selected</button><button type="submit" name="action" value="discard" class="danger" data-confirm="Discard the selected jobs for good?">Discard selected</button></p>` : ''}
    </form>`;
}

export function jobPage(ctx: PageContext, job: JobDetail): Html {
  return html`<dl class="kv">
      <dt>queue</dt>
      <dd>${job.queue}</dd>
      <dt>job</dt>
      <dd>${job.name} <span class="id">${job.id}</span></dd>
      <dt>state</dt>
      <dd>${badge(job.state)}</dd>
      <dt>attempts</dt>
      <dd>${job.attempts} of ${job.maxAttempts}</dd>
      <dt>queued</dt>
      <dd>${when(job.createdAt)}</dd>
      <dt>started</dt>
      <dd>${when(job.processedAt)}</dd>
      <dt>finished</dt>
      <dd>${when(job.finishedAt)}</dd>
      ${
        job.articleId
          ? html`<dt>article</dt>
              <dd><a href="/admin/articles/${job.articleId}">${job.articleId}</a></dd>`
          : ''
      }
      <dt>source</dt>
      <dd>${job.sourceSlug ?? '–'}</dd>
    </dl>
    <h2>Error</h2>
    <p class="err">${job.reason ?? '–'}</p>
    <h2>Stack</h2>
    ${job.stacktrace.length ? job.stacktrace.map((s) => html`<pre>${s}</pre>`) : html`<p class="muted">none kept</p>`}
    <h2>Payload</h2>
    <pre>${JSON.stringify(job.data, null, 2)}</pre>
    <h2>Options</h2>
    <pre>${JSON.stringify(job.options, null, 2)}</pre>
    ${ctx.access.act ? html`<form class="inline" method="post" action="/admin/jobs/bulk">${csrfField(ctx)}<input type="hidden" name="ref" value="${job.ref}" />${job.state === 'failed' ? html`<button type="submit" name="action" value="retry">Retry</button>` : ''}<button type="submit" name="action" value="discard" class="danger" data-confirm="Discard this job for good?">Discard</button></form>` : ''}`;
}
