import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { CaseFilter, ConformanceReport, CorpusName } from './conformance.runner';
import { CORPORA, formatReport, passRate, runConformance } from './conformance.runner';

/** The dev corpora in ../shared (npm scripts run from the repository root). */
const SHARED_CORPORA = resolve(process.cwd(), '..', 'shared', 'corpora');
const DEV_DIRS: Readonly<Record<CorpusName, string>> = {
  feedparser: 'feeds/dev',
  miniflux: 'miniflux/dev',
  jsonfeed: 'jsonfeed/dev',
  'date-strings': 'feed-date-strings/dev',
};

/** FNV-1a of a case key: a stable half of each corpus (`tuning`) and the other (`held-back`). */
function part(key: string): 'tuning' | 'held-back' {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % 2 === 0 ? 'tuning' : 'held-back';
}

const inPart =
  (name: 'tuning' | 'held-back'): CaseFilter =>
  (key) =>
    part(key) === name;

const rate = (report: ConformanceReport): string =>
  `${(100 * passRate(report)).toFixed(1)} % (${report.passed}/${report.passed + report.failed})`;

/** Every dev corpus: the full report, then one line with the whole, tuning-part and held-back-part pass rates. */
function runAll(): number {
  const missing = CORPORA.filter((corpus) => !existsSync(join(SHARED_CORPORA, DEV_DIRS[corpus])));
  if (missing.length > 0) {
    process.stderr.write(
      `bench:feeds needs the dev corpora in ${SHARED_CORPORA}; missing: ${missing.map((c) => DEV_DIRS[c]).join(', ')}\n`,
    );
    return 1;
  }
  const summary: string[] = ['', '== Feed conformance, dev corpora (split by a hash of the case name) ==', ''];
  summary.push(`${'corpus'.padEnd(14)} ${'all'.padEnd(20)} ${'tuning part'.padEnd(20)} held-back part`);
  for (const corpus of CORPORA) {
    const dir = join(SHARED_CORPORA, DEV_DIRS[corpus]);
    const all = runConformance(corpus, dir);
    process.stdout.write(`${formatReport(all)}\n\n`);
    const tuning = runConformance(corpus, dir, inPart('tuning'));
    const heldBack = runConformance(corpus, dir, inPart('held-back'));
    summary.push(`${corpus.padEnd(14)} ${rate(all).padEnd(20)} ${rate(tuning).padEnd(20)} ${rate(heldBack)}`);
  }
  process.stdout.write(`${summary.join('\n')}\n`);
  return 0;
}

/**
 * `npm run bench:feeds`: every dev corpus in ../shared/corpora, with pass rates on two halves of each.
 * `npm run bench:feeds -- --corpus feedparser|miniflux|jsonfeed|date-strings <dir>`: one corpus directory.
 * Reports list every failing check with why, and end with `<corpus>: N passed, M failed`.
 */
function main(argv: readonly string[]): number {
  if (argv.length === 0) return runAll();
  const flag = argv.indexOf('--corpus');
  const corpus = flag >= 0 ? argv[flag + 1] : undefined;
  const dir = argv.find((arg, i) => !arg.startsWith('--') && (flag < 0 || i !== flag + 1));
  if (!corpus || !(CORPORA as readonly string[]).includes(corpus) || !dir) {
    process.stderr.write(`usage: feeds.bench [--corpus ${CORPORA.join('|')} <dir>]\n`);
    return 2;
  }
  process.stdout.write(`${formatReport(runConformance(corpus as CorpusName, resolve(dir)))}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
