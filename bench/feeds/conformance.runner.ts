import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ParsedFeed } from '@copydesk/feeds';
import { FeedParseError, formatUtc, parseFeed, parseFeedDate } from '@copydesk/feeds';

import type { Check, View } from './check.evaluator';
import { evaluate } from './check.evaluator';
import { decodeFeedBody } from './decode-feed-body';
import { FEEDPARSER_ALIASES, feedparserView } from './feedparser.view';
import { jsonFeedView } from './jsonfeed.view';
import { knownReason } from './known-differences';
import { minifluxView } from './miniflux.view';

export const CORPORA = ['feedparser', 'miniflux', 'jsonfeed', 'date-strings'] as const;
export type CorpusName = (typeof CORPORA)[number];

export interface CheckOutcome {
  readonly file: string;
  readonly group: string;
  readonly field: string;
  readonly op: string;
  readonly expected: unknown;
  readonly actual: unknown;
  readonly passed: boolean;
  /** Why it fails, when known (the case's own note, or a documented difference). */
  readonly reason?: string;
}

export interface GroupTally {
  passed: number;
  failed: number;
}

export interface ConformanceReport {
  readonly corpus: CorpusName;
  readonly dir: string;
  readonly passed: number;
  readonly failed: number;
  readonly groups: Readonly<Record<string, GroupTally>>;
  readonly failures: readonly CheckOutcome[];
  /** Cases left out because their expectations are only partly translated. */
  readonly skippedCases: number;
}

interface CaseBase {
  readonly file: string;
  readonly group?: string;
  readonly checks: readonly Check[];
  readonly fully_translated?: boolean;
  readonly requires?: string;
}

interface FeedparserCase extends CaseBase {
  readonly http?: { readonly url: string; readonly content_type?: string; readonly headers?: Readonly<Record<string, string>> };
}

interface MinifluxCase extends CaseBase {
  readonly feed_url: string;
  readonly expect_error: boolean;
}

interface DateCase {
  readonly parser: string;
  readonly input: string;
  readonly expected_utc: string | null;
}

/** What one case produced: a view to check, whether it parsed, and why not. */
interface CaseRun {
  readonly view: View;
  readonly parsed: boolean;
  readonly error: string | null;
}

function tryParse(text: string, url: string, contentType?: string): { feed: ParsedFeed | null; error: string | null; crashed: boolean } {
  try {
    return { feed: parseFeed(text, { url, ...(contentType ? { contentType } : {}) }), error: null, crashed: false };
  } catch (err) {
    if (err instanceof FeedParseError) return { feed: null, error: `${err.code}: ${err.message}`, crashed: false };
    return { feed: null, error: String(err instanceof Error ? err.stack : err), crashed: true };
  }
}

/** The document's base URL: Content-Location resolved against the request URL, unless it is unusable or unsafe. */
function documentUrl(requestUrl: string, contentLocation: string | undefined): string {
  if (!contentLocation) return requestUrl;
  try {
    const resolved = new URL(contentLocation, requestUrl);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : requestUrl;
  } catch {
    return requestUrl;
  }
}

function runFeedparserCase(dir: string, c: FeedparserCase): CaseRun {
  const bytes = readFileSync(join(dir, c.file));
  const headers = c.http?.headers ?? {};
  const decoded = decodeFeedBody(bytes, { contentType: c.http?.content_type, http: c.http !== undefined });
  const location = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-location')?.[1];
  const url = c.http ? documentUrl(c.http.url, location) : '';
  const { feed, error, crashed } = tryParse(decoded.text, url, c.http?.content_type);
  return { view: feedparserView(feed, decoded.suspicious, decoded.encoding), parsed: !crashed, error };
}

function runMinifluxCase(dir: string, c: MinifluxCase): CaseRun {
  const decoded = decodeFeedBody(readFileSync(join(dir, c.file)), { http: false });
  const { feed, error } = tryParse(decoded.text, c.feed_url);
  return { view: feed ? minifluxView(feed, c.feed_url) : {}, parsed: feed !== null, error };
}

function runJsonFeedCase(dir: string, c: CaseBase): CaseRun {
  const decoded = decodeFeedBody(readFileSync(join(dir, c.file)), { http: false });
  const { feed, error } = tryParse(decoded.text, '');
  return { view: feed ? jsonFeedView(feed) : {}, parsed: feed !== null, error };
}

class Tally {
  readonly groups: Record<string, GroupTally> = {};
  readonly failures: CheckOutcome[] = [];
  passed = 0;
  failed = 0;

  add(outcome: CheckOutcome): void {
    const group = (this.groups[outcome.group] ??= { passed: 0, failed: 0 });
    if (outcome.passed) {
      group.passed++;
      this.passed++;
    } else {
      group.failed++;
      this.failed++;
      this.failures.push(outcome);
    }
  }
}

function loadCases<T>(dir: string, file: string): T[] {
  const doc = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { cases?: T[] };
  return doc.cases ?? [];
}

