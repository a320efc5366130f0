import { DeliveryStatus, SubscriptionStatus } from '@copydesk/contracts';
import type { DeliveryEntity, SubscriptionAttemptStats, SubscriptionEntity } from '@copydesk/database';
import type { SubscriptionDeliveriesView } from '../overview/overview.types';
import { badge, num, percent, shortId, when } from './format';
import { type Html, html, query } from './html';
import { csrfField, type PageContext } from './layout.view';

export interface SubscriptionRow {
  subscription: SubscriptionEntity;
  counts: SubscriptionDeliveriesView | undefined;
  stats: SubscriptionAttemptStats | undefined;
}

const successRate = (stats: SubscriptionAttemptStats | undefined): number | null =>
  stats && stats.attempts ? stats.delivered / stats.attempts : null;
const ms = (value: number | null | undefined): string => (value === null || value === undefined ? '–' : `${Math.round(value)} ms`);

/** Every subscription with its last day: success rate, latency, what is stuck; failing endpoints first. */
export function subscriptionsPage(rows: SubscriptionRow[]): Html {
  const failing = (r: SubscriptionRow): boolean =>
    (r.counts?.dead ?? 0) > 0 || (r.counts?.failed ?? 0) > 0 || (successRate(r.stats) ?? 1) < 0.9;
  const sorted = [...rows].sort((a, b) => Number(failing(b)) - Number(failing(a)));
  return html`<div class="scroll">
    <table id="subscriptions">
      <caption>
        Subscriptions over the last 24 hours (attempts on deliveries created then)
      </caption>
      <thead>
        <tr>
          <th scope="col">subscription</th>
          <th scope="col">status</th>
          <th scope="col" class="n">success</th>
          <th scope="col" class="n">latency avg / p95</th>
          <th scope="col" class="n">pending</th>
          <th scope="col" class="n">failed</th>
          <th scope="col" class="n">dead</th>
          <th scope="col">last failure</th>
        </tr>
      </thead>
      <tbody>
        ${
          sorted.length
            ? sorted.map(
                (r) =>
                  html`<tr data-subscription="${r.subscription.id}">
                    <td>
                      <a href="/admin/subscriptions/${r.subscription.id}">${r.subscription.name ?? r.subscription.url}</a
                      >${failing(r) ? html` ${badge('failing', 'bad')}` : ''}<br /><span class="id muted">${r.subscription.url}</span>
                    </td>
                    <td>${badge(r.subscription.status)}</td>
                    <td class="n">${percent(successRate(r.stats))}</td>
                    <td class="n">${ms(r.stats?.avgLatencyMs)} / ${ms(r.stats?.p95LatencyMs)}</td>
                    <td class="n">${num(r.counts?.pending)}</td>
                    <td class="n">${num(r.counts?.failed)}</td>
                    <td class="n">${num(r.counts?.dead)}</td>
                    <td class="err">
                      ${r.stats?.lastFailureAt ? html`${when(r.stats.lastFailureAt)} ${r.stats.lastStatusCode ? `HTTP ${r.stats.lastStatusCode}` : ''} ${r.stats.lastError ?? ''}` : ''}
                    </td>
                  </tr>`,
              )
            : html`<tr>
                <td colspan="8" class="muted">No subscription.</td>
              </tr>`
        }
      </tbody>
    </table>
  </div>`;
}

export interface DeliveryList {
  status?: string;
  items: DeliveryEntity[];
  nextCursor: string | null;
}

function controls(ctx: PageContext, s: SubscriptionEntity): Html {
  if (!ctx.access.act) return html``;
  const form = (action: string, label: string, extra: Html | string = '', confirm?: string): Html =>
    html`<form
      class="inline"
      method="post"
      action="/admin/subscriptions/${s.id}/${action}"
      ${confirm ? html` data-confirm="${confirm}"` : ''}
    >
      ${csrfField(ctx)}${extra}<button type="submit">${label}</button>
    </form>`;
  return html`<section aria-labelledby="h-controls">
    <h2 id="h-controls">Controls</h2>
    <p>
      ${s.status === SubscriptionStatus.Active ? form('pause', 'Pause subscription') : s.status === SubscriptionStatus.Paused ? form('resume', 'Resume subscription') : form('resume', 'Re-enable subscription')}
      ${form('rotate-secret', 'Rotate secret', '', 'Rotate the signing secret? The old one keeps signing for a day.')}
    </p>
    <form class="filters" method="post" action="/admin/subscriptions/${s.id}/replay">
      ${csrfField(ctx)}
      <label for="replay-since">Created from (UTC)<input id="replay-since" name="since" type="datetime-local" /></label>
      <label for="replay-until">Created before (UTC)<input id="replay-until" name="until" type="datetime-local" /></label>
      <button type="submit">Replay failed and dead deliveries</button>
    </form>
  </section>`;
}

