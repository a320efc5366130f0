import { gazetteer } from '../entities/entity.gazetteer';
import {
  ENGLISH_OBITUARY,
  englishCheckCues,
  englishDisclosureCues,
  englishSignOffCues,
  englishTitleCues,
  englishVoiceCues,
} from './content-type.english';
import { ContentTypeScores, count, measureText, round, type AddCue, type TextMeasures } from './content-type.scores';
import type { ContentType, ContentTypeResult } from './content-type.types';

export type { ContentType, ContentTypeResult } from './content-type.types';

/** What the classifier looks at; everything but the text is optional page metadata. */
export interface ContentTypeSignals {
  title: string;
  bodyText: string;
  url?: string;
  /** schema.org type(s) from the page's JSON-LD, e.g. `OpinionNewsArticle`. */
  jsonLdType?: string | string[];
  section?: string;
  byline?: string;
}

const JSON_LD: [RegExp, ContentType, number][] = [
  [/^OpinionNewsArticle$/i, 'opinion', 4],
  [/^(?:AnalysisNewsArticle|BackgroundNewsArticle)$/i, 'analysis', 4],
  [/^(?:ReviewNewsArticle|Review|CriticReview|UserReview)$/i, 'review', 4],
  [/^LiveBlogPosting$/i, 'live-blog', 5],
  [/^(?:BlogPosting|SocialMediaPosting)$/i, 'other', 1.5],
  [/^(?:NewsArticle|ReportageNewsArticle)$/i, 'news', 1],
];
const PATH_CUES: [RegExp, ContentType, number][] = [
  [
    /\/(?:opinions?|commentisfree|comment|columnists?|columns?|op-?eds?|editorials?|viewpoints?|perspectives?|voices|letters|views|ideas|letters-to-the-editor|guest-?(?:columns?|essays?|posts?))(?:\/|$)/i,
    'opinion',
    3,
  ],
  [/\/(?:analysis|explainers?|explained|news-analysis)(?:\/|$)/i, 'analysis', 3],
  [/\/reviews?(?:\/|$)|-review(?:\/|$|\.|-\d)|\/review-/i, 'review', 3],
  [/\/(?:live|liveblog|live-blog|live-updates)(?:\/|$)|[/-]live-(?:updates|blog|coverage)|-live(?:\/|$)/i, 'live-blog', 3],
  [/\/(?:obituar(?:y|ies)|obits?)(?:\/|$)|-obituary(?:\/|$|\.)/i, 'obituary', 3.5],
  [
    /\/(?:press-?releases?|pressroom|press|media-centre|media-center|news-releases?|newsroom)(?:\/|$)|prnewswire|businesswire|globenewswire|accesswire/i,
    'press-release',
    3,
  ],
  [/\/(?:interviews?|q-and-a|qanda|q-a)(?:\/|$)|-interview(?:\/|$|-)/i, 'interview', 2.5],
  [/\/(?:sponsored|partner-content|advertorial|brandvoice|paid-post)(?:\/|$)/i, 'other', 3],
  [/\/(?:deals|shopping|coupons)(?:\/|$)/i, 'other', 2],
  // Guides and how-tos: service pieces, not news ("/how-to-overcome-…", "/guides/…").
  [/\/how-to-|\/(?:guides?|how-?to|tips|recipes?)(?:\/|$)/i, 'other', 2.5],
  [/\/(?:fact-?checks?|truth-o-meter)(?:\/|$)/i, 'analysis', 2.5],
  [/\/blogs?(?:\/|$)/i, 'other', 1.5],
];
const SECTION_CUES: [RegExp, ContentType, number][] = [
  [/\b(?:opinion|comment|columns?|columnists?|editorials?|op-?ed|letters)\b/i, 'opinion', 2.5],
  [/\banalysis\b/i, 'analysis', 2.5],
  [/\breviews?\b/i, 'review', 2.5],
  [/\bobituar(?:y|ies)\b/i, 'obituary', 3],
  [/\bpress releases?\b/i, 'press-release', 3],
  [/\blive\b/i, 'live-blog', 2],
];

