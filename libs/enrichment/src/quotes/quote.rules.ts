import { STOPWORDS } from '../text/stopwords.data';
import { ENGLISH_QUOTE_MARKS, type QuoteMarks } from './quote-span.finder';

/**
 * What quote attribution needs to know about a language. Each language pack supplies one (see `languages/`);
 * regular expressions are case-insensitive and matched against the text around a quote.
 */
export interface QuoteRules {
  marks: QuoteMarks;
  /** Speech verbs and phrases, as a regex alternation ("said|says|told|according to"). */
  verbs: string;
  /** More words that make a short quoted phrase a quote rather than a scare quote ("describ\\w*"). */
  speechWords: string;
  /** Pronouns standing for a person ("he|she") and for an organisation ("it|they"). */
  personPronouns: string;
  organisationPronouns: string;
  /** Person pronouns of each gender ("he", "she"): a pronoun skips people whose given name is of the other. */
  malePronouns?: string;
  femalePronouns?: string;
  /** Other pronouns that are no speaker of their own ("we|i"). */
  otherPronouns: string;
  /** Words dropped from the front of a speaker description ("the", "a", "and"). */
  determiners: string;
  /** Adverbs and prepositions left at the end of a subject before the verb ("later", "also"). */
  trailingAdverbs: string;
  /** Words just before quote marks that make them a name or a term, not speech ("slogan", "dubbed"). */
  notAQuoteBefore: string;
  /**
   * Endings of nouns for works ("film|roman|album"), compounds included ("Antikriegsfilme"): quote marks after one,
   * or after a list of titles that follows one, hold a title, not speech ("Filme wie „…“ und „…“"). With it, marks
   * opening a bracket ("(„…“, 2004)") or followed by a year ("„…“ (1988)") hold a title too.
   */
  workNouns?: string;
  /** Words between such a noun and its titles ("wie", "namens"); a colon introduces speech ("nach dem Spiel: „…“"). */
  workJoiners?: string;
  /** Words opening a circumstance, not a speaker ("in", "as", "when"). */
  notASubjectStart: string;
  /** Conjunctions that open a new clause ("when", "and"). */
  conjunctions: string;
  /** Auxiliaries and adverbs that may stand between a name and its speech verb ("has", "later"). */
  auxiliaries?: string;
  /** Words ending a speaker named after the verb ("said Jane Doe in a statement", "sagte Weber am Montag"). */
  subjectEnds?: string;
  /** Prepositions naming where words came from after the verb ("hieß es aus dem Ministerium"): not the speaker. */
  sourcePrepositions?: string;
  /** Roles a definite description can refer back to the person in focus with ("the actor"). */
  personRoles: string;
  /**
   * Finite verbs and auxiliaries ("was|were|has"): words after a speech verb that hold one outside a relative clause
   * are what was said, not who said it ("…, adding there was no doubt", "complained the promises were vague").
   */
  finiteVerbs?: string;
  /** Relative pronouns opening a clause inside a description ("the man who was there"). */
  relativePronouns?: string;
  /** "the Argentine said": a nationality (the English demonyms of the place gazetteer) is a role like "the actor". */
  demonymsAreRoles?: boolean;
  /** Definite and indefinite articles ("the"; "a|an|one"). */
  definite: string;
  indefinite: string;
  stopwords: ReadonlySet<string>;
  /** Keep quotes no speaker was found for (false: drop them, for languages whose attribution is not known). */
  keepUnattributed?: boolean;
}

/** The rules compiled to regular expressions, once per rules object. */
export interface CompiledQuoteRules {
  marks: QuoteMarks;
  verbFirst: RegExp;
  /** A speech verb opening the text after a name, auxiliaries allowed ("has said", "later told"). */
  verbAfterName: RegExp;
  /** Auxiliaries ending a phrase before its verb ("the ministry has"). */
  trailingAuxiliaries: RegExp;
  /** An apposition ending a phrase before its verb ("X, the mouthpiece of the party,"). */
  trailingApposition: RegExp;
  verbAnywhere: RegExp;
  /** The same, global (for the last match). */
  verbAnywhereGlobal: RegExp;
  speechInSentence: RegExp;
  pronoun: RegExp;
  personPronoun: RegExp;
  organisationPronoun: RegExp;
  malePronoun: RegExp;
  femalePronoun: RegExp;
  pronounInDescription: RegExp;
  determiners: RegExp;
  trailingAdverbs: RegExp;
  trailingVerb: RegExp;
  notAQuoteBefore: RegExp;
  /** A noun for a work, perhaps with "wie", ending the text before a title; undefined without `workNouns`. */
  workBefore?: RegExp;
  notASubjectStart: RegExp;
  clauseBreak: RegExp;
  subjectEnd: RegExp;
  sourcePreposition: RegExp;
  personRole: RegExp;
  clauseInDescription: RegExp | undefined;
  demonymsAreRoles: boolean;
  definite: RegExp;
  indefinite: RegExp;
  stopwords: ReadonlySet<string>;
  keepUnattributed: boolean;
}

