import type { AdminSession } from '../auth/admin-session.service';
import { CSRF_FIELD } from '../auth/admin-auth.guard';
import type { DashboardAccess } from '../auth/dashboard-access';
import { type Html, html } from './html';

/** What every page knows about who is looking. */
export interface PageContext {
  session: AdminSession | null;
  access: DashboardAccess;
  /** The message left by the last action, shown once. */
  flash: string | null;
  path: string;
}

/** The sections, each with what a key needs to see it (a key never sees a link it would get a 403 behind). */
const SECTIONS: Array<[string, string, keyof DashboardAccess]> = [
  ['/admin', 'Overview', 'see'],
  ['/admin/articles', 'Articles', 'see'],
  ['/admin/jobs', 'Jobs', 'see'],
  ['/admin/sources', 'Sources', 'see'],
  ['/admin/subscriptions', 'Subscriptions', 'see'],
  ['/admin/keys', 'Keys', 'manageKeys'],
  ['/admin/audit', 'Audit', 'readAudit'],
];

// htmx: no eval, no inline indicator style (the CSP allows neither), no history cache of pages holding tokens.
const HTMX_CONFIG = JSON.stringify({ includeIndicatorStyles: false, allowEval: false, allowScriptTags: false, historyCacheSize: 0 });

function head(title: string): Html {
  return html`<meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="htmx-config" content="${HTMX_CONFIG}" />
    <title>${title} · Copydesk admin</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/admin/assets/admin.css" />
    <script src="/admin/assets/htmx.min.js" defer></script>
    <script src="/admin/assets/admin.js" defer></script>`;
}

/** The hidden field every form of a signed-in page carries. */
export function csrfField(ctx: PageContext): Html {
  return ctx.session ? html`<input type="hidden" name="${CSRF_FIELD}" value="${ctx.session.csrf}" />` : html``;
}

function nav(ctx: PageContext): Html {
  const current = (href: string): boolean => (href === '/admin' ? ctx.path === '/admin' : ctx.path.startsWith(href));
  return html`<nav aria-label="Sections">
    <ul>
      ${SECTIONS.filter(([, , needs]) => ctx.access[needs]).map(([href, label]) => html`<li><a href="${href}" ${current(href) ? html` aria-current="page"` : ''}>${label}</a></li>`)}
    </ul>
  </nav>`;
}

function account(ctx: PageContext): Html {
  if (!ctx.session) return html``;
  const can = ctx.access.manageKeys ? 'admin' : ctx.access.act ? 'can act' : 'read only';
  return html`<div class="account">
    <span class="muted">${ctx.session.keyLabel} · ${can}</span>
    <form method="post" action="/admin/logout">${csrfField(ctx)}<button type="submit">Log out</button></form>
  </div>`;
}

/** A whole dashboard page: header, navigation, the flash message, then the section's content. */
export function page(ctx: PageContext, title: string, content: Html): string {
  const headers = ctx.session ? JSON.stringify({ 'x-csrf-token': ctx.session.csrf }) : null;
  return html`<!doctype html>
<html lang="en">
<head>
${head(title)}
</head>
<body${headers ? html` hx-headers="${headers}"` : ''}>
<a class="skip" href="#main">Skip to content</a>
<header class="top">
<a class="brand" href="/admin">Copydesk</a>
${nav(ctx)}
${account(ctx)}
</header>
<main id="main">
<h1>${title}</h1>
${ctx.flash ? html`<p class="flash" role="status">${ctx.flash}</p>` : ''}
${content}
</main>
</body>
</html>
`.value;
}

/** A page outside the signed-in area (login, errors before a session). */
export function barePage(title: string, content: Html): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        ${head(title)}
      </head>
      <body class="bare">
        <main id="main">${content}</main>
      </body>
    </html> `.value;
}
