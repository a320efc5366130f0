import { contentWords, wordShingles } from '@copydesk/normalize';
import { EXPECTED_RELATION, type NegativeKind, type Original, type Probe, VARIANT_KINDS } from './dedup-kinds';
import type { Corpus, CorpusText } from './dedup-corpus';
import { SeededRandom } from './seeded-random';
import { makeVariant } from './dedup-variants';
import { buildVocabulary, HOUSE_TEMPLATE, PARTNER_OUTLETS, withHouseTemplate } from './text-edits';

export * from './dedup-kinds';

export interface SourceSpec {
  readonly slug: string;
  readonly name: string;
}

export interface DedupSet {
  readonly seed: number;
  readonly originals: readonly Original[];
  readonly probes: readonly Probe[];
  readonly sources: readonly SourceSpec[];
  /** Corpus texts left out because they overlap an already chosen text (the corpus's own republished stories). */
  readonly leftOut: number;
  /** Corpus texts too short or too long to use. */
  readonly unusable: number;
}

export interface DedupSetOptions {
  readonly seed?: number;
  /** Stored BBC originals per category. */
  readonly originalsPerSection?: number;
  /** Distinct BBC stories probed per category. */
  readonly negativesPerSection?: number;
  /** Every n-th accepted web page is a distinct probe instead of an original. */
  readonly webNegativeEvery?: number;
  readonly minWords?: number;
  readonly maxWords?: number;
  /**
   * A corpus text whose exact shingle Jaccard with an already chosen text reaches this is left out: the BBC set
   * holds republished and follow-up stories, and a pair the corpus itself relates would be no clean negative.
   */
  readonly overlapLimit?: number;
}

const DEFAULTS: Required<DedupSetOptions> = {
  seed: 20_260_105,
  originalsPerSection: 60,
  negativesPerSection: 20,
  webNegativeEvery: 3,
  minWords: 60,
  maxWords: 5_000,
  overlapLimit: 0.1,
};

const BASE_TIME = Date.UTC(2026, 0, 5, 6, 0, 0);
const HOUR = 3_600_000;
const BBC_SOURCE: SourceSpec = { slug: 'bench-bbc', name: 'BBC News (bench copy)' };

/** The text the detector fingerprints. */
export const detectorText = (article: { title: string; body: string }) => `${article.title}\n${article.body}`;

