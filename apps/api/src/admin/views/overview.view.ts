import type { FailedArticleView, FailedRawItemView, Overview } from '../overview/overview.types';
import type { Alert } from '../alerts/alert-rules';
import { throughputChart } from './chart.view';
import { badge, num, percent, seconds, shortId, when } from './format';
import { type Html, html } from './html';
import { csrfField, type PageContext } from './layout.view';

function alerts(list: Alert[]): Html {
  if (!list.length) return html`<p class="muted" id="no-alerts">No alerts.</p>`;
  return html`<ul class="alerts">
    ${list.map(
      (a) =>
        html`<li class="alert" data-rule="${a.rule}">
          <strong>${a.severity === 'critical' ? 'Critical' : 'Warning'}: <a href="${a.link}">${a.title}</a></strong> · ${a.detail}
        </li>`,
    )}
  </ul>`;
}

function cards(o: Overview): Html {
  const t = o.throughput;
  return html`<div class="cards">
    <section class="card" aria-labelledby="c-articles">
      <h2 id="c-articles">Articles</h2>
      <p class="big" id="articles-total">${num(o.articles?.total)}</p>
      <dl class="kv">
        ${Object.entries(o.articles?.byStatus ?? {}).map(
          ([status, n]) =>
            html`<dt>${status}</dt>
              <dd class="n" data-status="${status}">${num(n)}</dd>`,
        )}
      </dl>
    </section>
    <section class="card" aria-labelledby="c-throughput">
      <h2 id="c-throughput">Last ${t ? Math.round(t.windowSeconds / 3600) : 3} hours</h2>
      <dl class="kv">
        ${
          t
            ? Object.entries(t.totals).map(
                ([stage, n]) =>
                  html`<dt>${stage}</dt>
                    <dd class="n" data-stage="${stage}">${num(n)}</dd>`,
              )
            : html`<dt>unavailable</dt>
                <dd>${o.errors.throughput ?? ''}</dd>`
        }
      </dl>
    </section>
    <section class="card" aria-labelledby="c-errors">
      <h2 id="c-errors">Error rate, last hour</h2>
      <p class="big" id="error-rate">${percent(t?.errorRate.rate)}</p>
      <p class="muted">${num(t?.errorRate.failed)} of ${num(t?.errorRate.attempts)} job attempts failed</p>
    </section>
    <section class="card" aria-labelledby="c-latency">
      <h2 id="c-latency">Time to publication</h2>
      <dl class="kv">
        <dt>median</dt>
        <dd class="n">${seconds(o.latency?.medianSeconds)}</dd>
        <dt>p95</dt>
        <dd class="n">${seconds(o.latency?.p95Seconds)}</dd>
        <dt>articles (1 h)</dt>
        <dd class="n">${num(o.latency?.articles)}</dd>
      </dl>
    </section>
  </div>`;
}

