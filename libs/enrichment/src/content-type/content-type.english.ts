import { count, round, type AddCue, type TextMeasures } from './content-type.scores';

// English title and text cues: first person, argumentative words, review and release markers, deaths, disclosures.

export function englishTitleCues(title: string, add: AddCue): void {
  if (/^(?:opinion|comment|view|viewpoint|editorial|column)\s*[:|]/i.test(title)) add('opinion', 3, 'title marked as opinion');
  if (/^analysis\s*[:|]/i.test(title)) add('analysis', 3, 'title marked as analysis');
  if (/\breview\s*[:|]|\breview$|\bstars?\)?$/i.test(title)) add('review', 2, 'title marked as review');
  if (/\b(?:live|as it happened|live updates|latest updates)\b/i.test(title) && /\b(?:live|updates)\b/i.test(title))
    add('live-blog', 2, 'title marked as live coverage');
  if (/\b(?:obituary|dies at \d+|dead at \d+|has died|dies aged \d+)\b/i.test(title)) add('obituary', 3, 'title reports a death');
  if (/\binterview\b|\bq\s*&\s*a\b/i.test(title)) add('interview', 1.5, 'title marked as interview');
  // Service pieces: "How to…", "7 ways to…", "A beginner's guide to…".
  if (
    /^how to\b|\b(?:\d+|three|four|five|six|seven|eight|nine|ten) (?:ways|tips|tricks|steps) (?:to|for)\b|\b(?:beginner(?:'|’)s |ultimate |step-by-step )guide\b|\btips (?:for|on)\b/i.test(
      title,
    )
  )
    add('other', 2, 'title marks a guide');
}

const REPORTED = /\b(?:said|says|told|tells|according to|added|asked|explained|wrote|writes)\b/i;