/** English. */
export const ENGLISH_QUOTE_RULES: QuoteRules = {
  marks: ENGLISH_QUOTE_MARKS,
  verbs:
    'said|says|say|told|tells|added|adds|explained|explains|stated|states|noted|notes|wrote|writes|tweeted|tweets|posted|asked|asks|replied|replies|recalled|recalls|warned|warns|argued|argues|insisted|insists|admitted|admits|continued|continues|declared|declares|announced|announces|acknowledged|acknowledges|conceded|concedes|claimed|claims|commented|comments|concluded|responded|remarked|joked|quipped|shouted|yelled|testified|describing|described|declaring|adding|saying|according to|called|calling|cautioned|predicted|urged|pointed out|emphasised|emphasized|stressed|confirmed|suggested|depicted|reported|warning|insisting|arguing|noting|stating|claiming|explaining|telling|urging|promising|vowing|announcing|acknowledging|admitting|stressing|writing|tweeting|recalling|replying|pledged|pledges|vowed|vows|assured|assures|instructed|promised|promises|' +
    // The other tenses of the verbs above, for copy in the present ("she explains", "he testifies"); forms that are
    // also common nouns or adjectives ("posts", "calls", "jokes", "asking prices", "evidence suggesting", "screaming
    // fans") or surnames ("Yelling") stay out.
    'conceding|commenting|concludes|responds|responding|quips|shouts|screamed|screams|exclaimed|exclaims|testifies|testifying|describes|cautions|cautioning|predicts|predicting|urges|points out|pointing out|emphasises|emphasizes|emphasising|emphasizing|stresses|confirms|confirming|assuring|boasted|boasts|complained|complains|lamented|laments|whispered|whispers|reiterated|reiterates|retorted|retorts|mused|muses',
  speechWords:
    'told|describ\\w*|call\\w*|label\\w*|brand\\w*|claim\\w*|pledg\\w*|assur\\w*|instruct\\w*|vow\\w*|promis\\w*|yell\\w*|reports?',
  personPronouns: 'he|she',
  malePronouns: 'he',
  femalePronouns: 'she',
  organisationPronouns: 'it|they',
  otherPronouns: 'we|i',
  determiners: 'and|but|a|an|the|one|some|several|two|three|another|many|other|its|his|her|their',
  trailingAdverbs: 'later|also|then|again|once|previously|recently|earlier|simply|jokingly|told|in|on|at|via',
  notAQuoteBefore:
    'slogan|tagline|motto|hashtag|headline|titled|entitled|the word|the words|the phrase|the term|nicknamed|known as|dubbed|brand(?:ed)? as|label(?:led)?|trend(?:ing)?|sign reading|signs reading',
  notASubjectStart:
    'in|at|on|as|though|although|when|while|where|after|before|with|for|by|during|if|because|since|learn|read|see|click|mutually|to|from|of|that|which|who',
  conjunctions: 'when|where|while|as|though|although|because|after|before|if|that|and|but|so',
  // Not "will" or "may": they are names too ("Will Moy", "Christine May").
  auxiliaries: 'has|have|had|also|later|then|again|previously|earlier|would|could|can|might|should|must|did|does|only|just|not|never',
  subjectEnds: 'in|on|at|during|via|after|before|when|while|as',
  personRoles:
    'actor|actress|star|singer|rapper|musician|player|striker|midfielder|defender|goalkeeper|coach|manager|boss|ceo|founder|senator|congressman|congresswoman|lawmaker|governor|mayor|minister|president|chancellor|premier|ambassador|author|writer|director|producer|professor|scientist|researcher|economist|analyst|doctor|judge|host|presenter|comedian|chef|designer|artist|athlete|champion|veteran|mother|father|wife|husband|secretary|leader|chairman|chairwoman|chair|commissioner|bishop|archbishop|candidate|mp|executive|\\d+-year-old',
  finiteVerbs: 'is|are|was|were|has|have|had|been|will|would|could|should|can|may|might|must|did|does|do',
  relativePronouns: 'who|whom|whose|which|that',
  demonymsAreRoles: true,
  definite: 'the',
  indefinite: 'a|an|one',
  stopwords: STOPWORDS,
};