/** Per-language content-type cues, beside the language-neutral ones (JSON-LD, URL words, Q&A and time-stamp layout). */
export interface ContentTypeCues {
  /** English title and text measures (first person, argumentative words, review and release markers, deaths). */
  english: boolean;
  /** More URL path cues ("/pressemitteilung/"). */
  paths: [RegExp, ContentType, number][];
  /** Text markers, counted (global regexes): weight per hit, capped at three hits. */
  markers: [RegExp, ContentType, number, string][];
  /** Title markers ("Das sollten Sie wissen", "Kommentar:"), each counted once. */
  titleMarkers?: [RegExp, ContentType, number, string][];
  /** First person singular and plural pronouns outside quotes. */
  firstPerson?: RegExp;
  firstPlural?: RegExp;
  /** "We" as everyone, in a call to act ("Wir müssen handeln"): a commentator's, not an organisation's voice. */
  inclusivePlural?: RegExp;
  /** Addressing the reader ("du", "Sie"): guides, service pieces, horoscopes, blogs. */
  secondPerson?: RegExp;
  /**
   * Times per 100 words outside quotes from which the reader is addressed (0.3 unless set): English reports say
   * "you" more often than German ones say "Sie" inside a sentence (a product's "you can choose…").
   */
  secondPersonMin?: number;
  /** A death reported in the first paragraphs, and the details of a life around it (born, survived by, funeral). */
  obituary?: { lead: RegExp; details: RegExp };
  /**
   * Explanatory framing: a title or a heading that asks why or says what something means ("Why the market
   * ignores the economy", "Was bedeutet das?"), and the hedged, forward-looking words an analysis weighs with.
   */
  explainer?: { title: RegExp; headings: RegExp; hedges: RegExp };
  /**
   * Where web copy in the language is mostly not news (guides, portraits, travel, blogs), news needs a sign of a
   * report: a dateline, a news section in the URL, a day named for an event, reported speech in the past tense.
   */
  newsEvidence?: { dateline: RegExp; paths: RegExp; eventTime: RegExp; reportedSpeech: RegExp };
}

/** English cues. */
export const ENGLISH_CONTENT_TYPE_CUES: ContentTypeCues = {
  english: true,
  paths: [],
  markers: [],
  // "Thank you" is a formula, not the reader addressed.
  secondPerson: /\b(?<!thank )(?:you|your|yours|yourself|yourselves)\b/gi,
  // Dev: news at most 0.5, guides and blogs 1.7 and more; a held-back report lies between 1.0 and 1.2 (found when
  // 1.0 was raised), so the bar sits just under the guides, well clear of a service report's "if you live in…".
  secondPersonMin: 1.5,
  obituary: ENGLISH_OBITUARY,
  firstPerson: /\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|[Mm]e|[Mm]y|[Mm]yself)\b/g,
  firstPlural: /\b(?:[Ww]e|[Oo]ur|us)\b/g,
  explainer: {
    // "How police found…", "What happens next?", "What we know" head reports too: only "why" and "what it means".
    title: /^why\b|\bexplained\b|^explainer\b|\bwhat (?:it|this|that) means\b/i,
    headings: /^(?:(?:why|what does (?:it|this|that) mean)\b[^\n]*\?|(?:what (?:it|this|that) means|the bottom line)\b[^.\n]*)$/i,
    hedges: /\b(?:likely|unlikely|may|might|could|expect(?:s|ed)?|probably|perhaps|possibly|outlook)\b/gi,
  },
};
/** No language resources: layout and URL only. */
export const NEUTRAL_CONTENT_TYPE_CUES: ContentTypeCues = { english: false, paths: [], markers: [] };

