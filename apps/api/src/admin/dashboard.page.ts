import { createHash } from 'node:crypto';
import { ADMIN_ACTION_HEADER } from './admin-auth.guard';

/*
 * The admin dashboard: one self-contained page (no build step, nothing fetched from elsewhere). The script reads
 * /admin/api/overview every 5 s with the credentials the browser already holds, and builds every cell with
 * textContent: titles, URLs and errors come from feeds and partners, so none of it is ever parsed as HTML.
 */

const STYLE = `
:root { color-scheme: light dark; --bg: #fff; --fg: #1d2430; --muted: #6a7383; --line: #e3e6eb; --card: #f7f8fa;
  --ok: #1a7f37; --warn: #9a6700; --bad: #cf222e; --idle: #6a7383; --accent: #0969da; }
@media (prefers-color-scheme: dark) { :root { --bg: #0f1217; --fg: #d8dee9; --muted: #8b94a3; --line: #262c36; --card: #161b22;
  --ok: #3fb950; --warn: #d29922; --bad: #f85149; --idle: #8b94a3; --accent: #58a6ff; } }
* { box-sizing: border-box; }
body { margin: 0; padding: 12px 16px 24px; background: var(--bg); color: var(--fg); font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; }
header { display: flex; align-items: baseline; gap: 12px; flex-wrap: wrap; border-bottom: 1px solid var(--line); padding-bottom: 8px; }
h1 { font-size: 16px; margin: 0; }
h2 { font-size: 13px; margin: 18px 0 6px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
nav { margin-left: auto; display: flex; gap: 12px; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
.muted { color: var(--muted); }
#banner { display: none; margin: 8px 0 0; padding: 6px 10px; border: 1px solid var(--bad); border-radius: 4px; color: var(--bad); }
#banner.shown { display: block; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 12px; margin-top: 12px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
.card h2 { margin-top: 0; }
.big { font-size: 22px; font-variant-numeric: tabular-nums; }
.kv { display: grid; grid-template-columns: auto 1fr; gap: 0 12px; }
.kv span:nth-child(even) { text-align: right; font-variant-numeric: tabular-nums; }
#spark { display: block; width: 100%; height: 48px; color: var(--accent); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; color: var(--muted); white-space: nowrap; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td.err { max-width: 48ch; overflow-wrap: anywhere; color: var(--bad); }
td.id { font-family: ui-monospace, monospace; font-size: 12px; white-space: nowrap; }
.badge { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 12px; border: 1px solid currentColor; }
.healthy, .active, .running { color: var(--ok); }
.failing, .paused { color: var(--warn); }
.unhealthy, .disabled, .hot { color: var(--bad); }
.idle { color: var(--idle); }
button { font: inherit; font-size: 12px; padding: 1px 8px; margin-right: 4px; cursor: pointer; border: 1px solid var(--line); border-radius: 4px; background: var(--card); color: var(--fg); }
button:disabled { cursor: default; opacity: .5; }
.grid2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 12px; }
`;

