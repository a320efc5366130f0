import type { DateCase, SnippetCase } from './corpora';
import type { ExtractorOutput } from './extractors';

/** Figures on trafilatura's evaluation pages. */
export interface SnippetScore {
  /** Share of `with` snippets found in the body. */
  readonly recall: number;
  /** Share of `without` snippets absent from the body. */
  readonly exclusion: number;
  readonly titleExact: number;
  readonly titleCases: number;
  readonly authorExact: number;
  readonly authorCases: number;
}

/** Whitespace collapsed, soft hyphens dropped: how snippets and titles are compared. */
export function normalizeText(text: string): string {
  return text
    .replace(/\u00ad/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A gold author string ("Jane Doe und John Roe", "A; B") as a set of lower-case names. */
export function authorSet(value: string): string {
  return normalizeText(value)
    .toLowerCase()
    .split(/\s*(?:;|,|\s(?:und|and|&|et|y)\s)\s*/)
    .filter((name) => name.length > 0)
    .sort()
    .join('|');
}

/** Snippet recall/exclusion (over all snippets) and title/author exact-match rates (over annotated pages). */
export function scoreSnippets(cases: readonly SnippetCase[], outputs: readonly ExtractorOutput[]): SnippetScore {
  let withFound = 0;
  let withTotal = 0;
  let withoutAbsent = 0;
  let withoutTotal = 0;
  let titleExact = 0;
  let titleCases = 0;
  let authorExact = 0;
  let authorCases = 0;
  cases.forEach((item, i) => {
    const output = outputs[i];
    const body = normalizeText(output.text);
    for (const snippet of item.with) {
      withTotal++;
      if (body.includes(normalizeText(snippet))) withFound++;
    }
    for (const snippet of item.without) {
      withoutTotal++;
      if (!body.includes(normalizeText(snippet))) withoutAbsent++;
    }
    if (item.title !== null) {
      titleCases++;
      if (output.title !== null && normalizeText(output.title) === normalizeText(item.title)) titleExact++;
    }
    if (item.author !== null) {
      authorCases++;
      if (output.authors.length > 0 && authorSet(output.authors.join('; ')) === authorSet(item.author)) authorExact++;
    }
  });
  return {
    recall: withTotal === 0 ? 1 : withFound / withTotal,
    exclusion: withoutTotal === 0 ? 1 : withoutAbsent / withoutTotal,
    titleExact: titleCases === 0 ? 0 : titleExact / titleCases,
    titleCases,
    authorExact: authorCases === 0 ? 0 : authorExact / authorCases,
    authorCases,
  };
}

/** Share of pages whose publication day is right (a page with no expected date must yield none). */
export function scoreDates(cases: readonly DateCase[], outputs: readonly ExtractorOutput[]): number {
  let right = 0;
  cases.forEach((item, i) => {
    if (outputs[i].date === item.expected) right++;
  });
  return cases.length === 0 ? 0 : right / cases.length;
}

/** The q-quantile (0..1) of a list of numbers, by nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