/**
 * Tells news from opinion, analysis, press releases, live blogs, obituaries, reviews and interviews from page
 * metadata (JSON-LD type, section, URL, byline) and the text itself (first person, quotation density, markers).
 * News is the default: every other type needs evidence.
 */
export function classifyContentType(signals: ContentTypeSignals, cues: ContentTypeCues = ENGLISH_CONTENT_TYPE_CUES): ContentTypeResult {
  const scores = new ContentTypeScores();
  const add = scores.add;
  const path = urlPath(signals.url);
  metadataCues(signals, cues, path, add);
  if (cues.english) englishTitleCues(signals.title ?? '', add);
  for (const [re, type, weight, why] of cues.titleMarkers ?? []) if (re.test(signals.title ?? '')) add(type, weight, `title: ${why}`);

  const m = measureText(signals.bodyText);
  if (cues.english) englishVoiceCues(m, add);
  languageCues(m, cues, path, add);
  const own = ownSite(signals.url, m.text);
  if (own) add('press-release', 2.5, `the text opens with the site's owner (${own})`);
  const timestamps = m.paragraphs.filter((p) =>
    /^(?:\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s*(?:GMT|BST|UTC|ET|EST|EDT|CET|CEST|PT|PST))?|Updated\s+\d{1,2}[:.]\d{2})\b/i.test(
      p,
    ),
  ).length;
  if (timestamps >= 3) add('live-blog', Math.min(5, timestamps), `${timestamps} time-stamped entries`);
  if (cues.obituary) obituaryCues(m, cues.obituary, add);
  if (cues.english) englishCheckCues(m, add);
  qaLayout(m, cues, add);
  const questions = m.paragraphs.filter((p) => /^(?:Q\s*[:.)]|Question\s*:)/.test(p)).length;
  const answers = m.paragraphs.filter((p) => /^(?:A\s*[:.)]|Answer\s*:)/.test(p)).length;
  if (questions >= 2 && answers >= 2) add('interview', 4, `${questions} questions and ${answers} answers (Q&A format)`);
  if (cues.english) englishDisclosureCues(m, add);
  if (cues.english) englishSignOffCues(m, add);
  if (cues.explainer) explainerCues(m, signals.title ?? '', cues.explainer, add);
  return scores.result();
}

// Page metadata: JSON-LD type, URL path, section and byline.
function metadataCues(signals: ContentTypeSignals, cues: ContentTypeCues, path: string, add: AddCue): void {
  for (const t of [signals.jsonLdType ?? []].flat()) {
    for (const [re, type, w] of JSON_LD) if (re.test(t.trim())) add(type, w, `JSON-LD type ${t}`);
  }
  if (path) for (const [re, type, w] of [...PATH_CUES, ...cues.paths]) if (re.test(path)) add(type, w, `URL ${path}`);
  if (signals.section) for (const [re, type, w] of SECTION_CUES) if (re.test(signals.section)) add(type, w, `section "${signals.section}"`);
  if (signals.byline) {
    if (/\b(?:columnist|opinion|contributor|guest (?:writer|column(?:ist)?)|editorial board)\b/i.test(signals.byline))
      add('opinion', 2, `byline "${signals.byline}"`);
    if (/\banalysis\b/i.test(signals.byline)) add('analysis', 2, `byline "${signals.byline}"`);
  }
}

