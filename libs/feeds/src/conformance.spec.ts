import { join } from 'node:path';

import type { CorpusName } from '../../../bench/feeds/conformance.runner';
import { formatReport, passRate, runConformance } from '../../../bench/feeds/conformance.runner';

const corpora = join(__dirname, '../../../../shared/corpora');

/** The bar: at least 95 % of the fully translated checks of each dev corpus. */
const TARGET = 0.95;

describe('feed conformance on the dev corpora', () => {
  it.each<[CorpusName, string]>([
    ['feedparser', 'feeds/dev'],
    ['miniflux', 'miniflux/dev'],
    ['jsonfeed', 'jsonfeed/dev'],
    ['date-strings', 'feed-date-strings/dev'],
  ])('%s passes at least 95 %% of its checks', (corpus, dir) => {
    const report = runConformance(corpus, join(corpora, dir));
    expect(report.passed + report.failed).toBeGreaterThan(0);
    // The report lists every failing check with its reason, so a regression explains itself.
    if (passRate(report) < TARGET) throw new Error(formatReport(report));
    expect(passRate(report)).toBeGreaterThanOrEqual(TARGET);
  });
});
