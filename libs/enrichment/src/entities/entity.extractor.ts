import { geoGazetteer } from '../gazetteers/geo.gazetteer';
import type { Sentence } from '../text/text.tokenizer';
import { classifySpan } from './entity.classifier';
import { EntityClusters, type Cluster, type EntityMention } from './entity.clusters';
import { gazetteer, type Gazetteer } from './entity.gazetteer';
import { findNameSpans, joined, tokenise, type NameSpan, type Token } from './name-span.finder';
import type { ClassifierContext, EntityType } from './typed-span';

export type { EntityMention } from './entity.clusters';

/** A named entity of an article: its canonical name, how often it is mentioned and how central it is (0..1). */
export interface ArticleEntity {
  name: string;
  count: number;
  salience: number;
  /** `editor`: named by an editor through the API (absent for what the extractor found). */
  source?: 'editor';
}

/** People, organisations and places of an article, most salient first. */
export interface ArticleEntities {
  people: ArticleEntity[];
  organisations: ArticleEntity[];
  places: ArticleEntity[];
}

/** Everything the entity pass found: the entities, their mentions, and the tokens (reused by quote attribution). */
export interface EntityAnalysis {
  entities: ArticleEntities;
  mentions: EntityMention[];
  tokens: Token[];
}

const MAX_ENTITIES = 60;

/** Finds people, organisations and places in a body and resolves later short mentions ("Esper") to full names. */
export function extractEntities(text: string, sentences: Sentence[], title = ''): EntityAnalysis {
  const g = gazetteer();
  const tokens = tokenise(text, sentences);
  const spans = findNameSpans(tokens, text, g);
  const ctx = classifierContext(g, tokens, spans);
  const typed = spans.flatMap((span) => classifySpan(span, ctx));
  const clusters = new EntityClusters(typed).resolve(ctx);
  return { entities: summarise(clusters.clusters, sentences.length, title), mentions: clusters.mentions(), tokens };
}

function classifierContext(g: Gazetteer, tokens: Token[], spans: NameSpan[]): ClassifierContext {
  let towns: Set<string>[] | undefined;
  const ctx: ClassifierContext = {
    g,
    localLowerCase: new Set(tokens.filter((t) => !t.capitalised).map((t) => t.lower)),
    products: new Set(),
    singles: new Set(),
    singlesAfterPerson: new Set(),
    spanCounts: new Map(),
    spansInside: new Set(),
    localTowns: () => (towns ??= localTowns(tokens)),
  };
  for (const span of spans) {
    const key = joined(span.tokens);
    ctx.spanCounts.set(key, (ctx.spanCounts.get(key) ?? 0) + 1);
    if (!span.sentenceInitial) ctx.spansInside.add(key);
    if (span.tokens.length === 1 && !span.sentenceInitial) ctx.singles.add(span.tokens[0].lower);
    else if (span.tokens.length > 1 && g.firstNames.has(span.tokens[0].lower))
      ctx.singlesAfterPerson.add(span.tokens[span.tokens.length - 1].lower);
  }
  return ctx;
}

// The small towns of every country the text names by its English name, its demonym or one of its subdivisions, in
// a run of up to three capitalised words ("Ireland", "Greek", "South Kordofan").
function localTowns(tokens: Token[]): Set<string>[] {
  const geo = geoGazetteer();
  const codes = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    let key = '';
    for (let k = i; k < Math.min(tokens.length, i + 3) && tokens[k].capitalised && tokens[k].sentence === tokens[i].sentence; k++) {
      key = key ? `${key} ${tokens[k].lower}` : tokens[k].lower;
      for (const code of geo.countryCodes.get(key) ?? []) codes.add(code);
      if (tokens[k].possessive) break;
    }
  }
  return [...codes].flatMap((code) => geo.smallTowns.get(code) ?? []);
}

function summarise(clusters: Cluster[], sentenceCount: number, title: string): ArticleEntities {
  const maxCount = Math.max(1, ...clusters.map((c) => c.mentions.length));
  const titleLower = title.toLowerCase();
  const scored = clusters.map((c) => {
    const firstSentence = Math.min(...c.mentions.map((m) => m.span.sentence));
    const inTitle = titleLower && c.words.some((w) => w.length > 2 && titleLower.includes(w)) ? 1 : 0;
    // Frequency, how early the first mention comes, and a headline mention: the usual salience cues for news.
    const salience = 0.5 * (c.mentions.length / maxCount) + 0.3 * (1 - firstSentence / Math.max(1, sentenceCount)) + 0.2 * inTitle;
    return { type: c.type, entity: { name: c.canonical, count: c.mentions.length, salience: Math.round(salience * 1000) / 1000 } };
  });
  const pick = (type: EntityType): ArticleEntity[] =>
    scored
      .filter((s) => s.type === type)
      .map((s) => s.entity)
      .sort((a, b) => b.salience - a.salience || b.count - a.count || (a.name < b.name ? -1 : 1))
      .slice(0, MAX_ENTITIES);
  return { people: pick('person'), organisations: pick('organisation'), places: pick('place') };
}
