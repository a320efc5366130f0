import { join } from 'node:path';

import type { CorpusName } from '../../../bench/feeds/conformance.runner';
import { formatReport, runConformance } from '../../../bench/feeds/conformance.runner';

// Samples written for the tests, one behaviour family each (README there); the full corpora run in bench:feeds.
const samples = join(__dirname, '../../../test/fixtures/feeds/conformance');

describe('feed conformance on the samples in the repository', () => {
  it.each<CorpusName>(['feedparser', 'miniflux', 'jsonfeed', 'date-strings'])('%s: every check passes', (corpus) => {
    const report = runConformance(corpus, join(samples, corpus));
    expect(report.passed).toBeGreaterThan(0);
    // The report lists every failing check with its reason, so a regression explains itself.
    if (report.failed > 0) throw new Error(formatReport(report));
    expect(report.failed).toBe(0);
  });
});