/** Exact Jaccard of two shingle sets. */
export function setJaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const shingle of small) if (large.has(shingle)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Chosen texts' shingles, indexed so a candidate's largest overlap with any of them is one pass over its own. */
class ShingleIndex {
  private readonly postings = new Map<string, number[]>();
  private readonly sizes: number[] = [];

  add(shingles: ReadonlySet<string>): void {
    const id = this.sizes.length;
    this.sizes.push(shingles.size);
    for (const shingle of shingles) {
      const list = this.postings.get(shingle);
      if (list) list.push(id);
      else this.postings.set(shingle, [id]);
    }
  }

  /** The largest exact Jaccard between `shingles` and an indexed set. */
  maxJaccard(shingles: ReadonlySet<string>): number {
    const shared = new Map<number, number>();
    for (const shingle of shingles) for (const id of this.postings.get(shingle) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    let best = 0;
    for (const [id, count] of shared) best = Math.max(best, count / (shingles.size + this.sizes[id] - count));
    return best;
  }
}

const shingleSet = (article: { title: string; body: string }) => new Set(wordShingles(detectorText(article)));
const webSourceSlug = (host: string) =>
  `bench-web-${host
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48)}`;

/** Takes corpus texts that are usable and overlap no text taken before; counts what it passes over. */
class TextChooser {
  private readonly index = new ShingleIndex();
  leftOut = 0;
  unusable = 0;

  constructor(private readonly o: Required<DedupSetOptions>) {}

  /** Takes texts in order while they do not overlap a chosen one, up to `limit`. */
  choose(candidates: readonly CorpusText[], limit: number): CorpusText[] {
    const chosen: CorpusText[] = [];
    for (const text of candidates) {
      if (chosen.length >= limit) break;
      const words = contentWords(text.body).length;
      if (!text.title || words < this.o.minWords || words > this.o.maxWords) {
        this.unusable++;
        continue;
      }
      const shingles = shingleSet(text);
      if (this.index.maxJaccard(shingles) >= this.o.overlapLimit) {
        this.leftOut++;
        continue;
      }
      this.index.add(shingles);
      chosen.push(text);
    }
    return chosen;
  }
}

interface NegativeDraft {
  text: CorpusText;
  kind: NegativeKind;
  sourceSlug: string;
  body: string;
}

/** The stored originals and the distinct stories to probe with, by BBC section then web pages, with their sources. */
function chooseTexts(corpus: Corpus, o: Required<DedupSetOptions>, random: SeededRandom, chooser: TextChooser) {
  const originals: Original[] = [];
  const negativeDraft: NegativeDraft[] = [];
  const sources = new Map<string, SourceSpec>([
    [BBC_SOURCE.slug, BBC_SOURCE],
    [HOUSE_TEMPLATE.slug, { slug: HOUSE_TEMPLATE.slug, name: HOUSE_TEMPLATE.name }],
  ]);
  for (const outlet of PARTNER_OUTLETS) sources.set(outlet.slug, { slug: outlet.slug, name: outlet.name });

  const sections = [...new Set(corpus.bbc.map((text) => text.section))].sort();
  for (const section of sections) {
    const texts = random.fork(`bbc:${section}`).shuffle(corpus.bbc.filter((text) => text.section === section));
    const chosen = chooser.choose(texts, o.originalsPerSection + o.negativesPerSection);
    chosen.slice(0, o.originalsPerSection).forEach((text, i) => {
      // Every other BBC original goes out under the Gazette's name with its house footer.
      const gazette = i % 2 === 1;
      originals.push(
        originalOf(
          text,
          gazette ? HOUSE_TEMPLATE.slug : BBC_SOURCE.slug,
          gazette ? withHouseTemplate(text.body) : text.body,
          originals.length,
        ),
      );
    });
    chosen.slice(o.originalsPerSection).forEach((text, i) => {
      const gazette = i % 2 === 1;
      negativeDraft.push({
        text,
        kind: gazette ? 'distinct-house-template' : 'distinct-same-section',
        sourceSlug: gazette ? HOUSE_TEMPLATE.slug : BBC_SOURCE.slug,
        body: gazette ? withHouseTemplate(text.body) : text.body,
      });
    });
  }
  const web = chooser.choose(random.fork('web').shuffle(corpus.web), Number.POSITIVE_INFINITY);
  web.forEach((text, i) => {
    const slug = webSourceSlug(text.outlet);
    sources.set(slug, { slug, name: text.outlet });
    if (i % o.webNegativeEvery === o.webNegativeEvery - 1)
      negativeDraft.push({ text, kind: 'distinct-web-page', sourceSlug: slug, body: text.body });
    else originals.push(originalOf(text, slug, text.body, originals.length));
  });
  return { originals, negativeDraft, sources };
}

/** Distinct stories, published at random times over the originals' span, with their closest original's Jaccard. */
function negativeProbes(originals: readonly Original[], drafts: readonly NegativeDraft[], random: SeededRandom): Probe[] {
  const originalShingles = new ShingleIndex();
  for (const original of originals) originalShingles.add(shingleSet(original));
  const span = originals.length * 15 * 60_000;
  return drafts.map((draft) => {
    const r = random.fork(`negative:${draft.text.id}`);
    const article = { title: draft.text.title, body: draft.body };
    return {
      key: `distinct:${draft.text.id}`,
      sourceSlug: draft.sourceSlug,
      ...article,
      publishedAt: new Date(BASE_TIME + Math.floor(r.next() * span)),
      section: draft.text.section,
      kind: draft.kind,
      originalKey: null,
      expected: null,
      exactJaccard: originalShingles.maxJaccard(shingleSet(article)),
    };
  });
}

/** One variant of every kind per original, 1 to 12 hours after it. */
function variantProbes(corpus: Corpus, originals: readonly Original[], random: SeededRandom): Probe[] {
  const vocabulary = buildVocabulary([...corpus.bbc, ...corpus.web].map((text) => text.body));
  const headlines = [...corpus.bbc, ...corpus.web].map((text) => text.title).filter(Boolean);
  return originals.flatMap((original) => {
    const shingles = shingleSet(original);
    return VARIANT_KINDS.map((kind): Probe => {
      const r = random.fork(`${kind}:${original.key}`);
      const made = makeVariant(kind, original, r, vocabulary, headlines);
      return {
        key: `${kind}:${original.key}`,
        sourceSlug: made.outlet?.slug ?? original.sourceSlug,
        title: made.title,
        body: made.body,
        publishedAt: new Date(original.publishedAt.getTime() + r.int(1, 12) * HOUR),
        section: original.section,
        kind,
        originalKey: original.key,
        expected: EXPECTED_RELATION[kind],
        exactJaccard: setJaccard(shingleSet(made), shingles),
      };
    });
  });
}

/**
 * Builds the duplicate-detection test set from real texts: stored originals (BBC articles of every category and
 * pages from many outlets), one variant of every kind per original, and distinct stories. Deterministic for a seed:
 * every random draw comes from a {@link SeededRandom} forked per item.
 */
export function buildDedupSet(corpus: Corpus, options: DedupSetOptions = {}): DedupSet {
  const o = { ...DEFAULTS, ...options };
  const random = new SeededRandom(o.seed);
  const chooser = new TextChooser(o);
  const { originals, negativeDraft, sources } = chooseTexts(corpus, o, random, chooser);
  const negatives = negativeProbes(originals, negativeDraft, random);
  const variants = variantProbes(corpus, originals, random);
  return {
    seed: o.seed,
    originals,
    probes: [...variants, ...negatives],
    sources: [...sources.values()],
    leftOut: chooser.leftOut,
    unusable: chooser.unusable,
  };
}

function originalOf(text: CorpusText, sourceSlug: string, body: string, position: number): Original {
  return {
    key: `original:${text.id}`,
    sourceSlug,
    title: text.title,
    body,
    storyBody: text.body,
    publishedAt: new Date(BASE_TIME + position * 15 * 60_000),
    section: text.section,
  };
}
