import { type Html, html } from './html';

const iso = (date: Date | string): string => (typeof date === 'string' ? date : date.toISOString());

/** A time as UTC text in a <time> element (the server does not know the reader's zone). */
export function when(date: Date | string | null | undefined): Html {
  if (!date) return html`<span class="muted">–</span>`;
  const text = iso(date);
  return html`<time datetime="${text}">${text.slice(0, 19).replace('T', ' ')}Z</time>`;
}

export function num(n: number | null | undefined): string {
  return n === null || n === undefined ? '–' : n.toLocaleString('en');
}

export function seconds(s: number | null | undefined): string {
  if (s === null || s === undefined) return '–';
  return s < 10 ? `${s.toFixed(1)} s` : s < 120 ? `${Math.round(s)} s` : `${(s / 60).toFixed(1)} min`;
}

export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '–' : `${(rate * 100).toFixed(rate < 0.1 ? 1 : 0)} %`;
}

/** A status word with its colour class (the text carries the meaning; colour only repeats it). */
export function badge(text: string, tone: string = text): Html {
  return html`<span class="badge ${tone}">${text}</span>`;
}

/** A short id for tables; the whole id in the link target and title. */
export function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}