function deliveryRow(ctx: PageContext, d: DeliveryList['items'][number]): Html {
  return html`<tr data-delivery="${d.id}">
    <td>${when(d.createdAt)}</td>
    <td><a href="/admin/articles/${d.articleId}">${shortId(d.articleId)}</a></td>
    <td>${d.event}</td>
    <td>${badge(d.status)}</td>
    <td class="n">${d.attempts}</td>
    <td class="err">${d.lastStatusCode ? `HTTP ${d.lastStatusCode} ` : ''}${d.lastError ?? ''}</td>
    ${ctx.access.act ? html`<td>${d.status === DeliveryStatus.Pending ? '' : html`<form class="inline" method="post" action="/admin/deliveries/${d.id}/replay">${csrfField(ctx)}<button type="submit" aria-label="Replay delivery ${d.id}">Replay</button></form>`}</td>` : ''}
  </tr>`;
}

/** The subscription's deliveries, filtered by status, newest first, keyset pages; replay buttons for keys that act. */
function deliveriesSection(ctx: PageContext, s: SubscriptionEntity, list: DeliveryList): Html {
  const statuses = Object.values(DeliveryStatus);
  return html`<section aria-labelledby="h-deliveries">
    <h2 id="h-deliveries">Deliveries</h2>
    <form class="filters" method="get" action="/admin/subscriptions/${s.id}">
      <label for="status"
        >Status<select id="status" name="status">
          <option value="">any</option>
          ${statuses.map((st) => html`<option value="${st}" ${st === list.status ? html` selected` : ''}>${st}</option>`)}
        </select></label
      ><button type="submit">Show</button>
    </form>
    <div class="scroll">
      <table id="deliveries">
        <thead>
          <tr>
            <th scope="col">created</th>
            <th scope="col">article</th>
            <th scope="col">event</th>
            <th scope="col">status</th>
            <th scope="col" class="n">attempts</th>
            <th scope="col">last answer</th>
            ${ctx.access.act ? html`<th scope="col">replay</th>` : ''}
          </tr>
        </thead>
        <tbody>
          ${
            list.items.length
              ? list.items.map((d) => deliveryRow(ctx, d))
              : html`<tr>
                  <td colspan="7" class="muted">No delivery.</td>
                </tr>`
          }
        </tbody>
      </table>
    </div>
    ${list.nextCursor ? html`<p class="pager"><a href="/admin/subscriptions/${s.id}${query({ status: list.status, cursor: list.nextCursor })}">Older deliveries</a></p>` : ''}
  </section>`;
}

export function subscriptionPage(ctx: PageContext, s: SubscriptionEntity, row: SubscriptionRow, list: DeliveryList, secret?: string): Html {
  return html`<p>
      ${badge(s.status)} · ${s.format} · events ${s.events.join(', ')} ·
      <span class="id">${s.url}</span>${s.disabledReason ? html` · <span class="bad">${s.disabledReason}</span>` : ''}
    </p>
    ${secret ? html`<p class="flash" role="status">New signing secret (shown once, store it now): <code id="new-secret">${secret}</code></p>` : ''}
    <dl class="kv">
      <dt>success (24 h)</dt>
      <dd>${percent(successRate(row.stats))} of ${num(row.stats?.attempts)} attempts</dd>
      <dt>latency avg / p95</dt>
      <dd>${ms(row.stats?.avgLatencyMs)} / ${ms(row.stats?.p95LatencyMs)}</dd>
      <dt>pending · failed · dead</dt>
      <dd>${num(row.counts?.pending)} · ${num(row.counts?.failed)} · ${num(row.counts?.dead)}</dd>
    </dl>
    ${controls(ctx, s)} ${deliveriesSection(ctx, s, list)}`;
}
