import { AuditAction } from '@copydesk/contracts';
import type { AuditEntryEntity } from '@copydesk/database';
import { shortId, when } from './format';
import { type Html, html, query } from './html';

/** The filters as the form sends them back: times are the form's own (UTC, `datetime-local`). */
export interface AuditSearch {
  actor?: string;
  action?: AuditAction;
  target?: string;
  from?: string;
  to?: string;
}

const TARGET_PAGES: Record<string, string> = {
  article: '/admin/articles/',
  source: '/admin/sources/',
  subscription: '/admin/subscriptions/',
  'api-key': '/admin/keys#',
};

function searchForm(s: AuditSearch): Html {
  return html`<form class="filters" method="get" action="/admin/audit" role="search" aria-label="Filter the audit log">
    <label for="actor">Actor (key name or id)<input id="actor" name="actor" value="${s.actor ?? ''}" maxlength="200" /></label>
    <label for="action"
      >Action<select id="action" name="action">
        <option value="">any</option>
        ${Object.values(AuditAction).map((a) => html`<option value="${a}" ${a === s.action ? html` selected` : ''}>${a}</option>`)}
      </select></label
    >
    <label for="target">Target id<input id="target" name="target" value="${s.target ?? ''}" maxlength="300" size="36" /></label>
    <label for="from">From (UTC)<input id="from" name="from" type="datetime-local" value="${s.from ?? ''}" /></label>
    <label for="to">Before (UTC)<input id="to" name="to" type="datetime-local" value="${s.to ?? ''}" /></label>
    <button type="submit">Filter</button>
    <a href="/admin/audit">Clear</a>
  </form>`;
}

function target(entry: AuditEntryEntity): Html {
  if (!entry.targetId) return html`${entry.targetType}`;
  const base = TARGET_PAGES[entry.targetType];
  const label = html`${entry.targetType} <span class="id">${shortId(entry.targetId)}</span>`;
  // A bulk action's target is several ids: no single page to link to.
  return base && !entry.targetId.includes(' ') ? html`<a href="${base}${entry.targetId}" title="${entry.targetId}">${label}</a>` : label;
}

/** Details as `key: value` text (they never hold secrets or article text: the writers see to that). */
function details(entry: AuditEntryEntity): string {
  return Object.entries(entry.details ?? {})
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ');
}

/** One page of the audit log, newest first, with a link to the next (older) page keeping the filters. */
export function auditPage(search: AuditSearch, entries: AuditEntryEntity[], olderThan: string | null, paged: boolean): Html {
  return html`${searchForm(search)}
    <div class="scroll">
      <table id="audit">
        <caption class="visually-hidden">
          Audit log, newest first
        </caption>
        <thead>
          <tr>
            <th scope="col">when</th>
            <th scope="col">actor</th>
            <th scope="col">action</th>
            <th scope="col">target</th>
            <th scope="col">details</th>
            <th scope="col">correlation id</th>
          </tr>
        </thead>
        <tbody>
          ${
            entries.length
              ? entries.map(
                  (e) =>
                    html`<tr data-audit="${e.id}" data-action="${e.action}">
                      <td>${when(e.at)}</td>
                      <td>${e.actor}</td>
                      <td>${e.action}</td>
                      <td>${target(e)}</td>
                      <td class="details">${details(e)}</td>
                      <td class="id">${e.correlationId ?? ''}</td>
                    </tr>`,
                )
              : html`<tr>
                  <td colspan="6" class="muted">No entry matches.</td>
                </tr>`
          }
        </tbody>
      </table>
    </div>
    <p class="pager">
      ${paged ? html`<a href="/admin/audit${query({ ...search })}">Newest entries</a>` : ''}
      ${olderThan ? html`<a href="/admin/audit${query({ ...search, before: olderThan })}" rel="next">Older entries</a>` : ''}
    </p>`;
}
