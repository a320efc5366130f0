import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';

/** The small hand-written bombs kept in the repository (see test/fixtures/security/bombs/README.md). */
export function bombFixture(name: string): string {
  return readFileSync(join(__dirname, '..', 'fixtures', 'security', 'bombs', name), 'utf8');
}

const MIB = 1024 * 1024;

/**
 * A gzip body that expands to `mebibytes` MiB: an RSS head, then one 1 MiB member of the same letter repeated
 * (gzip streams may be concatenated; every gunzip reads them as one). About 1 KB per MiB, built in milliseconds.
 */
export function gzipBomb(mebibytes: number): Buffer {
  const head = gzipSync(Buffer.from('<?xml version="1.0"?><rss version="2.0"><channel><title>'));
  const member = gzipSync(Buffer.alloc(MIB, 'A'), { level: 9 });
  return Buffer.concat([head, ...Array.from({ length: mebibytes }, () => member)]);
}

/** The same bomb gzipped once more (served as `Content-Encoding: gzip, gzip`): the cap must hold after each layer. */
export function doubleGzipBomb(mebibytes: number): Buffer {
  return gzipSync(gzipBomb(mebibytes), { level: 9 });
}

/** One 10 KB entity referenced `uses` times: no nesting, so only an expansion budget stops it (~100 MB at 10,000). */
export function quadraticBlowup(uses = 10_000): string {
  const entity = 'A'.repeat(10_000);
  return `<?xml version="1.0"?>
<!DOCTYPE feed [<!ENTITY a "${entity}">]>
<feed xmlns="http://www.w3.org/2005/Atom"><title>quadratic</title><id>urn:q</id><updated>2026-11-24T08:00:00Z</updated>
<entry><id>urn:q:1</id><title>${'&a;'.repeat(uses)}</title><updated>2026-11-24T08:00:00Z</updated></entry></feed>`;
}

/** An RSS feed whose one item sits under `depth` nested elements. */
export function deeplyNestedRss(depth = 20_000): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>deep</title><link>https://example.com/</link>
<item><title>Deep item</title><link>https://example.com/deep-1</link><guid>deep-1</guid><description>${'<x>'.repeat(depth)}deep${'</x>'.repeat(depth)}</description></item>
</channel></rss>`;
}

/** A page whose article sits under `depth` nested divs. */
export function deeplyNestedPage(depth = 20_000): string {
  const story = Array.from(
    { length: 6 },
    (_, i) => `<p>Paragraph ${i + 1}: the harbour authority said on Tuesday that the works would continue through the winter months.</p>`,
  ).join('');
  return `<!doctype html><html><head><title>Deep page</title></head><body>${'<div>'.repeat(depth)}<article><h1>Deep page</h1>${story}</article>${'</div>'.repeat(depth)}</body></html>`;
}

/** An RSS feed listing `count` small items (links only, about 100 bytes each: 100,000 fit under the 15 MiB cap). */
export function hugeFeed(count: number, origin: string): string {
  const items = Array.from(
    { length: count },
    (_, i) => `<item><guid isPermaLink="false">h${i}</guid><title>Item ${i}</title><link>${origin}/huge/${i}</link></item>`,
  ).join('\n');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>huge</title><link>${origin}/</link><description>a very long feed</description>\n${items}\n</channel></rss>`;
}

/** An endless-looking page: `mebibytes` MiB of HTML streamed in chunks, without a Content-Length. */
export function hugePageStream(mebibytes: number): Readable {
  const paragraph = Buffer.from('<p>Filler text that goes on and on, far past any article a newsroom would publish.</p>\n'.repeat(1024));
  let sent = 0;
  return new Readable({
    read() {
      if (sent === 0) this.push('<!doctype html><html><head><title>Huge page</title></head><body><article>');
      if (sent >= mebibytes * MIB) {
        this.push('</article></body></html>');
        this.push(null);
        return;
      }
      sent += paragraph.length;
      this.push(paragraph);
    },
  });
}
