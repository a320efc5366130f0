import type { EntityMention } from '../entities/entity.extractor';
import { splitParagraphs, type Sentence } from '../text/text.tokenizer';
import { antecedent } from './antecedent';
import type { BlockQuote } from './block-quote.extractor';
import { pullQuotes } from './pull-quotes';
import { findQuoteSpans, type QuoteSpan } from './quote-span.finder';
import { compileQuoteRules, ENGLISH_QUOTE_RULES, type CompiledQuoteRules, type QuoteRules } from './quote.rules';
import { resolve, type QuoteContext as Context, type Speaker } from './quote-speaker.resolver';
import type { ArticleQuote } from './quote.types';

export type { ArticleQuote } from './quote.types';

/**
 * Finds direct quotes and attributes each to a speaker: "…," said X / "…," X said / X said: "…" / attribution in
 * the next sentence / a dash line under the quote; pronouns go to the nearest person named before the quote, and
 * quotes without attribution that follow a quote go to the same speaker.
 */
export function extractQuotes(
  text: string,
  sentences: Sentence[],
  mentions: EntityMention[],
  blockQuotes: BlockQuote[] = [],
  rules: QuoteRules = ENGLISH_QUOTE_RULES,
): ArticleQuote[] {
  const r = compileQuoteRules(rules);
  const paragraphs = splitParagraphs(text);
  const spans = [...findQuoteSpans(text, r.marks), ...blockQuoteSpans(text, paragraphs, blockQuotes)].sort((a, b) => a.openAt - b.openAt);
  const citations = new Map(blockQuotes.filter((b) => b.cite).map((b) => [b.text.slice(0, 40), b.cite as string]));
  const quotes: ArticleQuote[] = [];
  const ctx: Context = { text, sentences, mentions, descriptions: [], r };
  let previous: { speaker: Speaker | undefined; paragraph: number; continues: boolean } | undefined;
  // Whether each quote's speaker came from its own attribution (not inherited or guessed from the previous quote).
  const explicit: boolean[] = [];
  const continues: boolean[] = [];

  for (const q of spans) {
    const paragraph = paragraphs[q.paragraph];
    const sentence = sentences.find((s) => s.start <= q.openAt && q.openAt < s.end) ?? sentences.find((s) => s.start >= q.openAt);
    const inherited = previous?.continues && previous.paragraph === q.paragraph - 1;
    // "“I didn't think about it,” he said. “You just go.”": a short sentence quoted after a quote of the same
    // paragraph goes on with it.
    const goesOn = previous?.paragraph === q.paragraph && /^\p{Lu}/u.test(q.text) && /[.!?…]$/.test(q.text);
    if (!inherited && !goesOn && !isQuote(q, text, paragraph.start, sentence, r)) continue;

    const cite = citations.get(q.text.slice(0, 40));
    let speaker: Speaker | undefined = cite ? resolveCitation(cite, mentions) : undefined;
    speaker ??= attributionAfter(q, paragraph, ctx, false);
    // "Die Polizei teilte mit: „…“ Zeuge X sagte, …": an introduction in the quote's own sentence beats the next one.
    speaker ??= attributionBefore(q, paragraph, ctx);
    speaker ??= attributionAfter(q, paragraph, ctx, true);
    speaker ??= dashLine(paragraphs[q.paragraph + 1]?.text);
    // „…“, sagt der Präsident des Verbands, Georg Keller. / «…», a déclaré le ministre Jean Dupont.
    speaker ??= personLaterInSentence(q, ctx);
    explicit.push(Boolean(speaker));
    // "Smith said the plan was flawed. “It will never work.”": a quote after reported speech is the reporter's.
    speaker ??= reportedSpeaker(q, ctx, previous?.paragraph);
    continues.push(q.continues);
    // "Trainer Tom Weber ist enttäuscht. „…“": someone else named before the quote in its own paragraph speaks,
    // unless the paragraph names the previous speaker again.
    if (!speaker && !inherited && previous && previous.paragraph < q.paragraph) speaker = personBeforeInParagraph(q, ctx, previous.speaker);
    // A quote continued from the previous paragraph, or following one closely, has that quote's speaker.
    if (!speaker && previous && (inherited || q.paragraph - previous.paragraph <= 2)) speaker = previous.speaker;
    // A quote nobody is said to have said, after a paragraph about someone: theirs ("Ruth Kemp runs the shelter.
    // “We never turn anyone away.”").
    if (!speaker && !q.continues) speaker = personInFocus(q, ctx);

    if (!speaker && !r.keepUnattributed) continue;
    quotes.push({ text: q.text, speaker: speaker?.name ?? null, speakerType: speaker?.type ?? 'unknown' });
    previous = { speaker, paragraph: q.paragraph, continues: q.continues };
  }
  carryBack(quotes, explicit, continues);
  echoSpeakers(quotes, explicit);
  pullQuotes(quotes);
  return quotes;
}

