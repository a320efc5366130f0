import { API_SCOPES, ApiScope } from '@copydesk/contracts';
import type { ApiKeyEntity } from '@copydesk/database';
import { badge, when } from './format';
import { type Html, html } from './html';
import { csrfField, type PageContext } from './layout.view';

const SCOPE_HELP: Record<ApiScope, string> = {
  [ApiScope.Ingest]: 'push, scrape and webhooks',
  [ApiScope.Read]: 'articles, search, sources; sees the dashboard',
  [ApiScope.Manage]: 'kill, corrections, sources, subscriptions, replays; acts in the dashboard',
  [ApiScope.Admin]: 'everything, keys and the audit log included',
};

/** A key just created: its secret, on this page only (never stored, never in a flash message or a URL). */
export interface CreatedKey {
  name: string;
  secret: string;
}

function createForm(ctx: PageContext): Html {
  return html`<form class="stack" method="post" action="/admin/keys" id="create-key">
    <h2 id="h-create">Create a key</h2>
    ${csrfField(ctx)}
    <label for="key-name">Name (who uses the key)<input id="key-name" name="name" required maxlength="200" autocomplete="off" /></label>
    <fieldset>
      <legend>Scopes</legend>
      ${API_SCOPES.map(
        (scope) =>
          html`<label class="check" for="scope-${scope}"
            ><input type="checkbox" id="scope-${scope}" name="scopes" value="${scope}" aria-describedby="scope-${scope}-help" /> ${scope}
            <span class="muted" id="scope-${scope}-help">${SCOPE_HELP[scope]}</span></label
          >`,
      )}
    </fieldset>
    <button type="submit">Create key</button>
  </form>`;
}

function created(key: CreatedKey): Html {
  return html`<section class="secret" aria-labelledby="h-secret" role="status">
    <h2 id="h-secret">Key “${key.name}” created</h2>
    <p>Copy it now and store it where its user keeps secrets: it is shown this once and never again.</p>
    <p><code id="new-key">${key.secret}</code></p>
  </section>`;
}

function row(ctx: PageContext, k: ApiKeyEntity): Html {
  const expired = k.expiresAt !== null && k.expiresAt.getTime() <= Date.now();
  const state = k.revokedAt ? badge('revoked', 'bad') : expired ? badge('expired', 'warn') : badge('active', 'ok');
  return html`<tr data-key="${k.id}">
    <td>${k.name} <span class="id muted">${k.keyPrefix}…</span></td>
    <td>${k.scopes.join(', ')}</td>
    <td>${when(k.createdAt)}</td>
    <td>${when(k.lastUsedAt)}</td>
    <td>${when(k.expiresAt)}</td>
    <td>${state}${k.revokedAt ? html` ${when(k.revokedAt)}` : ''}</td>
    <td>
      ${
        k.revokedAt
          ? ''
          : html`<form
              class="inline"
              method="post"
              action="/admin/keys/${k.id}/revoke"
              data-confirm="Revoke the key “${k.name}”? Every request with it is refused from now on; this cannot be undone."
            >
              ${csrfField(ctx)}<button type="submit" class="danger" aria-label="Revoke key ${k.name}">Revoke</button>
            </form>`
      }
    </td>
  </tr>`;
}

/** Every stored key, newest first, revoked ones included (the installation's own key has no row). */
export function keysPage(ctx: PageContext, keys: ApiKeyEntity[], justCreated?: CreatedKey): Html {
  return html`${justCreated ? created(justCreated) : ''}
    <div class="scroll">
      <table id="keys">
        <caption>
          API keys, newest first (the installation's own admin key is not listed: it lives in the environment)
        </caption>
        <thead>
          <tr>
            <th scope="col">name</th>
            <th scope="col">scopes</th>
            <th scope="col">created</th>
            <th scope="col">last used</th>
            <th scope="col">expires</th>
            <th scope="col">state</th>
            <th scope="col">revoke</th>
          </tr>
        </thead>
        <tbody>
          ${
            keys.length
              ? keys.map((k) => row(ctx, k))
              : html`<tr>
                  <td colspan="7" class="muted">No key yet.</td>
                </tr>`
          }
        </tbody>
      </table>
    </div>
    <section aria-labelledby="h-create">${createForm(ctx)}</section>`;
}