const SCRIPT = `
'use strict';
const OVERVIEW = '/admin/api/overview';
const REFRESH_MS = 5000;
const STATUSES = ['received', 'extracted', 'enriched', 'published', 'failed', 'killed'];
const $ = (id) => document.getElementById(id);

function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(child == null ? '' : String(child)));
  return node;
}
const num = (n) => (n == null ? '–' : Number(n).toLocaleString());
function cell(text, className, title) {
  const td = el('td', className, text);
  if (title) td.title = title;
  return td;
}
function badge(text, className) {
  return el('span', 'badge ' + (className || text), text);
}
function when(iso) {
  if (!iso) return cell('–', 'muted');
  const seconds = Math.round((Date.parse(iso) - Date.now()) / 1000);
  const abs = Math.abs(seconds);
  const span = abs < 60 ? abs + 's' : abs < 3600 ? Math.round(abs / 60) + 'm' : abs < 86400 ? Math.round(abs / 3600) + 'h' : Math.round(abs / 86400) + 'd';
  return cell(seconds >= 1 ? 'in ' + span : seconds > -1 ? 'now' : span + ' ago', '', new Date(iso).toLocaleString());
}
function duration(seconds) {
  if (seconds == null) return '–';
  return seconds < 10 ? seconds.toFixed(1) + ' s' : seconds < 120 ? Math.round(seconds) + ' s' : (seconds / 60).toFixed(1) + ' min';
}
function fill(id, rows, columns) {
  $(id).replaceChildren(...(rows.length ? rows : [el('tr', '', cell('none', 'muted'))]));
  if (!rows.length) $(id).firstChild.firstChild.colSpan = columns;
}
function unavailable(id, columns, why) {
  const td = cell('unavailable: ' + why, 'err');
  td.colSpan = columns;
  $(id).replaceChildren(el('tr', '', td));
}

async function act(queue, action, question) {
  if (question && !window.confirm(question)) return;
  try {
    const response = await fetch('/admin/api/queues/' + encodeURIComponent(queue) + '/' + action, {
      method: 'POST', credentials: 'same-origin', headers: { '${ADMIN_ACTION_HEADER}': '1' },
    });
    if (!response.ok) throw new Error((await response.json().catch(() => ({}))).detail || 'HTTP ' + response.status);
    await refresh();
  } catch (err) {
    showBanner(queue + ': ' + action + ' failed: ' + err.message);
  }
}
function button(label, onClick, disabled) {
  const b = el('button', '', label);
  b.type = 'button';
  b.disabled = Boolean(disabled);
  b.addEventListener('click', onClick);
  return b;
}

function renderQueues(queues, why) {
  if (!queues) return unavailable('queues', 9, why);
  fill('queues', queues.map((q) => el('tr', '',
    cell(q.name),
    el('td', '', q.paused ? badge('paused') : badge('running')),
    cell(num(q.waiting), 'n'), cell(num(q.active), 'n'), cell(num(q.delayed), 'n'),
    cell(num(q.failed), q.failed ? 'n hot' : 'n'), cell(num(q.completed), 'n'), cell(num(q.workers), 'n'),
    el('td', '',
      q.paused
        ? button('Resume', () => act(q.name, 'resume'))
        : button('Pause', () => act(q.name, 'pause', 'Pause the ' + q.name + ' queue? Workers finish their current jobs and take no more.')),
      button('Retry failed', () => act(q.name, 'retry-failed', 'Retry the ' + q.failed + ' failed jobs of ' + q.name + '?'), !q.failed)),
  )), 9);
}

function renderArticles(articles, why) {
  const box = $('articles');
  if (!articles) return box.replaceChildren(el('span', 'err', 'unavailable: ' + why));
  const items = [];
  for (const status of STATUSES) items.push(el('span', status === 'failed' && articles.byStatus[status] ? 'unhealthy' : '', status), el('span', '', num(articles.byStatus[status])));
  items.push(el('span', 'muted', 'total'), el('span', 'muted', num(articles.total)));
  box.replaceChildren(...items);
}

function renderIngest(ingest, why) {
  if (!ingest) {
    $('ingest-total').textContent = '–';
    $('ingest-note').textContent = 'unavailable: ' + why;
    return;
  }
  const counts = ingest.buckets.map((b) => b.items);
  const peak = Math.max(1, ...counts);
  const width = 288, height = 48, step = counts.length > 1 ? width / (counts.length - 1) : width;
  const points = counts.map((n, i) => (i * step).toFixed(1) + ',' + (height - 2 - (n / peak) * (height - 4)).toFixed(1)).join(' ');
  $('spark-line').setAttribute('points', points);
  $('spark-area').setAttribute('points', '0,' + height + ' ' + points + ' ' + width + ',' + height);
  $('spark-title').textContent = 'Inputs per ' + ingest.bucketSeconds / 60 + ' min, peak ' + Math.max(0, ...counts);
  $('ingest-total').textContent = num(ingest.total);
  const last = counts.length > 1 ? counts[counts.length - 2] : 0;
  $('ingest-note').textContent = 'in ' + ingest.windowSeconds / 3600 + ' h · ' + num(last) + ' in the last full ' + ingest.bucketSeconds / 60 + ' min · peak ' + num(Math.max(0, ...counts));
}

function renderLatency(latency, why) {
  if (!latency) {
    $('latency-median').textContent = '–';
    $('latency-note').textContent = 'unavailable: ' + why;
    return;
  }
  $('latency-median').textContent = duration(latency.medianSeconds);
  $('latency-p95').textContent = duration(latency.p95Seconds);
  $('latency-note').textContent = num(latency.articles) + ' articles published in the last ' + latency.windowSeconds / 60 + ' min';
}

function renderSources(sources, why) {
  if (!sources) return unavailable('sources', 8, why);
  fill('sources', sources.map((s) => el('tr', '',
    cell(s.slug, '', s.name), cell(s.type),
    el('td', '', badge(s.active ? s.status : 'inactive', s.active ? s.status : 'idle')),
    when(s.lastSuccessAt), cell(s.lastError || '', 'err'), when(s.lastErrorAt),
    cell(num(s.consecutiveFailures), s.consecutiveFailures ? 'n hot' : 'n'), when(s.nextPollAt),
  )), 8);
}

function renderDeliveries(deliveries, why) {
  if (!deliveries) return unavailable('deliveries', 7, why);
  $('delivered-window').textContent = 'delivered ' + deliveries.windowSeconds / 3600 + ' h';
  fill('deliveries', deliveries.subscriptions.map((s) => el('tr', '',
    cell(s.name || s.url, '', s.url),
    el('td', '', badge(s.status), s.disabledReason ? el('span', 'muted', ' ' + s.disabledReason) : ''),
    cell(num(s.pending), 'n'), cell(num(s.delivered), 'n'),
    cell(num(s.failed), s.failed ? 'n hot' : 'n'), cell(num(s.dead), s.dead ? 'n hot' : 'n'),
    cell(s.id, 'id'),
  )), 7);
}

function renderFailures(failures, why) {
  if (!failures) {
    unavailable('failed-articles', 4, why);
    return unavailable('failed-inputs', 5, why);
  }
  $('failures-window').textContent = '(inputs received in the last ' + failures.windowSeconds / 3600 + ' h)';
  fill('failed-articles', failures.articles.map((a) => el('tr', '',
    when(a.failedAt), cell(a.source), cell(a.title || a.url || '(untitled)', '', a.id), cell(a.failureReason || '', 'err'),
  )), 4);
  fill('failed-inputs', failures.rawItems.map((r) => el('tr', '',
    when(r.receivedAt), cell(r.source), cell(r.origin, '', r.url || r.id), cell(num(r.attempts), 'n'), cell(r.error || '', 'err'),
  )), 5);
}

function showBanner(text) {
  $('banner').textContent = text;
  $('banner').className = text ? 'shown' : '';
}

function render(o) {
  const why = (section) => o.errors[section] || 'no data';
  renderQueues(o.queues, why('queues'));
  renderArticles(o.articles, why('articles'));
  renderIngest(o.ingest, why('ingest'));
  renderLatency(o.latency, why('latency'));
  renderSources(o.sources, why('sources'));
  renderDeliveries(o.deliveries, why('deliveries'));
  renderFailures(o.failures, why('failures'));
  const broken = Object.keys(o.errors);
  showBanner(broken.length ? 'Some figures could not be read: ' + broken.map((s) => s + ' (' + o.errors[s] + ')').join('; ') : '');
  $('updated').textContent = 'updated ' + new Date(o.generatedAt).toLocaleTimeString();
  const trouble = (o.queues || []).some((q) => q.failed) || (o.sources || []).some((s) => s.status === 'unhealthy');
  document.title = (trouble ? '! ' : '') + 'Copydesk admin';
}

let timer = null;
async function refresh() {
  clearTimeout(timer);
  try {
    const response = await fetch(OVERVIEW, { credentials: 'same-origin', headers: { accept: 'application/json' }, cache: 'no-store' });
    if (!response.ok) throw new Error((await response.json().catch(() => ({}))).detail || 'HTTP ' + response.status);
    render(await response.json());
  } catch (err) {
    showBanner('Could not refresh: ' + err.message);
  } finally {
    timer = setTimeout(refresh, document.hidden ? REFRESH_MS * 6 : REFRESH_MS);
  }
}
document.addEventListener('visibilitychange', () => { if (!document.hidden) refresh(); });
refresh();
`;

