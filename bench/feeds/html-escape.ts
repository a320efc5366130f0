/** Escapes text for HTML, as Go's html.EscapeString does (Miniflux shows plain-text bodies this way). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');
}
