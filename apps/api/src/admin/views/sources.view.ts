import type { SourceActivityBucket } from '@copydesk/database';
import type { SourceView } from '../../sources/source.view';
import { badge, num, when } from './format';
import { type Html, html } from './html';
import { csrfField, type PageContext } from './layout.view';

export function sourcesPage(sources: SourceView[]): Html {
  return html`<div class="scroll">
    <table id="sources">
      <caption class="visually-hidden">
        Sources
      </caption>
      <thead>
        <tr>
          <th scope="col">source</th>
          <th scope="col">type</th>
          <th scope="col">state</th>
          <th scope="col">health</th>
          <th scope="col">last success</th>
          <th scope="col">last error</th>
          <th scope="col" class="n">failures in a row</th>
          <th scope="col" class="n">items seen</th>
        </tr>
      </thead>
      <tbody>
        ${sources.map(
          (s) =>
            html`<tr data-source="${s.slug}">
              <td><a href="/admin/sources/${s.id}">${s.slug}</a> <span class="muted">${s.name}</span></td>
              <td>${s.type}</td>
              <td>${s.active ? badge('active') : badge('paused')}</td>
              <td>${badge(s.health.status)}</td>
              <td>${when(s.health.lastSuccessAt)}</td>
              <td class="err">${s.health.lastError ?? ''}</td>
              <td class="n">${s.health.consecutiveFailures}</td>
              <td class="n">${num(s.health.itemsSeen)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** Inputs per hour as a strip: green hours brought copy, red ones had failures, grey ones nothing. */
function activityStrip(buckets: SourceActivityBucket[], since: number, bucketSeconds: number, hours: number): Html {
  const byAt = new Map(buckets.map((b) => [b.at, b]));
  const cells: Html[] = [];
  for (let i = 0; i < hours; i++) {
    const at = since + i * bucketSeconds;
    const b = byAt.get(at);
    const tone = !b ? '' : b.failed ? (b.failed === b.items ? 'bad' : 'warn') : 'ok';
    const label = `${new Date(at * 1000).toISOString().slice(0, 13)}h UTC: ${b ? `${b.items} inputs, ${b.failed} failed` : 'no input'}`;
    cells.push(html`<span class="${tone}" title="${label}"></span>`);
  }
  const total = buckets.reduce((sum, b) => sum + b.items, 0);
  const failed = buckets.reduce((sum, b) => sum + b.failed, 0);
  return html`<div class="strip" role="img" aria-label="Inputs per hour over the last ${hours} hours: ${total} inputs, ${failed} failed">
      ${cells}
    </div>
    <p class="muted">Last ${hours} hours: ${num(total)} inputs, ${num(failed)} failed (each bar an hour, oldest left).</p>`;
}

interface SourceActivity {
  buckets: SourceActivityBucket[];
  since: number;
  bucketSeconds: number;
  hours: number;
}

function healthSection(s: SourceView, activity: SourceActivity): Html {
  return html`<section aria-labelledby="h-health">
    <h2 id="h-health">Health over time</h2>
    ${activityStrip(activity.buckets, activity.since, activity.bucketSeconds, activity.hours)}
    <dl class="kv">
      <dt>last poll</dt>
      <dd>${when(s.health.lastPolledAt)}</dd>
      <dt>last success</dt>
      <dd>${when(s.health.lastSuccessAt)}</dd>
      <dt>failures in a row</dt>
      <dd>${s.health.consecutiveFailures}</dd>
      <dt>next poll</dt>
      <dd>${when(s.health.nextPollAt)}</dd>
      <dt>interval now</dt>
      <dd>
        ${s.schedule.currentIntervalSeconds ?? '–'} s (between ${s.schedule.minIntervalSeconds ?? 'default'} and
        ${s.schedule.maxIntervalSeconds ?? 'default'})
      </dd>
    </dl>
  </section>`;
}

function lastErrorSection(s: SourceView): Html {
  return html`<section aria-labelledby="h-error">
    <h2 id="h-error">Last error</h2>
    ${
      s.health.lastError
        ? html`<p class="err" id="last-error">${s.health.lastError}</p>
            <p class="muted">
              at ${when(s.health.lastErrorAt)}, after ${s.health.consecutiveFailures} failures in a row;
              <a href="/admin/jobs?source=${s.slug}">its failed jobs</a> ·
              <a href="/admin/articles?source=${s.slug}&amp;status=failed">its failed articles</a>
            </p>`
        : html`<p class="muted">None.</p>`
    }
  </section>`;
}

/** Pause or resume, poll now (polled kinds), and the source's own politeness: for keys that may act only. */
function controlsSection(ctx: PageContext, s: SourceView): Html {
  const polled = s.type === 'feed' || s.type === 'sitemap';
  const politeness = s.politeness ?? {};
  return html`<section aria-labelledby="h-controls">
    <h2 id="h-controls">Controls</h2>
    <p>
      ${s.active ? html`<form class="inline" method="post" action="/admin/sources/${s.id}/pause" data-confirm="Pause ${s.slug}? It is not polled until resumed.">${csrfField(ctx)}<button type="submit">Pause source</button></form>` : html`<form class="inline" method="post" action="/admin/sources/${s.id}/resume">${csrfField(ctx)}<button type="submit">Resume source</button></form>`}
      ${polled && s.active ? html`<form class="inline" method="post" action="/admin/sources/${s.id}/poll">${csrfField(ctx)}<button type="submit">Poll now</button></form>` : ''}
    </p>
    <form class="stack" method="post" action="/admin/sources/${s.id}/politeness">
      <h3>Politeness (only ever stricter than the installation's)</h3>
      ${csrfField(ctx)}
      <label for="minIntervalMs"
        >Minimum time between requests (ms)<input
          id="minIntervalMs"
          name="minIntervalMs"
          type="number"
          min="0"
          max="3600000"
          value="${politeness.minIntervalMs ?? ''}"
      /></label>
      <label for="concurrency"
        >Requests at once<input id="concurrency" name="concurrency" type="number" min="1" max="64" value="${politeness.concurrency ?? ''}"
      /></label>
      <button type="submit">Save politeness</button>
    </form>
  </section>`;
}

export function sourcePage(ctx: PageContext, s: SourceView, activity: SourceActivity): Html {
  return html`<p>
      ${s.name} · ${s.type} · ${s.active ? badge('active') : badge('paused')} ·
      ${badge(s.health.status)}${s.url ? html` · <span class="id">${s.url}</span>` : ''}
    </p>
    ${healthSection(s, activity)} ${lastErrorSection(s)} ${ctx.access.act ? controlsSection(ctx, s) : ''}`;
}