const BODY = `
<header>
  <h1>Copydesk admin</h1>
  <span id="updated" class="muted">loading…</span>
  <nav><a href="/docs">API docs</a><a href="/health">Health</a><a href="/metrics">Metrics</a><a href="/admin/api/overview">JSON</a></nav>
</header>
<div id="banner" role="alert"></div>

<div class="cards">
  <div class="card"><h2>Articles by status</h2><div id="articles" class="kv"></div></div>
  <div class="card">
    <h2>Ingest</h2>
    <span id="ingest-total" class="big">–</span> <span id="ingest-note" class="muted"></span>
    <svg id="spark" viewBox="0 0 288 48" preserveAspectRatio="none" role="img" aria-labelledby="spark-title">
      <title id="spark-title">Inputs per 5 min</title>
      <polyline id="spark-area" points="" fill="currentColor" fill-opacity="0.12" stroke="none"></polyline>
      <polyline id="spark-line" points="" fill="none" stroke="currentColor" stroke-width="1.5" vector-effect="non-scaling-stroke"></polyline>
    </svg>
  </div>
  <div class="card">
    <h2>Pipeline latency</h2>
    <div class="kv"><span>median</span><span id="latency-median" class="big">–</span><span>p95</span><span id="latency-p95">–</span></div>
    <div id="latency-note" class="muted"></div>
  </div>
</div>

<h2>Queues</h2>
<table>
  <thead><tr><th>queue</th><th>state</th><th class="n">waiting</th><th class="n">active</th><th class="n">delayed</th><th class="n">failed</th><th class="n">completed</th><th class="n">workers</th><th></th></tr></thead>
  <tbody id="queues"></tbody>
</table>

<h2>Sources</h2>
<table>
  <thead><tr><th>source</th><th>type</th><th>health</th><th>last success</th><th>last error</th><th>when</th><th class="n">failures in a row</th><th>next poll</th></tr></thead>
  <tbody id="sources"></tbody>
</table>

<h2>Deliveries</h2>
<table>
  <thead><tr><th>subscription</th><th>status</th><th class="n">pending</th><th class="n" id="delivered-window">delivered</th><th class="n">failed</th><th class="n">dead</th><th>id</th></tr></thead>
  <tbody id="deliveries"></tbody>
</table>

<h2>Recent failures <span id="failures-window" class="muted"></span></h2>
<div class="grid2">
  <table>
    <thead><tr><th>failed</th><th>source</th><th>article</th><th>reason</th></tr></thead>
    <tbody id="failed-articles"></tbody>
  </table>
  <table>
    <thead><tr><th>received</th><th>source</th><th>input</th><th class="n">attempts</th><th>error</th></tr></thead>
    <tbody id="failed-inputs"></tbody>
  </table>
</div>
`;

export const DASHBOARD_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Copydesk admin</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
${BODY}
<script>${SCRIPT}</script>
</body>
</html>
`;

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * Only this page's own script and style run, it talks only to this origin, and no other site may frame it
 * (it holds buttons that pause queues).
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  `script-src ${sha256(SCRIPT)}`,
  `style-src ${sha256(STYLE)}`,
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
