/**
 * `npm run bench:extract`: Copydesk's article extractor against @mozilla/readability + linkedom, side by side in
 * one run, on the shared dev corpora: body F1 (extraction benchmark), speed (median/p95 ms per page), memory,
 * snippet recall/exclusion and title/author exact matches (trafilatura-eval), publication dates (htmldate pages),
 * and robustness on a 20 MB page and 100k nested divs. Figures go to stdout; per-page details with --per-page.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pageF1, scoreBodies, type BodyScore } from '@copydesk/extraction';
import {
  DATES_DEV,
  EXTRACTION_DEV,
  TRAFILATURA_DEV,
  loadBodyCases,
  loadDateCases,
  loadSnippetCases,
  type BodyCase,
  type DateCase,
  type SnippetCase,
} from './corpora';
import { authorSet, normalizeText, quantile, scoreDates, scoreSnippets, type SnippetScore } from './evaluate';
import { copydesk, readability, type Extractor, type ExtractorOutput } from './extractors';

const EXTRACTORS: readonly Extractor[] = [copydesk, readability];

type Part = 'tuning' | 'held-back';

/**
 * Every dev corpus is split in two by a hash of the page's file name: rules are decided by reading failures of
 * the tuning part only (`--failures` prints them); the held-back part says whether a rule generalises.
 */
function partOf(file: string): Part {
  let hash = 0x811c9dc5;
  for (let i = 0; i < file.length; i++) hash = Math.imul(hash ^ file.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % 2 === 0 ? 'tuning' : 'held-back';
}

/** Indices of the cases in one part. */
function indicesIn<T>(cases: readonly T[], key: (item: T) => string, part: Part): number[] {
  return cases.flatMap((item, i) => (partOf(key(item)) === part ? [i] : []));
}

const pick = <T>(values: readonly T[], indices: readonly number[]): T[] => indices.map((i) => values[i]);
// A probe that runs longer than this is reported as timed out (Readability recurses on deep pages).
const PROBE_TIMEOUT_MS = 90_000;
// Timing repetitions per page and extractor; the per-page median is kept.
const REPEATS = 3;

interface BodyRun {
  readonly score: BodyScore;
  readonly texts: readonly string[];
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly perPage: readonly number[];
}

function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Runs every extractor on every page, alternating extractors per repetition so load affects both alike. */
function runBodies(cases: readonly BodyCase[], repeats = REPEATS): BodyRun[] {
  const times = EXTRACTORS.map(() => [] as number[]);
  const texts = EXTRACTORS.map(() => [] as string[]);
  // Warm-up: let both JITs see the code before timing.
  for (const item of cases.slice(0, 10)) for (const extractor of EXTRACTORS) extractor.run(item.html, item.url);
  for (const item of cases) {
    const samples = EXTRACTORS.map(() => [] as number[]);
    for (let r = 0; r < repeats; r++) {
      const order = r % 2 === 0 ? EXTRACTORS.map((_, i) => i) : EXTRACTORS.map((_, i) => EXTRACTORS.length - 1 - i);
      for (const e of order) {
        const started = performance.now();
        const output = EXTRACTORS[e].run(item.html, item.url);
        samples[e].push(performance.now() - started);
        if (r === 0) texts[e].push(output.text);
      }
    }
    samples.forEach((s, e) => times[e].push(median(s)));
  }
  return EXTRACTORS.map((_, e) => ({
    score: scoreBodies(cases.map((item, i) => ({ truth: item.truth, prediction: texts[e][i] }))),
    texts: texts[e],
    medianMs: median(times[e]),
    p95Ms: quantile(times[e], 0.95),
    perPage: cases.map((item, i) => pageF1(item.truth, texts[e][i])),
  }));
}

function runAll<T extends { html: string; url: string }>(cases: readonly T[]): ExtractorOutput[][] {
  return EXTRACTORS.map((extractor) => cases.map((item) => extractor.run(item.html, item.url)));
}

interface ProbeResult {
  readonly ok: boolean;
  readonly ms?: number;
  readonly baseRssMb?: number;
  readonly maxRssMb?: number;
  readonly peakHeapMb?: number;
  readonly error?: string;
}

function probe(extractor: Extractor, workload: string): ProbeResult {
  const result = spawnSync(process.execPath, [join(__dirname, 'memory-probe.js'), extractor.name, workload], {
    encoding: 'utf8',
    timeout: PROBE_TIMEOUT_MS,
    maxBuffer: 1024 * 1024,
  });
  const line = result.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as ProbeResult;
  } catch {
    const timedOut = result.error !== undefined && /ETIMEDOUT/.test(result.error.message);
    const reason = timedOut
      ? `timed out after ${PROBE_TIMEOUT_MS / 1000} s`
      : (result.error?.message ??
        (result.signal !== null ? `killed by ${result.signal}` : (result.stderr.trim().split('\n').pop() ?? 'no output')));
    return { ok: false, error: reason };
  }
}

