function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}

/**
 * Plain wire text as HTML paragraphs. Blank lines separate paragraphs; when there are none, each line is one
 * (wire text either wraps paragraphs in blank lines or puts one per line). Indented first lines are unindented.
 */
export function textToHtml(text: string): string {
  const normalized = text.replace(/\r\n?/g, '\n');
  const blocks = /\n[ \t]*\n/.test(normalized) ? normalized.split(/\n[ \t]*\n/) : normalized.split('\n');
  return blocks
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((block) => `<p>${escapeHtml(block)}</p>`)
    .join('\n');
}