function runCheckedCorpus(
  corpus: CorpusName,
  dir: string,
  run: (c: CaseBase & Partial<MinifluxCase>) => CaseRun,
  include: CaseFilter,
): ConformanceReport {
  const tally = new Tally();
  let skippedCases = 0;
  for (const c of loadCases<CaseBase & Partial<MinifluxCase>>(dir, 'expectations.json')) {
    if (!include(c.file)) continue;
    if (c.fully_translated === false) {
      skippedCases++;
      continue;
    }
    const group = c.group ?? corpus;
    const result = run(c);
    const why = (field: string, fallback: string | null, actual?: unknown): string =>
      knownReason(corpus, c.file, field) ??
      c.requires ??
      fallback ??
      (actual === '(missing)' ? 'not produced: the parser has no value for this field here' : 'the parser produced a different value');
    if (c.expect_error !== undefined) {
      // An expected failure to parse is part of what the case checks.
      const errored = result.error !== null;
      if (c.expect_error || errored) {
        tally.add({
          file: c.file,
          group,
          field: '(parse error)',
          op: 'eq',
          expected: c.expect_error,
          actual: errored,
          passed: errored === c.expect_error,
          reason: why('(parse error)', result.error),
        });
      }
    }
    for (const check of c.checks) {
      const { passed, actual } = evaluate(check, result.view, result.parsed, corpus === 'feedparser' ? FEEDPARSER_ALIASES : {});
      const field = check.field ?? '(document)';
      tally.add({
        file: c.file,
        group,
        field,
        op: check.op,
        expected: check.expected,
        actual,
        passed,
        reason: passed ? undefined : why(field, result.error, actual),
      });
    }
  }
  return { corpus, dir, passed: tally.passed, failed: tally.failed, groups: tally.groups, failures: tally.failures, skippedCases };
}

function runDateStrings(dir: string, include: CaseFilter): ConformanceReport {
  const tally = new Tally();
  for (const c of loadCases<DateCase>(dir, 'date_strings.json')) {
    if (!include(c.input)) continue;
    const date = parseFeedDate(c.input);
    const actual = date ? formatUtc(date) : null;
    const passed = actual === c.expected_utc;
    const reason =
      knownReason('date-strings', c.input, 'utc') ??
      (actual === null ? 'not recognised as a date' : c.expected_utc === null ? 'should be rejected' : 'read as a different instant');
    tally.add({
      file: JSON.stringify(c.input),
      group: c.parser,
      field: 'utc',
      op: 'eq',
      expected: c.expected_utc,
      actual,
      passed,
      ...(passed ? {} : { reason }),
    });
  }
  return {
    corpus: 'date-strings',
    dir,
    passed: tally.passed,
    failed: tally.failed,
    groups: tally.groups,
    failures: tally.failures,
    skippedCases: 0,
  };
}

/** Which cases to run, by case file (or date string); all by default. */
export type CaseFilter = (key: string) => boolean;

/** Runs one corpus directory (laid out like ../shared/corpora/<corpus>/dev) and tallies its checks. */
export function runConformance(corpus: CorpusName, dir: string, include: CaseFilter = () => true): ConformanceReport {
  switch (corpus) {
    case 'feedparser':
      return runCheckedCorpus(corpus, dir, (c) => runFeedparserCase(dir, c), include);
    case 'miniflux':
      return runCheckedCorpus(corpus, dir, (c) => runMinifluxCase(dir, c as MinifluxCase), include);
    case 'jsonfeed':
      return runCheckedCorpus(corpus, dir, (c) => runJsonFeedCase(dir, c), include);
    case 'date-strings':
      return runDateStrings(dir, include);
  }
}

/** Share of checks passed, 0–1 (1 for an empty corpus). */
export function passRate(report: ConformanceReport): number {
  const total = report.passed + report.failed;
  return total === 0 ? 1 : report.passed / total;
}

const show = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
};

/** Human-readable report; its last line is `<corpus>: N passed, M failed`. */
export function formatReport(report: ConformanceReport): string {
  const lines = [
    `== ${report.corpus} (${report.dir})${report.skippedCases ? `: ${report.skippedCases} partly translated cases skipped` : ''}`,
  ];
  for (const [group, { passed, failed }] of Object.entries(report.groups).sort(([a], [b]) => a.localeCompare(b))) {
    const pct = ((100 * passed) / (passed + failed)).toFixed(1);
    lines.push(`  ${group.padEnd(24)} ${String(passed).padStart(4)}/${String(passed + failed).padEnd(4)} ${pct.padStart(5)}%`);
  }
  lines.push(
    `  ${'total'.padEnd(24)} ${String(report.passed).padStart(4)}/${String(report.passed + report.failed).padEnd(4)} ${(100 * passRate(report)).toFixed(1).padStart(5)}%`,
  );
  if (report.failures.length > 0) {
    lines.push('failures:');
    for (const f of report.failures) {
      lines.push(`  [${f.group}] ${f.file} :: ${f.field} ${f.op} ${show(f.expected)}, got ${show(f.actual)}`);
      if (f.reason) lines.push(`      why: ${f.reason.split('\n')[0]}`);
    }
  }
  lines.push(`${report.corpus}: ${report.passed} passed, ${report.failed} failed`);
  return lines.join('\n');
}
