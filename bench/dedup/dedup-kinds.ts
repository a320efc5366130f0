import type { DuplicateRelation } from '@copydesk/normalize';

/** Copies of a stored original: the detector should relate each to its original, with the expected label. */
export const VARIANT_KINDS = [
  'light-edit',
  'headline-change',
  'boilerplate-same-source',
  'boilerplate-other-source',
  'syndicated-copy',
  'rewrite',
] as const;
/** Other stories: the detector should relate them to nothing. */
export const NEGATIVE_KINDS = ['distinct-same-section', 'distinct-house-template', 'distinct-web-page'] as const;
export type VariantKind = (typeof VARIANT_KINDS)[number];
export type NegativeKind = (typeof NEGATIVE_KINDS)[number];
export type ProbeKind = VariantKind | NegativeKind;

/** What each kind should be labelled: same source + copy → update; other source + close copy → syndicated; heavy rewrite → rewrite. */
export const EXPECTED_RELATION: Record<ProbeKind, DuplicateRelation | null> = {
  'light-edit': 'same-article-update',
  'headline-change': 'same-article-update',
  'boilerplate-same-source': 'same-article-update',
  'boilerplate-other-source': 'syndicated-copy',
  'syndicated-copy': 'syndicated-copy',
  rewrite: 'rewrite',
  'distinct-same-section': null,
  'distinct-house-template': null,
  'distinct-web-page': null,
};

export const KIND_DESCRIPTIONS: Record<ProbeKind, string> = {
  'light-edit': 'same source: 2–5 words changed, a correction sentence added',
  'headline-change': 'same source: new headline from the lead, body unchanged',
  'boilerplate-same-source':
    'same source re-templated: boilerplate lines (and half the house footers) removed; read-more, newsletter, ad, credit, share lines added',
  'boilerplate-other-source': 'other outlet, same headline: dateline, its boilerplate and agency footer',
  'syndicated-copy': 'other outlet: new headline, dateline, last 15–35 % of sentences cut, credit and agency footer',
  rewrite: 'other outlet: new headline and lead, 30–50 % of sentences dropped, some reordered, 12 % of words changed',
  'distinct-same-section': 'another BBC story of the same category, same source as the plain BBC originals',
  'distinct-house-template': 'another BBC story of the same category, same source and house footer as the Gazette originals',
  'distinct-web-page': "another outlet's page (some share an outlet, or a topic, with stored pages)",
};

/** An article as the bench stores it: one `articles` row and one `DuplicateDetector.index` call. */
export interface BenchArticle {
  readonly key: string;
  readonly sourceSlug: string;
  readonly title: string;
  readonly body: string;
  readonly publishedAt: Date;
  /** BBC category, or `web`: pairs within one BBC category are the hard negatives. */
  readonly section: string;
}

/** A stored original. */
export interface Original extends BenchArticle {
  /** The story without its outlet's house template: what another outlet copies or rewrites. */
  readonly storyBody: string;
}

export interface Probe extends BenchArticle {
  readonly kind: ProbeKind;
  /** The original it was derived from; null for a distinct story. */
  readonly originalKey: string | null;
  readonly expected: DuplicateRelation | null;
  /**
   * Exact Jaccard similarity of word 3-shingles (title + body, as the detector sees them): to its original for a
   * variant, to the closest stored original for a distinct story.
   */
  readonly exactJaccard: number;
}
