/** Hostile pages for the robustness part of the benchmark, generated (never downloaded). */

const PARAGRAPH =
  'The council met on Tuesday to discuss the budget, which has grown by four percent since last year, and to ' +
  'hear from residents who asked why the library hours were cut while the parking garage was expanded.';

/** About `megabytes` MB of article-like HTML: many sections of paragraphs, links and furniture. */
export function hugePage(megabytes: number): string {
  const section =
    '<div class="section"><h2>Section heading</h2>' +
    `<p>${PARAGRAPH}</p><p>${PARAGRAPH} <a href="/x">a link</a></p>` +
    '<ul class="related"><li><a href="/a">Related story one</a></li><li><a href="/b">Related story two</a></li></ul>' +
    '</div>\n';
  const count = Math.ceil((megabytes * 1024 * 1024) / section.length);
  return `<!doctype html><html><head><title>Huge page</title></head><body><article>${section.repeat(count)}</article></body></html>`;
}

/** `depth` nested `<div>`s around a short article, never closed (as broken pages do). */
export function deepPage(depth: number): string {
  return `<!doctype html><html><head><title>Deep page</title></head><body>${'<div>'.repeat(depth)}<p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></body></html>`;
}
