import { resolve } from 'node:path';

import type { CorpusName } from './conformance.runner';
import { CORPORA, formatReport, runConformance } from './conformance.runner';

/**
 * Conformance runner: `npm run bench:feeds -- --corpus feedparser|miniflux|jsonfeed|date-strings <dir>`.
 * Prints pass rates per group, every failing check with why, and ends with `<corpus>: N passed, M failed`.
 */
function main(argv: readonly string[]): number {
  const flag = argv.indexOf('--corpus');
  const corpus = flag >= 0 ? argv[flag + 1] : undefined;
  const dir = argv.find((arg, i) => !arg.startsWith('--') && (flag < 0 || i !== flag + 1));
  if (!corpus || !(CORPORA as readonly string[]).includes(corpus) || !dir) {
    process.stderr.write(`usage: feeds.bench --corpus ${CORPORA.join('|')} <dir>\n`);
    return 2;
  }
  process.stdout.write(`${formatReport(runConformance(corpus as CorpusName, resolve(dir)))}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