const compiled = new WeakMap<QuoteRules, CompiledQuoteRules>();

/** Compiles a language's quote rules (cached per rules object). */
export function compileQuoteRules(r: QuoteRules): CompiledQuoteRules {
  const cached = compiled.get(r);
  if (cached) return cached;
  // \b is ASCII-only in JavaScript: letter lookarounds keep "sagte" from matching inside "gesagte".
  const w = (alternation: string): string => `(?<![\\p{L}\\p{N}])(?:${alternation})(?![\\p{L}\\p{N}])`;
  const pronouns = `${r.personPronouns}|${r.organisationPronouns}|${r.otherPronouns}`;
  const breakAt = `(?:[,;:]|\\s(?:${r.conjunctions})\\s)`;
  const result: CompiledQuoteRules = {
    marks: r.marks,
    verbFirst: new RegExp(`^${w(r.verbs)}`, 'iu'),
    verbAfterName: new RegExp(`^(?:${w(r.auxiliaries ?? '(?!)')}\\s+){0,2}${w(r.verbs)}`, 'iu'),
    trailingAuxiliaries: new RegExp(`(?:\\s+${w(r.auxiliaries ?? '(?!)')})*\\s*$`, 'iu'),
    trailingApposition: new RegExp(`,\\s*(?:${r.definite}|${r.indefinite})\\s[^,]{1,80},\\s*$`, 'iu'),
    verbAnywhere: new RegExp(w(r.verbs), 'iu'),
    verbAnywhereGlobal: new RegExp(w(r.verbs), 'giu'),
    speechInSentence: new RegExp(w(`${r.verbs}|${r.speechWords}`), 'iu'),
    pronoun: new RegExp(`^(?:${pronouns})$`, 'iu'),
    personPronoun: new RegExp(`^(?:${r.personPronouns})$`, 'iu'),
    organisationPronoun: new RegExp(`^(?:${r.organisationPronouns})$`, 'iu'),
    malePronoun: new RegExp(`^(?:${r.malePronouns ?? '(?!)'})$`, 'iu'),
    femalePronoun: new RegExp(`^(?:${r.femalePronouns ?? '(?!)'})$`, 'iu'),
    pronounInDescription: new RegExp(`${w(pronouns)}|['’]ve(?![\\p{L}])`, 'iu'),
    determiners: new RegExp(`^(?:${r.determiners})\\s+`, 'iu'),
    trailingAdverbs: new RegExp(`\\s+(?:${r.trailingAdverbs})$`, 'iu'),
    trailingVerb: new RegExp(`\\s+(?:${r.verbs})$`, 'iu'),
    notAQuoteBefore: new RegExp(`${w(r.notAQuoteBefore)}\\s*[,:]?\\s*$`, 'iu'),
    workBefore: r.workNouns
      ? new RegExp(`(?:${r.workNouns})(?![\\p{L}\\p{N}])(?:\\s+(?:${r.workJoiners ?? '(?!)'}))?\\s*$`, 'iu')
      : undefined,
    notASubjectStart: new RegExp(`^${w(r.notASubjectStart)}`, 'iu'),
    clauseBreak: new RegExp(`${breakAt}(?!.*${breakAt})`, 'iu'),
    subjectEnd: new RegExp(`,|\\s(?:${r.subjectEnds ?? '(?!)'})\\s|$`, 'iu'),
    sourcePreposition: new RegExp(`^(?:${r.sourcePrepositions ?? '(?!)'})\\s+`, 'iu'),
    personRole: new RegExp(`^(?:${r.personRoles})$`, 'iu'),
    clauseInDescription: r.finiteVerbs ? new RegExp(`^(?:(?!${w(r.relativePronouns ?? '(?!)')}).)*${w(r.finiteVerbs)}`, 'iu') : undefined,
    demonymsAreRoles: r.demonymsAreRoles ?? false,
    definite: new RegExp(`^(?:${r.definite})\\s`, 'iu'),
    indefinite: new RegExp(`^(?:${r.indefinite})$`, 'iu'),
    stopwords: r.stopwords,
    keepUnattributed: r.keepUnattributed ?? true,
  };
  compiled.set(r, result);
  return result;
}