/** The writer's voice: first person, quotations, argument, review verdicts; then press-release boilerplate. */
export function englishVoiceCues(m: TextMeasures, add: AddCue): void {
  const { outside, words, firstPerson, quoteDensity } = m;
  if (firstPerson >= 0.6) {
    add('opinion', Math.min(2, firstPerson), `first person singular ${round(firstPerson)} per 100 words outside quotes`);
    add('review', Math.min(1, firstPerson / 2), `first person singular ${round(firstPerson)} per 100 words`);
  }
  // Quotations are reporting when someone is said to have said them: testimonials and readers' reviews on a
  // promoter's page quote without a reporting verb.
  if (quoteDensity >= 0.15 && REPORTED.test(outside)) add('news', 0.5, `quotation density ${round(quoteDensity)}`);
  else if (quoteDensity < 0.03 && words > 300) add('opinion', 0.3, `few quotations (${round(quoteDensity)})`);
  // Beside words that argue, the stance adverbs of a writer who weighs a claim ("supposedly", "ironically", "in
  // other words"): a reporter attributes doubt to someone.
  const argumentative =
    count(
      outside,
      /\b(?:should|must|ought to|shameful|outrageous|absurd|arrogan\w*|hypocri\w*|disgrace\w*|surely|frankly|supposedly|ironically|in other words|needless to say|make no mistake|let(?:'|’)s be (?:clear|honest)|to be sure)\b/gi,
    ) /
    (words / 100);
  if (argumentative >= 0.4) add('opinion', 1, `argumentative words ${round(argumentative)} per 100 words`);

  // The data lines of a film, book or game under review ("Directed by: …", "Running time: …").
  const dataLines = m.paragraphs.filter((p) =>
    /^(?:Director|Directed by|Starring|Cast|Running time|Runtime|Certificate|Platforms?|Developer|Publisher|Pages|Label|Reviewed on)\s*:/i.test(
      p,
    ),
  ).length;
  if (dataLines >= 2) add('review', Math.min(2.5, dataLines), `${dataLines} data lines of a work (director, cast, running time…)`);
  // In the writer's own voice: a court's "verdict" quoted in a market report is no review.
  const reviewMarkers = count(
    outside,
    /\b(?:verdict|rating|RRP|tested by|pros|cons|we tested|the good|the bad|specs|price when reviewed)\b|★|\b\d(?:\.\d)? out of (?:5|five|10|ten)\b|\b\d\/(?:5|10)\b/gi,
  );
  if (reviewMarkers >= 1) add('review', Math.min(3, 1.5 * reviewMarkers), `${reviewMarkers} review markers (verdict, rating, RRP...)`);
  releaseCues(m.text, add);
}

function releaseCues(text: string, add: AddCue): void {
  const releaseMarkersExtra: string[] = [];
  const releaseMarkers = count(
    text,
    /FOR IMMEDIATE RELEASE|PRNewswire|Business Wire|GLOBE NEWSWIRE|ACCESSWIRE|^About [A-Z][\w&.,-]*(?: [A-Z][\w&.,-]*){0,5}\s*$|Media (?:contact|inquiries|enquiries)|Press contact|Forward-looking statements|^###$|\((?:NASDAQ|NYSE|LSE|TSX|Nasdaq)\s*:\s*[A-Z.]+\)|\btoday announced\b/gm,
  );
  // Each looked for only where its key word occurs: the scans are the costly part.
  if (text.includes('announce') && /\b(?:announced today|is (?:pleased|proud|excited|delighted|thrilled) to announce)\b/.test(text))
    releaseMarkersExtra.push('"is pleased to announce"');
  if ((text.includes('Relations') || text.includes('SOURCE')) && /^(?:(?:Investor|Media) Relations\b|SOURCE [A-Z])/m.test(text))
    releaseMarkersExtra.push('investor or media relations, SOURCE');
  // A press office's address.
  if (text.includes('@') && /\b(?:press|media|pr|news|communications)@[\w-]+\.\w/i.test(text))
    releaseMarkersExtra.push("a press office's address");
  // The publisher announcing its own news: "For more information, please visit www…".
  if (
    /\b(?:for more information|to learn more|more information)[^.\n]{0,40}\b(?:visit|see|go to|contact)\b|please visit:?\s+(?:www\.|https?:)/i.test(
      text,
    )
  )
    releaseMarkersExtra.push('"for more information, visit"');
  const releaseTotal = releaseMarkers + releaseMarkersExtra.length;
  if (releaseTotal >= 1)
    add(
      'press-release',
      Math.min(5, 2 * releaseTotal),
      `${releaseTotal} press-release markers (dateline boilerplate, "About ...", media contact${releaseMarkersExtra.length ? `, ${releaseMarkersExtra.join(', ')}` : ''})`,
    );
}

/** A death reported in the lead, and the life details an obituary gives (the classifier reads them). */
export const ENGLISH_OBITUARY = {
  lead: /\b(?:died|has died|passed away|dies)\b/i,
  details:
    /\b(?:survived by|is survived|funeral|memorial service|aged \d+|was born|born in|\(\d{4}\s*[-–]\s*\d{4}\)|\d{4}\s*[-–]\s*\d{4})\b/i,
};

/** Fact checks and explainers weigh a claim rather than report an event. */
export function englishCheckCues(m: TextMeasures, add: AddCue): void {
  const verdicts = count(m.text, /\b(?:we rate (?:this|the|that) (?:claim|statement)|our ruling|what we found)\b/gi);
  if (verdicts >= 1) add('analysis', Math.min(3, 1.5 * verdicts), `${verdicts} fact-check or explainer markers`);
}

/**
 * Commentary signs off as such: a disclaimer, a contributor's line at the end ("Ann Lee is a senior fellow at…"),
 * or a label alone opening the text ("Analysis", "Opinion") where a page's kicker was kept.
 */
export function englishSignOffCues(m: TextMeasures, add: AddCue): void {
  if (
    (m.text.includes('expressed') || m.text.includes('reflect')) &&
    /\b(?:views|opinions) expressed (?:here|in this (?:article|column|piece|commentary))? ?(?:are|is) (?:those of the author|the author(?:'|’)s|(?:his|her|their) own)|\bdo(?:es)? not (?:necessarily )?reflect the (?:views|opinions|position) of\b/i.test(
      m.text,
    )
  )
    add('opinion', 3, 'a disclaimer of the views expressed');
  const end = m.paragraphs.slice(-2).filter((p) => p.length <= 300);
  if (
    end.some((p) =>
      /^[^\n]{2,80}\b(?:is|was) (?:a|an|the) (?:[\w-]+ ){0,3}(?:columnist|contributor|contributing (?:editor|writer|columnist)|fellow|professor|lecturer)\b/.test(
        p,
      ),
    )
  )
    add('opinion', 2, "a contributor's line at the end");
  // The note a published Q&A carries: "This interview has been edited for length and clarity."
  if (
    (m.text.includes('edited') || m.text.includes('condensed')) &&
    /\b(?:this|the following|our) (?:interview|conversation|Q&A|exchange) (?:has been|was|have been) (?:lightly |slightly )?(?:edited|condensed)\b/i.test(
      m.text,
    )
  )
    add('interview', 3, 'an edited-interview note');
  const kicker = m.paragraphs[0]?.trim() ?? '';
  if (/^(?:news )?analysis$/i.test(kicker)) add('analysis', 3, 'opens with the label "Analysis"');
  if (/^(?:opinion|commentary|comment|editorial|op-ed)$/i.test(kicker)) add('opinion', 3, `opens with the label "${kicker}"`);
}

/** Sponsorship disclosures and a corporate "we" with few quotations. */
export function englishDisclosureCues(m: TextMeasures, add: AddCue): void {
  const sponsored = count(
    m.text,
    /\b(?:sponsored(?: post| content| by)?|has been compensated|paid partnership|affiliate links?|#ad\b|#sponsored|in partnership with|all opinions are (?:mine|my own))/gi,
  );
  if (sponsored >= 1) add('other', 3 + sponsored, `${sponsored} sponsorship disclosures`);
  // Shopping copy: prices cut and where to buy ("$99 (was $149)", "save $30", "35% off", "at Amazon").
  // Shopping copy names a price: the scan waits for one.
  const deals = !/[$%]/.test(m.text)
    ? 0
    : count(
        m.text,
        /\$\d[\d,.]*\s*\((?:was|reg\.?|regularly|orig\.?)|\bsave \$\d+|\b\d+% off\b|\bdown from \$\d+|\b(?:lowest|best) price\b|\bbuy (?:it )?(?:now|here)\b|\bat (?:Amazon|Walmart|Best Buy|Target)\b/gi,
      );
  if (deals >= 2) add('other', Math.min(2.5, 0.6 * deals), `${deals} shopping markers (prices cut, where to buy)`);
  if (m.firstPlural >= 2 && m.quoteDensity < 0.1) add('other', 0.5, `first person plural ${round(m.firstPlural)} per 100 words`);
}
