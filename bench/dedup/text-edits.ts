import type { SeededRandom } from './seeded-random';

/**
 * The edits newsrooms make to a story, as text transformations: word changes, corrections, new headlines, new
 * leads, trimmed endings, and the boilerplate sites and agencies wrap copy in. The boilerplate below is written
 * for this bench (fictional outlets and names); the story texts themselves are read from ../shared at run time.
 */

/** A body as paragraphs of sentences. */
export type Paragraphs = string[][];

// A sentence ends at . ! ? … (or their CJK forms), possibly followed by closing quotes or brackets.
const SENTENCE_END = /(?<=[.!?…。！？]["'”’»)\]]*)\s+/u;

export function toParagraphs(body: string): Paragraphs {
  return body
    .split(/\n+/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => paragraph.split(SENTENCE_END).filter(Boolean));
}

export function fromParagraphs(paragraphs: Paragraphs): string {
  return paragraphs
    .filter((sentences) => sentences.length > 0)
    .map((sentences) => sentences.join(' '))
    .join('\n\n');
}

export function sentencesOf(body: string): string[] {
  return toParagraphs(body).flat();
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;
// A token worth replacing: it holds a letter (not a number, a dash or a bullet).
const isWord = (token: string) => /\p{L}/u.test(token);

/** Replaces `count` word tokens at random positions with corpus words, keeping surrounding punctuation. */
export function changeWords(paragraphs: Paragraphs, count: number, random: SeededRandom, vocabulary: readonly string[]): Paragraphs {
  const tokens = paragraphs.map((sentences) => sentences.map((sentence) => sentence.split(' ')));
  const positions: Array<[number, number, number]> = [];
  tokens.forEach((sentences, p) => sentences.forEach((words, s) => words.forEach((word, w) => isWord(word) && positions.push([p, s, w]))));
  for (const [p, s, w] of random.shuffle(positions).slice(0, count)) tokens[p][s][w] = replaceWord(tokens[p][s][w], random, vocabulary);
  return tokens.map((sentences) => sentences.map((words) => words.join(' ')));
}

/** Replaces each word token of a sentence with probability `rate`. */
export function editSentence(sentence: string, rate: number, random: SeededRandom, vocabulary: readonly string[]): string {
  return sentence
    .split(' ')
    .map((word) => (isWord(word) && random.chance(rate) ? replaceWord(word, random, vocabulary) : word))
    .join(' ');
}

function replaceWord(token: string, random: SeededRandom, vocabulary: readonly string[]): string {
  const [, lead, , trail] = /^(\W*)(.*?)(\W*)$/u.exec(token) ?? ['', '', token, ''];
  return `${lead}${random.pick(vocabulary)}${trail}`;
}

/** Letter-only words of 3+ letters from the texts: what replaced words are drawn from. */
export function buildVocabulary(texts: readonly string[]): string[] {
  const words = new Set<string>();
  for (const text of texts) for (const word of text.match(/\p{L}{3,}/gu) ?? []) words.add(word);
  return [...words].sort();
}

/**
 * A new headline written from the story's lead, the way a desk re-headlines a piece: 5–10 consecutive words of its
 * first sentence. Falls back to the old headline's words reordered when the lead is too short.
 */
export function newHeadline(title: string, paragraphs: Paragraphs, random: SeededRandom): string {
  const lead = (paragraphs[0]?.[0] ?? '')
    .replace(/[^\p{L}\p{N}\s'’-]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  if (lead.length < 6) return `${random.shuffle(title.split(' ')).join(' ')}: what we know`;
  const length = Math.min(lead.length, random.int(5, 10));
  const start = random.int(0, Math.min(3, lead.length - length));
  const words = lead.slice(start, start + length);
  return words.join(' ').replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

/** A new first sentence by another writer: words of the old lead, reordered, so no 3-word run survives by design. */
export function newLead(paragraphs: Paragraphs, random: SeededRandom): string {
  const words = paragraphs
    .flat()
    .slice(0, 2)
    .join(' ')
    .replace(/[^\p{L}\p{N}\s'’-]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const picked = random.shuffle(words).slice(0, Math.max(6, Math.min(16, words.length)));
  const sentence = picked.join(' ').toLowerCase();
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

const CITIES = ['LONDON', 'NEW YORK', 'WASHINGTON', 'PARIS', 'SYDNEY', 'TORONTO', 'BERLIN', 'MADRID', 'NAIROBI', 'SINGAPORE'];
const MONTHS = ['Jan', 'Feb', 'March', 'April', 'May', 'June', 'July', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];
const NAMES = ['Ana Reyes', 'Tom Okafor', 'Lena Fischer', 'Priya Nair', 'Sam Whitlock', 'Mei Tanaka', 'Jonas Berg', 'Clara Dumont'];

/** An outlet that runs other outlets' copy, with its own template. Fictional. */
export interface Outlet {
  readonly slug: string;
  readonly name: string;
  readonly agency: string;
  readonly footer: string;
}

export const PARTNER_OUTLETS: readonly Outlet[] = [
  {
    slug: 'bench-northwire',
    name: 'Northwire',
    agency: 'Northwire',
    footer:
      '(c) 2026 Northwire News Agency. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.',
  },
  {
    slug: 'bench-valley-courier',
    name: 'The Valley Courier',
    agency: 'Meridian News Service',
    footer:
      'Copyright The Valley Courier 2026. Distributed by Meridian News Service. Have a news tip? Email the newsroom or call our tip line any time of day.',
  },
  {
    slug: 'bench-coastline-times',
    name: 'Coastline Times',
    agency: 'Press Union Service',
    footer:
      'This story was produced with material from Press Union Service. Coastline Times is an independent, reader-funded newsroom. Support local journalism today.',
  },
];

/** The house template of a fictional outlet whose every story carries it: the hard case for same-source negatives. */
export const HOUSE_TEMPLATE = {
  slug: 'bench-gazette',
  name: 'The Bench Gazette',
  footer:
    'Get the Bench Gazette morning briefing: the stories that matter, delivered to your inbox before breakfast. Sign up now, it is free and you can unsubscribe at any time. ' +
    'Follow us on social media for breaking news, live coverage and analysis from our reporters around the world. The Bench Gazette, independent journalism since 1887.',
} as const;

export function withHouseTemplate(body: string): string {
  return `${body}\n\n${HOUSE_TEMPLATE.footer}`;
}

export function dateline(random: SeededRandom, agency: string): string {
  const city = random.pick(CITIES);
  return random.chance(0.5) ? `${city} (${agency}) —` : `${city}, ${random.pick(MONTHS)} ${random.int(1, 28)} (${agency}) -`;
}

export function creditLine(random: SeededRandom): string {
  const [a, b] = random.shuffle(NAMES);
  return random.chance(0.5)
    ? `Reporting by ${a}; Editing by ${b}`
    : `Additional reporting by ${a} in ${random
        .pick(CITIES)
        .toLowerCase()
        .replace(/^\w|\s\w/g, (c) => c.toUpperCase())}.`;
}

/** A correction or update line of the kind added to a published story. */
export function correctionSentence(paragraphs: Paragraphs, random: SeededRandom): string {
  const names = paragraphs
    .flat()
    .join(' ')
    .match(/\b\p{Lu}\p{Ll}{2,}\b/gu) ?? ['the company'];
  const name = random.pick(names);
  const day = random.pick(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']);
  return random.pick([
    `Correction: an earlier version of this story misstated a figure attributed to ${name}.`,
    `This article was amended on ${day} to correct the spelling of ${name}.`,
    `Update: ${name} did not respond to a request for comment by the time of publication.`,
    `A spokesperson for ${name} confirmed the details on ${day} evening.`,
    `Clarification: this story has been updated to make clear that ${name} was not involved in the decision.`,
  ]);
}

const NEWSLETTERS = [
  'Sign up for our free daily newsletter to get the top stories delivered to your inbox every morning.',
  'Want more stories like this? Subscribe to the weekly briefing and never miss an update.',
  'Enjoying this article? Get breaking news alerts on your phone with our free app.',
];
const SHARE_LINES = ['Share this article: Facebook, X, WhatsApp, Email', 'Share on social media or copy the link to this story.'];
const AD_MARKERS = ['Advertisement', 'Story continues below advertisement', 'ADVERTISEMENT'];

// A short paragraph that is furniture, not story: what a re-template removes (the story's own short lines stay).
const BOILERPLATE_LINE =
  /^(?:read more|more:|related|see also|recommended|advertisement|story continues|sign up|subscribe|follow us|share (?:this|on)|photo:|image:|©|\(c\)|copyright|click here|watch:|listen:)/i;

/**
 * Re-templated copy: short boilerplate paragraphs (read-more lines, ad markers, credits) mostly removed, and 2–4
 * items of boilerplate added: related-story links with other stories' headlines, a newsletter blurb, advertisement
 * markers, a photo credit, a share line.
 */
export function changeBoilerplate(paragraphs: Paragraphs, random: SeededRandom, otherHeadlines: readonly string[]): Paragraphs {
  const isBoilerplate = (sentences: string[]) => wordCount(sentences.join(' ')) <= 25 && BOILERPLATE_LINE.test(sentences.join(' ').trim());
  const kept = paragraphs.filter((sentences) => !isBoilerplate(sentences) || random.chance(0.2));
  const result = kept.map((sentences) => [...sentences]);
  const insertAt = (paragraph: string[]) => result.splice(random.int(1, Math.max(1, result.length - 1)), 0, paragraph);
  // The photo credit goes last so that it heads the story rather than pushing insertions around.
  const items = random
    .shuffle(['related', 'newsletter', 'advert', 'credit', 'share', 'related-2'])
    .slice(0, random.int(2, 4))
    .sort((a, b) => Number(a === 'credit') - Number(b === 'credit'));
  for (const item of items) {
    switch (item) {
      case 'related':
      case 'related-2':
        insertAt([`${random.pick(['Read more:', 'RELATED:', 'See also:'])} ${random.pick(otherHeadlines)}`]);
        break;
      case 'newsletter':
        insertAt([random.pick(NEWSLETTERS)]);
        break;
      case 'advert':
        insertAt([random.pick(AD_MARKERS)]);
        break;
      case 'credit':
        result.unshift([`Photo: ${random.pick(NAMES)}/${random.pick(['Getty Images', 'File photo', 'Handout'])}`]);
        break;
      default:
        result.push([random.pick(SHARE_LINES)]);
    }
  }
  return result;
}