const pct = (x: number): string => x.toFixed(3);
const ms = (x: number | undefined): string => (x === undefined ? '-' : `${x.toFixed(1)} ms`);
const mb = (x: number | undefined): string => (x === undefined ? '-' : `${x.toFixed(0)} MB`);

function table(rows: ReadonlyArray<readonly string[]>): void {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  for (const row of rows) process.stdout.write(`${row.map((cell, c) => cell.padEnd(widths[c])).join('  ')}\n`);
}

function probeCell(result: ProbeResult, field: 'ms' | 'maxRssMb'): string {
  if (!result.ok) return `failed: ${(result.error ?? '').slice(0, 60)}`;
  return field === 'ms' ? ms(result.ms) : mb(result.maxRssMb);
}

/** Each quality figure on the whole dev set, its tuning part and its held-back part, for both extractors. */
function printParts(
  bodyCases: readonly BodyCase[],
  bodies: readonly BodyRun[],
  snippetCases: readonly SnippetCase[],
  snippetOutputs: readonly ExtractorOutput[][],
  dateCases: readonly DateCase[],
  dateOutputs: readonly ExtractorOutput[][],
): void {
  const parts: readonly Part[] = ['tuning', 'held-back'];
  const bodyIdx = parts.map((part) => indicesIn(bodyCases, (c) => c.id, part));
  const snippetIdx = parts.map((part) => indicesIn(snippetCases, (c) => c.file, part));
  const dateIdx = parts.map((part) => indicesIn(dateCases, (c) => c.file, part));
  const rows: string[][] = [['metric (dev set: all / tuning part / held-back part)', ...EXTRACTORS.map((x) => x.name)]];
  const cell = (values: readonly number[]): string => values.map(pct).join(' / ');
  const bodyF1 = (e: number, idx?: readonly number[]): number => {
    const cases = idx ? pick(bodyCases, idx) : bodyCases;
    const texts = idx ? pick(bodies[e].texts, idx) : bodies[e].texts;
    return scoreBodies(cases.map((item, i) => ({ truth: item.truth, prediction: texts[i] }))).f1;
  };
  const snippet = (e: number, idx?: readonly number[]): SnippetScore =>
    idx ? scoreSnippets(pick(snippetCases, idx), pick(snippetOutputs[e], idx)) : scoreSnippets(snippetCases, snippetOutputs[e]);
  const date = (e: number, idx?: readonly number[]): number =>
    idx ? scoreDates(pick(dateCases, idx), pick(dateOutputs[e], idx)) : scoreDates(dateCases, dateOutputs[e]);
  const row = (label: string, parts: readonly number[][], f: (e: number, idx?: readonly number[]) => number): void => {
    rows.push([label, ...EXTRACTORS.map((_, e) => cell([f(e), ...parts.map((idx) => f(e, idx))]))]);
  };
  const sizes = (parts: readonly number[][]): string => parts.map((idx) => idx.length).join(' + ');
  row(`body F1 (${bodyCases.length} pages: ${sizes(bodyIdx)})`, bodyIdx, bodyF1);
  row(`snippet recall (${snippetCases.length} pages: ${sizes(snippetIdx)})`, snippetIdx, (e, idx) => snippet(e, idx).recall);
  row('snippet exclusion', snippetIdx, (e, idx) => snippet(e, idx).exclusion);
  row('title exact match', snippetIdx, (e, idx) => snippet(e, idx).titleExact);
  row('author exact match', snippetIdx, (e, idx) => snippet(e, idx).authorExact);
  row(`publication date accuracy (${dateCases.length} cases: ${sizes(dateIdx)})`, dateIdx, date);
  process.stdout.write('\n== Quality on the two parts of each dev set (split by a hash of the file name) ==\n\n');
  table(rows);
}