// The language pack's own markers, the reader addressed, signs of a report and first person.
function languageCues(m: TextMeasures, cues: ContentTypeCues, path: string, add: AddCue): void {
  for (const [re, type, weight, why] of cues.markers) {
    const hits = count(m.text, re);
    if (hits) add(type, weight * Math.min(3, hits), `${hits} ${why}`);
  }
  if (cues.secondPerson) {
    // Questions put to someone and answered ("Wie haben Sie sich vorbereitet?") address the one interviewed.
    const asked = m.paragraphs.filter(
      (p, i) => /\?\s*$/.test(p) && m.paragraphs[i + 1] !== undefined && !/\?\s*$/.test(m.paragraphs[i + 1]),
    );
    const inQuestions = asked.reduce((n, p) => n + count(p, cues.secondPerson as RegExp), 0);
    const addressed = Math.max(0, count(m.outside, cues.secondPerson) - inQuestions);
    const you = addressed / (m.words / 100);
    // One "you" in a short text is no habit.
    if (addressed >= 2 && you >= (cues.secondPersonMin ?? 0.3))
      add('other', Math.min(2, 1 + you / 2), `the reader addressed ${round(you)} times per 100 words`);
  }
  if (cues.newsEvidence) newsEvidence(cues.newsEvidence, m.text, m.outside, path, add);
  if (!cues.english && cues.firstPerson) {
    const singular = count(m.outside, cues.firstPerson) / (m.words / 100);
    if (singular >= 0.8)
      add('opinion', Math.min(1.5, singular / 2), `first person singular ${round(singular)} per 100 words outside quotes`);
    if (cues.firstPlural) organisationVoice(m, cues, singular, add);
  }
}

// An explainer asks why or says what it means, in its title or its headings, and weighs what may come: worth more
// than quotations with a reporting verb (0.5) or no sign of a report (1.2) only with both.
function explainerCues(m: TextMeasures, title: string, cues: NonNullable<ContentTypeCues['explainer']>, add: AddCue): void {
  const headings = m.paragraphs.filter((p) => p.length <= 140 && cues.headings.test(p)).length;
  const framing = headings + (cues.title.test(title) ? 1 : 0);
  if (!framing) return;
  add('analysis', 1.2 * Math.min(2, framing), `explanatory framing (${framing} "why" or "what it means" title or headings)`);
  const hedges = count(m.outside, cues.hedges) / (m.words / 100);
  if (hedges >= 0.3) add('analysis', 0.6, `hedged, forward-looking words ${round(hedges)} per 100 words`);
}

function obituaryCues(m: TextMeasures, cues: NonNullable<ContentTypeCues['obituary']>, add: AddCue): void {
  const lead = m.paragraphs.slice(0, 3).join(' ');
  if (cues.lead.test(lead) && cues.details.test(m.text))
    add('obituary', 3.5, 'reports a death with life details (born, survived by, funeral)');
}

// Labels that head lines of data or lists, not speakers: contact lines, pros and cons, captions.
const FIELD_LABEL =
  /^(?:tel|telefon|phone|fax|e-?mail|mail|web|internet|www|adresse|address|quelle|source|foto|fotos|photo|bild|credit|pro|pros|contra|kontra|cons|fazit|verdict|tipp|tip|hinweis|note|update|kontakt|contact|zutaten|preis|price)$/i;

// The interview's layout without Q/A labels: questions, each answered by a paragraph in the first person, or two
// speakers' labels taking turns ("Müller: …", "ZEIT: …").
function qaLayout(m: TextMeasures, cues: ContentTypeCues, add: AddCue): void {
  const firstPerson = [cues.firstPerson, cues.firstPlural].filter((re): re is RegExp => re !== undefined);
  if (firstPerson.length) {
    let answered = 0;
    for (let i = 0; i + 1 < m.paragraphs.length; i++) {
      const [q, a] = [m.paragraphs[i], m.paragraphs[i + 1]];
      if (q.length <= 400 && /\?\s*$/.test(q) && !/\?\s*$/.test(a) && firstPerson.some((re) => count(a, re) > 0)) answered++;
    }
    if (answered >= 3) add('interview', Math.min(3.5, answered * 0.8), `${answered} questions answered in the first person`);
  }
  const labels = m.paragraphs
    .map((p) => /^(\p{Lu}[\p{L}.'’-]*(?: \p{Lu}?[\p{L}.'’-]+){0,2})\s?:\s+\S/u.exec(p)?.[1])
    .filter((l): l is string => l !== undefined && !FIELD_LABEL.test(l));
  const turns = labels.filter((l, i) => i > 0 && l !== labels[i - 1]).length;
  const speakers = new Map<string, number>();
  for (const l of labels) speakers.set(l, (speakers.get(l) ?? 0) + 1);
  const [first, second] = [...speakers.values()].sort((a, b) => b - a);
  if (turns >= 5 && second >= 3 && first + second >= 0.8 * labels.length)
    add('interview', 4, `two speakers take ${turns} turns (${[...speakers.keys()].slice(0, 2).join(', ')})`);
}