// A quote running over several paragraphs is usually attributed at its end ("…,” Ellison said): carry that
// speaker back to the opening paragraphs when they had no attribution of their own.
function carryBack(quotes: ArticleQuote[], explicit: boolean[], continues: boolean[]): void {
  for (let i = quotes.length - 2; i >= 0; i--) {
    if (continues[i] && !explicit[i] && explicit[i + 1] !== undefined && quotes[i + 1].speaker) {
      quotes[i].speaker = quotes[i + 1].speaker;
      quotes[i].speakerType = quotes[i + 1].speakerType;
      explicit[i] = true;
    }
  }
}

// A pull quote or a quoted subheading repeats words quoted elsewhere with an attribution ("My fears have been
// realized" above "Morrison told the committee, “… My fears have been realized.”"): the attributed one's speaker.
function echoSpeakers(quotes: ArticleQuote[], explicit: boolean[]): void {
  const plain = (s: string): string =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  for (const [i, q] of quotes.entries()) {
    const words = plain(q.text);
    if (explicit[i] || words.split(' ').length < 3) continue;
    const source = quotes.find((other, j) => j !== i && explicit[j] && other.speaker && plain(other.text).includes(words));
    if (source) {
      q.speaker = source.speaker;
      q.speakerType = source.speakerType;
    }
  }
}