/** What Copydesk gets wrong on the tuning part only: the failures rules may be decided from. */
function printTuningFailures(
  snippetCases: readonly SnippetCase[],
  outputs: readonly ExtractorOutput[],
  dateCases: readonly DateCase[],
  dateOutputs: readonly ExtractorOutput[],
): void {
  process.stdout.write('\n== Tuning-part failures (Copydesk) ==\n');
  snippetCases.forEach((item, i) => {
    if (partOf(item.file) !== 'tuning') return;
    const body = normalizeText(outputs[i].text);
    for (const s of item.without) if (body.includes(normalizeText(s))) process.stdout.write(`kept   ${item.file}: ${s}\n`);
    for (const s of item.with) if (!body.includes(normalizeText(s))) process.stdout.write(`missed ${item.file}: ${s}\n`);
    if (item.author !== null && authorSet(outputs[i].authors.join('; ')) !== authorSet(item.author)) {
      process.stdout.write(`author ${item.file}: want ${JSON.stringify(item.author)} got ${JSON.stringify(outputs[i].authors)}\n`);
    }
  });
  dateCases.forEach((item, i) => {
    if (partOf(item.file) === 'tuning' && dateOutputs[i].date !== item.expected) {
      process.stdout.write(`date   ${item.file}: want ${item.expected} got ${dateOutputs[i].date}\n`);
    }
  });
}

interface ExtractorProbes {
  corpus: ProbeResult;
  huge: ProbeResult;
  deep: ProbeResult;
}

/** The headline table: Copydesk against Readability on quality, speed, memory and hostile pages. */
function printHeadline(
  bodies: readonly BodyRun[],
  snippets: readonly SnippetScore[],
  dates: readonly number[],
  probes: readonly ExtractorProbes[],
  snippetPages: number,
  dateCases: number,
): void {
  const [cd, rb] = [0, 1];
  const speedRatio = bodies[cd].medianMs / bodies[rb].medianMs;
  process.stdout.write('\n== Article extraction: Copydesk vs Readability+linkedom (one run, same machine) ==\n\n');
  table([
    ['metric', copydesk.name, readability.name, 'target (Copydesk)'],
    ['body F1 (extraction dev, 91 pages)', pct(bodies[cd].score.f1), pct(bodies[rb].score.f1), '>= 0.975 (trafilatura 0.963)'],
    ['body precision', pct(bodies[cd].score.precision), pct(bodies[rb].score.precision), ''],
    ['body recall', pct(bodies[cd].score.recall), pct(bodies[rb].score.recall), ''],
    ['empty bodies', String(bodies[cd].score.empty), String(bodies[rb].score.empty), '0'],
    ['median ms/page', ms(bodies[cd].medianMs), ms(bodies[rb].medianMs), `<= half of Readability (ratio ${speedRatio.toFixed(2)})`],
    ['p95 ms/page', ms(bodies[cd].p95Ms), ms(bodies[rb].p95Ms), ''],
    ['peak RSS, 91 pages (child process)', probeCell(probes[cd].corpus, 'maxRssMb'), probeCell(probes[rb].corpus, 'maxRssMb'), ''],
    ['peak heap, 91 pages', mb(probes[cd].corpus.peakHeapMb), mb(probes[rb].corpus.peakHeapMb), ''],
    [`snippet recall (trafilatura-eval, ${snippetPages} pages)`, pct(snippets[cd].recall), pct(snippets[rb].recall), '>= 0.95'],
    ['snippet exclusion', pct(snippets[cd].exclusion), pct(snippets[rb].exclusion), '>= 0.95'],
    [`title exact match (${snippets[cd].titleCases} pages)`, pct(snippets[cd].titleExact), pct(snippets[rb].titleExact), 'report'],
    [`author exact match (${snippets[cd].authorCases} pages)`, pct(snippets[cd].authorExact), pct(snippets[rb].authorExact), 'report'],
    [`publication date accuracy (dates, ${dateCases} cases)`, pct(dates[cd]), pct(dates[rb]), '>= 0.90'],
    ['20 MB page: time', probeCell(probes[cd].huge, 'ms'), probeCell(probes[rb].huge, 'ms'), 'no crash, bounded'],
    ['20 MB page: peak RSS', probeCell(probes[cd].huge, 'maxRssMb'), probeCell(probes[rb].huge, 'maxRssMb'), ''],
    ['100k nested divs: time', probeCell(probes[cd].deep, 'ms'), probeCell(probes[rb].deep, 'ms'), 'no crash, bounded'],
    ['100k nested divs: peak RSS', probeCell(probes[cd].deep, 'maxRssMb'), probeCell(probes[rb].deep, 'maxRssMb'), ''],
  ]);
  process.stdout.write(`\n(base RSS of a probe process with the corpus loaded: ${mb(probes[cd].corpus.baseRssMb)})\n`);
}

