/**
 * Server-side HTML with escaping by default: every value interpolated into `html\`...\`` is escaped unless it is
 * already `Html` (another template, or markup that went through the sanitizer). Titles, URLs, errors and payloads
 * come from feeds and partners, so nothing reaches the page as markup by accident.
 */
export class Html {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

export type Interpolation = Html | string | number | bigint | boolean | null | undefined | readonly Interpolation[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c]);
}

function render(value: Interpolation): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/** The tag for templates: `html\`<td>${title}</td>\``. Attributes must be quoted in the template. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new Html(out);
}

/** Markup that is already safe: only for the sanitizer's output and fixed strings. */
export function trusted(markup: string): Html {
  return new Html(markup);
}

/** An href for a URL from outside: http(s) only, anything else (javascript:, data:) becomes inert. */
export function externalHref(url: string | null | undefined): string {
  if (!url) return '#';
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : '#';
  } catch {
    return '#';
  }
}

/** A query string from the non-empty values given, for links that keep filters. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== null && value !== undefined && value !== '') search.set(name, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
