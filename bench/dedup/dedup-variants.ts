import type { Original, VariantKind } from './dedup-kinds';
import type { SeededRandom } from './seeded-random';
import {
  changeBoilerplate,
  changeWords,
  correctionSentence,
  creditLine,
  dateline,
  editSentence,
  fromParagraphs,
  newHeadline,
  newLead,
  PARTNER_OUTLETS,
  toParagraphs,
  type Outlet,
  type Paragraphs,
} from './text-edits';

/** A variant's headline and body, and the outlet that runs it. */
export interface MadeVariant {
  title: string;
  body: string;
  /** The outlet that runs it; none: the original's own source. */
  outlet?: Outlet;
}

/** Derives the given kind of copy from an original (the recipes are described in KIND_DESCRIPTIONS). */
export function makeVariant(
  kind: VariantKind,
  original: Original,
  random: SeededRandom,
  vocabulary: readonly string[],
  headlines: readonly string[],
): MadeVariant {
  // The source's own edits keep its house template; another outlet takes the story without it.
  const paragraphs = toParagraphs(original.body);
  const story = toParagraphs(original.storyBody);
  switch (kind) {
    case 'light-edit': {
      const edited = changeWords(paragraphs, random.int(2, 5), random, vocabulary);
      const correction = correctionSentence(paragraphs, random);
      if (random.chance(0.5)) edited.push([correction]);
      else edited[random.int(0, edited.length - 1)].push(correction);
      return { title: original.title, body: fromParagraphs(edited) };
    }
    case 'headline-change':
      return { title: newHeadline(original.title, paragraphs, random), body: original.body };
    case 'boilerplate-same-source': {
      const templated = changeBoilerplate(story, random, headlines);
      // An outlet with a house footer keeps it or, half of the time, has dropped it in the new template.
      const houseFooter =
        original.body === original.storyBody || random.chance(0.5) ? [] : toParagraphs(original.body.slice(original.storyBody.length));
      return { title: original.title, body: fromParagraphs([...templated, ...houseFooter]) };
    }
    case 'boilerplate-other-source': {
      const outlet = random.pick(PARTNER_OUTLETS);
      const templated = changeBoilerplate(withDateline(story, dateline(random, outlet.agency)), random, headlines);
      return { title: original.title, body: fromParagraphs([...templated, [outlet.footer]]), outlet };
    }
    case 'syndicated-copy': {
      const outlet = random.pick(PARTNER_OUTLETS);
      const title = newHeadline(original.title, story, random);
      const trimmed = trimEnding(story, random.int(15, 35) / 100);
      const body = fromParagraphs([...withDateline(trimmed, dateline(random, outlet.agency)), [creditLine(random)], [outlet.footer]]);
      return { title, body, outlet };
    }
    case 'rewrite': {
      const outlet = random.pick(PARTNER_OUTLETS);
      const title = editSentence(original.title, 0.5, random, vocabulary);
      const sentences = story.flat();
      const keepRate = random.int(50, 70) / 100;
      let kept = sentences.slice(1).filter(() => random.chance(keepRate));
      if (kept.length < 2) kept = sentences.slice(1, 3);
      for (let i = 0; i + 1 < kept.length; i++) if (random.chance(0.2)) [kept[i], kept[i + 1]] = [kept[i + 1], kept[i]];
      kept = kept.map((sentence) => editSentence(sentence, 0.12, random, vocabulary));
      const regrouped: Paragraphs = [[newLead(story, random)]];
      for (let i = 0; i < kept.length; i += 2) regrouped.push(kept.slice(i, i + 2));
      return { title, body: fromParagraphs(regrouped), outlet };
    }
  }
}

function withDateline(paragraphs: Paragraphs, line: string): Paragraphs {
  const [first = [''], ...rest] = paragraphs;
  return [[`${line} ${first[0]}`, ...first.slice(1)], ...rest];
}

/** Cuts the last `share` of the sentences (at least one), keeping at least three. */
function trimEnding(paragraphs: Paragraphs, share: number): Paragraphs {
  const total = paragraphs.reduce((n, sentences) => n + sentences.length, 0);
  let keep = Math.max(3, total - Math.max(1, Math.round(total * share)));
  const result: Paragraphs = [];
  for (const sentences of paragraphs) {
    if (keep <= 0) break;
    result.push(sentences.slice(0, keep));
    keep -= sentences.length;
  }
  return result;
}