/** Per-page body F1, worst Copydesk page first. */
function printPerPage(bodyCases: readonly BodyCase[], copydeskRun: BodyRun, readabilityRun: BodyRun): void {
  process.stdout.write('\nper-page body F1 (Copydesk, Readability), worst Copydesk first:\n');
  const order = bodyCases.map((_, i) => i).sort((a, b) => copydeskRun.perPage[a] - copydeskRun.perPage[b]);
  for (const i of order) {
    process.stdout.write(
      `${bodyCases[i].id.slice(0, 12)}  ${pct(copydeskRun.perPage[i])}  ${pct(readabilityRun.perPage[i])}  ${bodyCases[i].url}\n`,
    );
  }
}

function main(): void {
  const perPage = process.argv.includes('--per-page');
  const log = (message: string): void => void process.stderr.write(`${message}\n`);

  const missing = [EXTRACTION_DEV, TRAFILATURA_DEV, DATES_DEV].filter((dir) => !existsSync(dir));
  if (missing.length > 0) {
    log(`bench:extract needs the dev corpora beside the repository; missing: ${missing.join(', ')}`);
    process.exitCode = 1;
    return;
  }
  log('loading corpora...');
  const bodyCases = loadBodyCases();
  const snippetCases = loadSnippetCases();
  const dateCases = loadDateCases();

  // --quality: the quality figures only (one timing run, no memory probes), for quick iterations.
  const qualityOnly = process.argv.includes('--quality');
  log(`extraction benchmark: ${bodyCases.length} pages x ${REPEATS} runs x ${EXTRACTORS.length} extractors...`);
  const bodies = runBodies(bodyCases, qualityOnly ? 1 : REPEATS);
  log(`trafilatura-eval: ${snippetCases.length} pages...`);
  const snippetOutputs = runAll(snippetCases);
  if (qualityOnly) {
    const dateOutputs = runAll(dateCases);
    printParts(bodyCases, bodies, snippetCases, snippetOutputs, dateCases, dateOutputs);
    if (process.argv.includes('--failures')) printTuningFailures(snippetCases, snippetOutputs[0], dateCases, dateOutputs[0]);
    return;
  }
  const snippets: SnippetScore[] = snippetOutputs.map((outputs) => scoreSnippets(snippetCases, outputs));
  log(`dates: ${dateCases.length} pages...`);
  const dateOutputs = runAll(dateCases);
  const dates = dateOutputs.map((outputs) => scoreDates(dateCases, outputs));
  log('memory and robustness probes (child processes)...');
  const probes = EXTRACTORS.map((extractor) => ({
    corpus: probe(extractor, 'corpus'),
    huge: probe(extractor, 'huge'),
    deep: probe(extractor, 'deep'),
  }));

  const [cd, rb] = [0, 1];
  printHeadline(bodies, snippets, dates, probes, snippetCases.length, dateCases.length);

  printParts(bodyCases, bodies, snippetCases, snippetOutputs, dateCases, dateOutputs);
  if (process.argv.includes('--failures')) printTuningFailures(snippetCases, snippetOutputs[cd], dateCases, dateOutputs[cd]);

  if (perPage) printPerPage(bodyCases, bodies[cd], bodies[rb]);
}

main();