function queues(ctx: PageContext, o: Overview): Html {
  if (!o.queues) return html`<p class="error">Queues unavailable: ${o.errors.queues ?? ''}</p>`;
  const control = (queue: string, action: string, label: string, confirm?: string): Html =>
    html`<form class="inline" method="post" action="/admin/queues/${queue}/${action}" ${confirm ? html` data-confirm="${confirm}"` : ''}>
      ${csrfField(ctx)}<button type="submit" aria-label="${label} ${queue}">${label}</button>
    </form>`;
  return html`<div class="scroll">
    <table id="queues">
      <caption class="visually-hidden">
        Jobs per queue
      </caption>
      <thead>
        <tr>
          <th scope="col">queue</th>
          <th scope="col">state</th>
          <th scope="col" class="n">waiting</th>
          <th scope="col" class="n">active</th>
          <th scope="col" class="n">delayed</th>
          <th scope="col" class="n">failed</th>
          <th scope="col" class="n">oldest waiting</th>
          <th scope="col" class="n">workers</th>
          ${ctx.access.act ? html`<th scope="col">actions</th>` : ''}
        </tr>
      </thead>
      <tbody>
        ${o.queues.map(
          (q) =>
            html`<tr data-queue="${q.name}">
              <th scope="row">${q.name}</th>
              <td>${q.paused ? badge('paused') : badge('running', 'ok')}</td>
              <td class="n">${num(q.waiting)}</td>
              <td class="n">${num(q.active)}</td>
              <td class="n">${num(q.delayed)}</td>
              <td class="n">${q.failed ? html`<a href="/admin/jobs?queue=${q.name}">${num(q.failed)}</a>` : '0'}</td>
              <td class="n">${seconds(q.oldestWaitingSeconds)}</td>
              <td class="n">${num(q.workers)}</td>
              ${
                ctx.access.act
                  ? html`<td>
                      ${q.paused ? control(q.name, 'resume', 'Resume') : control(q.name, 'pause', 'Pause', `Pause ${q.name}? Workers stop taking its jobs.`)}${q.failed ? control(q.name, 'retry-failed', 'Retry failed') : ''}
                    </td>`
                  : ''
              }
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function sources(o: Overview): Html {
  if (!o.sources) return html`<p class="error">Sources unavailable: ${o.errors.sources ?? ''}</p>`;
  return html`<div class="scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">source</th>
            <th scope="col">health</th>
            <th scope="col">last success</th>
            <th scope="col">last error</th>
            <th scope="col" class="n">failures in a row</th>
          </tr>
        </thead>
        <tbody>
          ${o.sources.slice(0, 12).map(
            (s) =>
              html`<tr>
                <td><a href="/admin/sources/${s.id}">${s.slug}</a>${s.active ? '' : html` ${badge('paused')}`}</td>
                <td>${badge(s.status)}</td>
                <td>${when(s.lastSuccessAt)}</td>
                <td class="err">${s.lastError ?? ''}</td>
                <td class="n">${s.consecutiveFailures}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${o.sources.length > 12 ? html`<p><a href="/admin/sources">All ${o.sources.length} sources</a></p>` : ''}`;
}

function deliveries(o: Overview): Html {
  if (!o.deliveries) return html`<p class="error">Deliveries unavailable: ${o.errors.deliveries ?? ''}</p>`;
  if (!o.deliveries.subscriptions.length) return html`<p class="muted">No subscriptions.</p>`;
  return html`<div class="scroll">
    <table>
      <thead>
        <tr>
          <th scope="col">subscription</th>
          <th scope="col">status</th>
          <th scope="col" class="n">pending</th>
          <th scope="col" class="n">delivered (24 h)</th>
          <th scope="col" class="n">failed</th>
          <th scope="col" class="n">dead</th>
        </tr>
      </thead>
      <tbody>
        ${o.deliveries.subscriptions.map(
          (s) =>
            html`<tr>
              <td><a href="/admin/subscriptions/${s.id}">${s.name ?? s.url}</a></td>
              <td>${badge(s.status)}</td>
              <td class="n">${num(s.pending)}</td>
              <td class="n">${num(s.delivered)}</td>
              <td class="n">${num(s.failed)}</td>
              <td class="n">${num(s.dead)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function failedArticles(articles: FailedArticleView[]): Html {
  return html`<div class="scroll">
    <table>
      <caption>
        Failed articles
      </caption>
      <thead>
        <tr>
          <th scope="col">when</th>
          <th scope="col">source</th>
          <th scope="col">article</th>
          <th scope="col">reason</th>
        </tr>
      </thead>
      <tbody>
        ${
          articles.length
            ? articles.map(
                (a) =>
                  html`<tr>
                    <td>${when(a.failedAt)}</td>
                    <td>${a.source}</td>
                    <td><a href="/admin/articles/${a.id}">${a.title ?? a.url ?? shortId(a.id)}</a></td>
                    <td class="err">${a.failureReason ?? ''}</td>
                  </tr>`,
              )
            : html`<tr>
                <td colspan="4" class="muted">none</td>
              </tr>`
        }
      </tbody>
    </table>
  </div>`;
}

function failedInputs(rawItems: FailedRawItemView[]): Html {
  return html`<div class="scroll">
    <table>
      <caption>
        Failed inputs
      </caption>
      <thead>
        <tr>
          <th scope="col">received</th>
          <th scope="col">source</th>
          <th scope="col">input</th>
          <th scope="col" class="n">attempts</th>
          <th scope="col">error</th>
        </tr>
      </thead>
      <tbody>
        ${
          rawItems.length
            ? rawItems.map(
                (r) =>
                  html`<tr>
                    <td>${when(r.receivedAt)}</td>
                    <td>${r.source}</td>
                    <td>
                      ${r.articleId ? html`<a href="/admin/articles/${r.articleId}#raw-${r.id}">${r.origin} ${shortId(r.id)}</a>` : html`${r.origin} <span class="id">${shortId(r.id)}</span>`}
                    </td>
                    <td class="n">${r.attempts}</td>
                    <td class="err">${r.error ?? ''}</td>
                  </tr>`,
              )
            : html`<tr>
                <td colspan="5" class="muted">none</td>
              </tr>`
        }
      </tbody>
    </table>
  </div>`;
}

function failures(o: Overview): Html {
  if (!o.failures) return html`<p class="error">Failures unavailable: ${o.errors.failures ?? ''}</p>`;
  return html`<div class="grid2">${failedArticles(o.failures.articles)} ${failedInputs(o.failures.rawItems)}</div>`;
}

/** The live part of the overview, re-read by htmx every 10 s. */
export function overviewLive(ctx: PageContext, o: Overview): Html {
  return html`<div id="live" hx-get="/admin/overview/live" hx-trigger="every 10s" hx-swap="outerHTML">
    <section aria-labelledby="h-alerts">
      <h2 id="h-alerts">Alerts</h2>
      ${alerts(o.alerts)}
    </section>
    ${cards(o)}
    <section aria-labelledby="h-chart">
      <h2 id="h-chart">Throughput per stage</h2>
      ${o.throughput ? throughputChart(o.throughput.buckets, o.throughput.totals) : html`<p class="error">${o.errors.throughput ?? 'unavailable'}</p>`}
    </section>
    <section aria-labelledby="h-queues">
      <h2 id="h-queues">Queues</h2>
      ${queues(ctx, o)}
    </section>
    <div class="grid2">
      <section aria-labelledby="h-sources">
        <h2 id="h-sources">Sources</h2>
        ${sources(o)}
      </section>
      <section aria-labelledby="h-deliveries">
        <h2 id="h-deliveries">Deliveries</h2>
        ${deliveries(o)}
      </section>
    </div>
    <section aria-labelledby="h-failures">
      <h2 id="h-failures">Recent failures (24 h)</h2>
      ${failures(o)}
    </section>
    <p class="muted">
      Read ${when(o.generatedAt)} · refreshed every 10 s · <a href="/admin/api/overview">JSON</a> · <a href="/health">health</a> ·
      <a href="/metrics">metrics</a> · <a href="/docs">API docs</a>
    </p>
  </div>`;
}