// "wird uns der Steinkauz durch das Jahr begleiten": outside quotes, a text that speaks as "we" without an "I" and
// without addressing the reader is an organisation's own (a blog says "I", a guide "you", a report neither).
function organisationVoice(m: TextMeasures, cues: ContentTypeCues, singular: number, add: AddCue): void {
  const plural = count(m.outside, cues.firstPlural as RegExp) / (m.words / 100);
  const you = cues.secondPerson ? count(m.outside, cues.secondPerson) / (m.words / 100) : 0;
  // Worth more than a news section in the URL alone, less than a dateline with reported speech.
  const everyone = cues.inclusivePlural ? count(m.outside, cues.inclusivePlural) : 0;
  if (plural >= 0.3 && singular < 0.3 && you < 0.3 && everyone === 0)
    add('press-release', 1.6, `first person plural ${round(plural)} per 100 words outside quotes, no "I" or "you"`);
}

function newsEvidence(cues: NonNullable<ContentTypeCues['newsEvidence']>, text: string, outside: string, path: string, add: AddCue): void {
  const signs: string[] = [];
  if (cues.dateline.test(text.slice(0, 300))) signs.push('dateline');
  if (path && cues.paths.test(path)) signs.push('news section in the URL');
  if (cues.eventTime.test(text)) signs.push('a day named for an event');
  if (count(text, cues.reportedSpeech) >= 2) signs.push('reported speech');
  if (signs.length) add('news', Math.min(1.5, 0.5 * signs.length), signs.join(', '));
  // No sign of a report: a portrait, guide or feature ("other") rather than news.
  else add('other', 1.2, 'no dateline, news section, event day or reported speech');
}

// A release on the organisation's own site names it first: "Ascom, a global solutions provider…" on ascom.com,
// "my6sense names…" on my6sense.com. Agency credits in brackets ("(CNN) —") do not count.
function ownSite(url: string | undefined, text: string): string | undefined {
  if (!url) return undefined;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  const labels = host.replace(/^www\d?\./, '').split('.');
  const name = labels.length >= 2 ? labels[labels.length - 2] : '';
  // A site named after a word or a place ("space.com", "cleveland.com", "trails.de") is no organisation's own.
  const g = gazetteer();
  const singular = name.replace(/s$/, '');
  if (name.length < 3 || [name, singular].some((w) => g.commonWords.has(w) || g.places.has(w) || g.cities.has(w))) return undefined;
  const opening = text
    .slice(0, 250)
    .replace(/\([^)]*\)/g, ' ')
    .toLowerCase();
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[^\p{L}\p{N}]/gu, '.')}(?![\\p{L}\\p{N}])`, 'u');
  // Host names are ASCII: "mueller-bau.de" is Müller Bau's, "societe-generale.com" Société Générale's.
  for (const spelling of new Set([opening, asciiGerman(opening), withoutMarks(opening)])) {
    const at = spelling.search(pattern);
    if (at >= 0) return spelling.slice(at, at + name.length);
  }
  return undefined;
}

const asciiGerman = (text: string): string => text.replace(/[äöüß]/g, (c) => ({ ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' })[c] as string);
const withoutMarks = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '');

function urlPath(url: string | undefined): string {
  if (!url) return '';
  try {
    const u = new URL(url);
    return `${u.hostname}${u.pathname}`.toLowerCase();
  } catch {
    return url.toLowerCase();
  }
}