// Block quotes whose text the body carries without quote marks become quote spans over their paragraphs.
function blockQuoteSpans(
  text: string,
  paragraphs: { text: string; start: number; index: number }[],
  blockQuotes: BlockQuote[],
): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  for (const b of blockQuotes) {
    const head = b.text.slice(0, 40);
    const paragraph = paragraphs.find((p) => p.text.includes(head));
    if (!paragraph || /^\s*[“"]/.test(paragraph.text)) continue;
    const start = paragraph.start + paragraph.text.indexOf(head);
    const end = Math.min(paragraph.start + paragraph.text.length, start + b.text.length);
    spans.push({
      text: text.slice(start, end).trim(),
      start,
      end,
      openAt: start,
      closeAt: end,
      paragraph: paragraph.index,
      continues: false,
      standsAlone: true,
    });
  }
  return spans;
}

function resolveCitation(cite: string, mentions: EntityMention[]): Speaker {
  const name = cite.split(/,|\(|@/)[0].trim();
  const known = mentions.find((m) => m.canonical === name || m.canonical.endsWith(` ${name}`) || name.includes(m.canonical));
  return known ? { name: known.canonical, type: known.type === 'place' ? 'organisation' : known.type } : { name, type: 'description' };
}

function isQuote(q: QuoteSpan, text: string, paragraphStart: number, sentence: Sentence | undefined, r: CompiledQuoteRules): boolean {
  const before = text.slice(Math.max(paragraphStart, q.openAt - 40), q.openAt);
  if (r.notAQuoteBefore.test(before)) return false;
  if (r.workBefore && titleOfWork(q, text, paragraphStart, r.workBefore)) return false;
  const words = q.text.split(/\s+/).length;
  // Titles of works are short and capitalised throughout ("Born to be Wild"); scare quotes are short and no one
  // is said to have said them.
  if (
    words <= 6 &&
    !q.standsAlone &&
    q.text.split(/\s+/).every((w) => /^[\p{Lu}\p{N}]/u.test(w) || /^(?:of|the|a|an|to|in|and|on|for|be)$/.test(w))
  )
    return false;
  if (words < 4 && !(sentence && r.speechInSentence.test(sentence.text)) && !speechAfterClose(q, text, r)) return false;
  return true;
}

// "“Oh, actually? Yes,” he assures himself.": a question or exclamation inside a short quote ends the sentence it
// opened in, so its attribution is read after the closing mark, up to the end of that sentence.
function speechAfterClose(q: QuoteSpan, text: string, r: CompiledQuoteRules): boolean {
  const after = /^[^.!?\n“"„»«]{0,60}/.exec(text.slice(q.closeAt + 1))?.[0] ?? '';
  return r.speechInSentence.test(after);
}

// Titles of films, books and songs in quote marks: after a noun for a work ("des Films „…“", "Klassiker wie „…“"),
// also as the next item of a list of titles ("„…“ und „…“", "„…“ (1982) und „…“"), inside a bracket ("(„…“, 2004)")
// or dated by a year after it ("„…“ (1988)").
function titleOfWork(q: QuoteSpan, text: string, paragraphStart: number, workBefore: RegExp): boolean {
  if (/^\s*(?:\(\s*|,\s*)(?:1[89]|20)\d\d(?!\d)/.test(text.slice(q.closeAt + 1, q.closeAt + 12))) return true;
  let before = text.slice(Math.max(paragraphStart, q.openAt - 300), q.openAt);
  if (/\(\s*$/.test(before)) return true;
  // Earlier titles of the same list, each with an optional bracket: "„A“ (1982/83) und „B“".
  const listItem = /[„“"»«‚][^„“”"»«‚‘\n]{1,80}[“”"«»‘]\s*(?:\([^()\n]{1,30}\)?\s*)?(?:,|und|sowie|oder)\s*$/u;
  for (let m = listItem.exec(before); m; m = listItem.exec(before)) before = before.slice(0, m.index);
  return workBefore.test(before);
}

// A short title in quote marks inside a sentence, a lower-case word after it: "the “Pose” actor said".
const SHORT_TITLE = /(?<=\s)[“"][^“”"\n.,;:!?]{1,25}[”"](?=\s+\p{Ll})/gu;

// The attribution after a quote: in its own sentence, or (nextSentence) in the sentence after it when its own
// sentence ends with the quote.
function attributionAfter(
  q: QuoteSpan,
  paragraph: { text: string; start: number },
  ctx: Context,
  nextSentence: boolean,
): Speaker | undefined {
  const { text, sentences, r } = ctx;
  const paragraphEnd = paragraph.start + paragraph.text.length;
  let from = q.closeAt + 1;
  // A short title in quotes inside the attribution ("the “Pose” actor said": no punctuation, a lower-case word
  // after it) is no next quote: masked, same length.
  let rest = text.slice(from, paragraphEnd).replace(SHORT_TITLE, (m) => 'x'.repeat(m.length));
  // Up to the next quote (any language's marks) or the end of the sentence; an initial or a title's abbreviation
  // ends none ("betonte Prof. Dr. Eva Wenz").
  const stop = rest.search(/[“"„»«]|(?<!(?<![\p{L}])(?:\p{Lu}|Dr|Prof|Mr|Mrs|Ms|St))[.!?](?=\s+[\p{Lu}“"„»«]|\s*$)/u);
  let clause = endsOwnSentence(q, ctx) ? '' : stop >= 0 ? rest.slice(0, stop) : rest;
  if (!clause.replace(/[\s,.;:—–-]/g, '') !== nextSentence) return undefined;
  if (nextSentence) {
    // Nothing after the quote in its sentence: the attribution may be the next sentence ("…” The minister said
    // this on Tuesday.), as long as that sentence quotes nothing itself.
    const next = sentences.find((s) => s.start > q.closeAt && s.start < paragraphEnd);
    if (!next || /[“"„»«]/.test(next.text)) return undefined;
    from = next.start;
    rest = next.text;
    clause = rest;
    const verb = r.verbAnywhere.exec(clause);
    if (!verb || verb.index > 60) return undefined;
  }
  const lead = clause.length - clause.replace(/^[\s,;:—–-]+/, '').length;
  const body = clause.slice(lead);
  const start = from + lead;
  if (r.verbFirst.test(body)) {
    // "…," said Paul Torrey, associate professor…
    return subjectAfterVerb(body, start, r.verbFirst.exec(body)?.[0].length ?? 0, q, ctx);
  }
  const verb = r.verbAnywhere.exec(body);
  if (!verb || verb.index > 160) return undefined;
  // "…," Heyward said / "…," Dylan Nelson, a postdoctoral fellow at…, said in a statement
  const before = resolve(body.slice(0, verb.index), start, start + verb.index, q, ctx, true);
  // "„…“ Das sagte Müller am Montag.": a demonstrative before the verb, the speaker after it (verb second).
  // A pronoun before the verb is its subject, even one that names nobody: "he assures the interviewer".
  const subjectWords = body.slice(0, verb.index).trim().split(/\s+/);
  if (!before && subjectWords.length <= 2 && !subjectWords.some((w) => ctx.r.pronoun.test(w)))
    return subjectAfterVerb(body, start, verb.index + verb[0].length, q, ctx);
  // "“We're like every other district” trying to keep students safe, says Jane Roe": the quote's sentence goes on
  // past it, and a comma hands over to an inverted attribution; a name after the verb beats those words.
  if (before?.type === 'description' && /,\s*$/.test(body.slice(0, verb.index))) {
    const after = subjectAfterVerb(body, start, verb.index + verb[0].length, q, ctx);
    if (after && after.type !== 'description') return after;
  }
  return before;
}

// „Wir sind zufrieden.“ Laut …: the quote ends with its sentence's end, so what follows is the next sentence.
function endsOwnSentence(q: QuoteSpan, ctx: Context): boolean {
  if (!/[.!?…]$/.test(q.text)) return false;
  const after = ctx.text.slice(q.closeAt + 1);
  const next = q.closeAt + 1 + (after.length - after.trimStart().length);
  return ctx.sentences.some((s) => s.start === next);
}

// The speaker named after a speech verb: "said Paul Torrey, associate professor…", "sagt der Präsident des
// Verbands, Georg Keller", "laut Müller".
function subjectAfterVerb(body: string, start: number, verbEnd: number, q: QuoteSpan, ctx: Context): Speaker | undefined {
  let subject = body.slice(verbEnd).replace(/^\s+/, '');
  // "hieß es aus dem Ministerium": the speaker is the body the words came from, not the preposition phrase.
  const source = ctx.r.sourcePreposition.exec(subject);
  if (source) subject = subject.slice(source[0].length);
  const subjectStart = start + verbEnd + (body.length - verbEnd - subject.length);
  const end = subject.search(ctx.r.subjectEnd);
  const speaker = resolve(subject.slice(0, end), subjectStart, subjectStart + end, q, ctx);
  if (source && speaker?.type === 'description')
    return organisationNamedBefore(speaker.name, q, ctx) ?? { name: speaker.name, type: 'organisation' };
  // "…", sagt der Präsident des Verbands, Georg Keller. / said the group's chair, Ann Lee: a role, then the name.
  if (speaker?.type !== 'person' && subject[end] === ',') {
    const named = ctx.mentions.find((m) => m.type === 'person' && m.start >= subjectStart + end + 1 && m.start <= subjectStart + end + 3);
    if (named) return { name: named.canonical, type: 'person' };
  }
  return speaker;
}

function attributionBefore(q: QuoteSpan, paragraph: { text: string; start: number }, ctx: Context): Speaker | undefined {
  const { text, sentences, r } = ctx;
  const sentence = sentences.find((s) => s.start <= q.openAt && q.openAt < s.end);
  const from = Math.max(sentence?.start ?? paragraph.start, paragraph.start);
  let before = text.slice(from, q.openAt);
  // An earlier quote in the same sentence ends the search window: its attribution is its own. A short title in
  // quotes before a lower-case word ("Scott told “CBS This Morning” co-host Gayle King, “…”") is no quote.
  const titlesMasked = before.replace(SHORT_TITLE, (m) => 'x'.repeat(m.length));
  const lastClose = Math.max(titlesMasked.lastIndexOf('”'), titlesMasked.lastIndexOf('"'));
  const windowStart = lastClose >= 0 ? from + lastClose + 1 : from;
  before = text.slice(windowStart, q.openAt);
  // The speech verb nearest the quote introduces it ("That said, the DEA says that “…”").
  const verb = lastMatch(r.verbAnywhereGlobal, before);
  if (verb) {
    const speaker = resolve(before.slice(0, verb.index), windowStart, windowStart + verb.index, q, ctx, true);
    // "Laut Müller ist das „…“", "According to the ministry, “…”": the speaker after the verb.
    if (!speaker && before.slice(0, verb.index).trim().split(/\s+/).filter(Boolean).length <= 2)
      return subjectAfterVerb(before, windowStart, verb.index + verb[0].length, q, ctx);
    return speaker;
  }
  // "Müller: „…“", "Warren (D-Mass.): “…”": a name, perhaps with a bracket, then a colon.
  const colon = /(?:\s*\([^()]{1,40}\))?\s*:\s*$/.exec(before);
  if (colon) {
    const at = windowStart + colon.index;
    const named = ctx.mentions.find((m) => m.type !== 'place' && m.end === at);
    if (named) return { name: named.canonical, type: named.type === 'person' ? 'person' : 'organisation' };
    // "Der Kämmerer Uwe Kranz sieht das anders: „…“": no speech verb, but the person the sentence is about speaks.
    const subject = ctx.mentions.find((m) => m.type === 'person' && m.start >= windowStart && m.end <= at);
    if (subject) return { name: subject.canonical, type: 'person' };
  }
  // A paragraph introducing the quote with a colon: "The campaign website says:"
  if (/:\s*$/.test(before) || q.standsAlone) {
    const previousSentence = [...sentences].reverse().find((s) => s.end <= q.openAt);
    if (previousSentence && /:\s*$/.test(previousSentence.text)) {
      const v = r.verbAnywhere.exec(previousSentence.text);
      if (v) {
        const head = previousSentence.text.slice(0, v.index);
        const speaker = resolve(head, previousSentence.start, previousSentence.start + v.index, q, ctx, true);
        // "Dazu sagt sie:", "Weiter erklärte der Minister:": an adverb first, the speaker after the verb.
        if (speaker || head.trim().split(/\s+/).filter(Boolean).length > 2) return speaker;
        return subjectAfterVerb(previousSentence.text, previousSentence.start, v.index + v[0].length, q, ctx);
      }
      // "Der Jurist Thomas Schulte zeigt auf, wie …:" / "Dr Lee explains what went wrong:": the one introduced speaks.
      const person = ctx.mentions.find((m) => m.type === 'person' && m.start >= previousSentence.start && m.end <= previousSentence.end);
      if (person) return { name: person.canonical, type: 'person' };
    }
  }
  return undefined;
}

// "aus dem Ministerium" after "Das Bundesministerium für Bildung prüft …": the organisation named earlier whose
// name ends in the same noun.
function organisationNamedBefore(description: string, q: QuoteSpan, ctx: Context): Speaker | undefined {
  const head = description.split(/\s+/).pop()?.toLowerCase() ?? '';
  if (description.includes(' ') || head.length < 4) return undefined;
  const named = [...ctx.mentions].reverse().find(
    (m) =>
      m.type === 'organisation' &&
      m.end <= q.openAt &&
      ctx.text
        .slice(m.start, m.end)
        .toLowerCase()
        .split(/\s+/)
        .some((w) => w.endsWith(head)),
  );
  return named ? { name: named.canonical, type: 'organisation' } : undefined;
}

// A person named after the quote in its own sentence, within the attribution clause (no further quote between).
function personLaterInSentence(q: QuoteSpan, ctx: Context): Speaker | undefined {
  const sentence = ctx.sentences.find((s) => s.start <= q.closeAt && q.closeAt < s.end);
  if (!sentence) return undefined;
  const clause = ctx.text.slice(q.closeAt + 1, sentence.end);
  const stop = clause.search(/[“"„»«]/);
  const end = q.closeAt + 1 + Math.min(stop >= 0 ? stop : clause.length, 120);
  const person = ctx.mentions.find((m) => m.type === 'person' && m.start > q.closeAt && m.end <= end);
  return person ? { name: person.canonical, type: 'person' } : undefined;
}

// The person who speaks in reported speech in the one or two sentences before the quote (same or previous
// paragraph), unless an earlier quote there has its own attribution.
function reportedSpeaker(q: QuoteSpan, ctx: Context, previousQuoteParagraph: number | undefined): Speaker | undefined {
  const before = ctx.sentences.filter((s) => s.end <= q.openAt && s.paragraph >= q.paragraph - 1).slice(-2);
  for (const s of before.reverse()) {
    if (/[“"„»«]/.test(s.text) || previousQuoteParagraph === s.paragraph) return undefined;
    const verb = ctx.r.verbAnywhere.exec(s.text);
    if (!verb) continue;
    const people = ctx.mentions.filter((m) => m.type === 'person' && m.start >= s.start && m.end <= s.end);
    // The subject nearest the speech verb: "…, sagte Lucke am Samstag" / "Lucke said on Saturday".
    const at = s.start + verb.index;
    const nearest = people.sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0];
    if (nearest) return { name: nearest.canonical, type: 'person' };
  }
  return undefined;
}

// The person named last before a quote in the quote's own paragraph, outside any earlier quote there.
function personBeforeInParagraph(q: QuoteSpan, ctx: Context, previous: Speaker | undefined): Speaker | undefined {
  const own = ctx.mentions.filter((m) => m.end <= q.openAt && ctx.sentences[m.sentence]?.paragraph === q.paragraph);
  if (previous && own.some((m) => m.canonical === previous.name)) return undefined;
  const people = own.filter((m) => m.type === 'person');
  const person = people.length ? antecedent(people, q.openAt, ctx.sentences) : undefined;
  return person ? { name: person.canonical, type: 'person' } : undefined;
}

// The person in focus just before a quote: named in its paragraph or the one before, the latest sentence subject
// first.
function personInFocus(q: QuoteSpan, ctx: Context): Speaker | undefined {
  const near = ctx.mentions.filter((m) => m.end <= q.openAt && (ctx.sentences[m.sentence]?.paragraph ?? -1) >= q.paragraph - 1);
  const person = antecedent(near, q.openAt, ctx.sentences, { speech: ctx.r });
  return person ? { name: person.canonical, type: 'person' } : undefined;
}

function lastMatch(re: RegExp, text: string): RegExpExecArray | undefined {
  re.lastIndex = 0;
  let last: RegExpExecArray | undefined;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m;
  return last;
}

function dashLine(next: string | undefined): Speaker | undefined {
  // A signature line under a quote: "– Jane D." or "— a reader in Leeds".
  const m = next ? /^\s*[–—-]\s*(.{1,60})$/.exec(next) : null;
  return m ? { name: m[1].trim(), type: 'description' } : undefined;
}
