/**
 * Child process of the benchmark: runs one extractor on one workload and prints one JSON line
 * ({ ok, ms, baseRssMb, maxRssMb, peakHeapMb, textLength }), so each extractor's peak memory is its own.
 * Usage: node memory-probe.js <extractor name> <corpus|huge|deep>
 */
import { loadBodyCases } from './corpora';
import { extractorNamed } from './extractors';
import { deepPage, hugePage } from './synthetic-pages';

const MB = 1024 * 1024;

function run(extractorName: string, workload: string): void {
  const extractor = extractorNamed(extractorName);
  const pages: Array<{ html: string; url: string }> =
    workload === 'corpus'
      ? loadBodyCases().map((c) => ({ html: c.html, url: c.url }))
      : workload === 'huge'
        ? [{ html: hugePage(20), url: 'https://example.com/huge' }]
        : [{ html: deepPage(100_000), url: 'https://example.com/deep' }];
  const baseRssMb = process.memoryUsage().rss / MB;
  let peakHeap = 0;
  let textLength = 0;
  const started = performance.now();
  for (const page of pages) {
    textLength += extractor.run(page.html, page.url).text.length;
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  const ms = performance.now() - started;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ok: true, ms, baseRssMb, maxRssMb, peakHeapMb: peakHeap / MB, textLength })}\n`);
}

try {
  run(process.argv[2] ?? '', process.argv[3] ?? 'corpus');
} catch (err) {
  process.stdout.write(`${JSON.stringify({ ok: false, error: err instanceof Error ? err.message : String(err) })}\n`);
  process.exitCode = 1;
}
