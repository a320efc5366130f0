import { extractEntities } from '../entities/entity.extractor';
import { splitSentences } from '../text/text.tokenizer';
import { findBlockQuotes } from './block-quote.extractor';
import { extractQuotes } from './quote.extractor';

function quotes(text: string, html?: string): [string, string | null][] {
  const sentences = splitSentences(text);
  const { mentions } = extractEntities(text, sentences);
  return extractQuotes(text, sentences, mentions, html ? findBlockQuotes(html) : []).map((q) => [q.text, q.speaker]);
}

describe('extractQuotes', () => {
  it('attributes "…," said X and "…," X said, with curly and straight marks', () => {
    expect(quotes('“We will appeal,” said Maria Lopez, the club’s lawyer.\n"It was a fair decision," Tom Hardwick said.')).toEqual([
      ['We will appeal,', 'Maria Lopez'],
      ['It was a fair decision,', 'Tom Hardwick'],
    ]);
  });

  it('reads two single marks as one double mark, as wire copy writes them, and leaves inches alone', () => {
    expect(
      quotes(
        '“We will appeal the ruling,’’ Maria Lopez, a lawyer for the club, told reporters.\n' +
          "``It was a fair decision,'' Tom Hardwick said. The screen measures 13'' across.\n" +
          '‘‘Nobody expected this,’’ said Ann Lee.',
      ),
    ).toEqual([
      ['We will appeal the ruling,', 'Maria Lopez'],
      ['It was a fair decision,', 'Tom Hardwick'],
      ['Nobody expected this,', 'Ann Lee'],
    ]);
  });

  it('keeps a short quote with a question inside when the attribution follows its closing mark', () => {
    const text = 'Peter Grant paused before answering the question about the party.\n“Oh, really? Yes,” he says with a smile.';
    expect(quotes(text)).toEqual([['Oh, really? Yes,', 'Peter Grant']]);
    // A pronoun that names nobody known is still the subject: the one addressed after the verb never speaks.
    expect(quotes('“We will be back next season,” he assures the fans.')).toEqual([['We will be back next season,', null]]);
  });

  it('reads speech verbs in the present as in the past ("she laments", "Reed confirms"): a short quote needs one', () => {
    const text =
      'Dr Helen Marsh closed the clinic in Leeds in May.\n“Never again,” she laments.\n' +
      'Her colleague Tom Reed agrees that it will not reopen. “Not this year,” Reed confirms.';
    expect(quotes(text)).toEqual([
      ['Never again,', 'Helen Marsh'],
      ['Not this year,', 'Tom Reed'],
    ]);
  });

  it('resolves a definite office ("the foreign secretary", "the Conservative leader") to the person in focus', () => {
    const text =
      'The rebate must not be renegotiated at the summit, Jack Straw said on Sunday.\n' +
      'The foreign secretary told MPs the rebate was “entirely justified and fair to every taxpayer”.';
    expect(quotes(text)).toEqual([['entirely justified and fair to every taxpayer', 'Jack Straw']]);
  });

  it('takes no adjective or noun for a speech verb ("asking prices", "evidence suggesting")', () => {
    const text =
      '“Buyers are cautious and sellers must cut prices,” said Miles Shipside of the property website.\n' +
      '“The proof is that discounted homes are selling.” Overall, asking prices have fallen by 2%.';
    expect(quotes(text)).toEqual([
      ['Buyers are cautious and sellers must cut prices,', 'Miles Shipside'],
      ['The proof is that discounted homes are selling.', 'Miles Shipside'],
    ]);
  });

  it('takes no clause after a speech verb for a speaker ("…, adding there was no doubt")', () => {
    const text =
      'Next chief executive Simon Wolfson admitted that sales were “below what we would expect”, but said sales should still top expectations.';
    expect(quotes(text)).toEqual([['below what we would expect', 'Simon Wolfson']]);
  });

  it('leaves auxiliaries before the verb out of an unnamed speaker ("a spokeswoman would only say")', () => {
    expect(quotes('A government spokeswoman would only say: “The prime minister will decide when the time is right.”')).toEqual([
      ['The prime minister will decide when the time is right.', 'government spokeswoman'],
    ]);
  });

  it('gives a role of someone else\'s ("the victim\'s mother") to that description, not to the person named before', () => {
    const text =
      'Michael Grant was sentenced to life in prison on Friday.\n' +
      'The victim’s mother testified, describing her daughter as “brave, strong and smart in every way.”';
    expect(quotes(text)).toEqual([['brave, strong and smart in every way.', 'victim’s mother']]);
  });

  it('keeps a short quoted pledge or assurance and gives it to the subject of the verb before it', () => {
    expect(quotes('Acme Robotics pledged to take “decisive corrective action” against the scheme.')).toEqual([
      ['decisive corrective action', 'Acme Robotics'],
    ]);
  });

  it('resolves a surname and a pronoun to the person named in full earlier', () => {
    expect(quotes('Coach Dana Whitfield watched the match. “We lost our shape,” Whitfield said. “We will fix it,” she added.')).toEqual([
      ['We lost our shape,', 'Dana Whitfield'],
      ['We will fix it,', 'Dana Whitfield'],
    ]);
  });

  it('gives "he" and "she" to the latest person whose given name agrees, and skips no one whose name says nothing', () => {
    const text =
      'Press secretary Stephanie Grisham spoke after the hearing. Ambassador Kurt Volker had testified for hours.\n' +
      '“He confirmed under oath that there was no linkage at all,” she said.\n' +
      '“I stand by every word of my earlier testimony,” he said.';
    expect(quotes(text)).toEqual([
      ['He confirmed under oath that there was no linkage at all,', 'Stephanie Grisham'],
      ['I stand by every word of my earlier testimony,', 'Kurt Volker'],
    ]);
    // "Taylor" is a man's name in one list and anyone's in the other: no gender, so no one is skipped.
    expect(quotes('Taylor Morgan left the stage early. “The crowd was wonderful tonight,” she said.')).toEqual([
      ['The crowd was wonderful tonight,', 'Taylor Morgan'],
    ]);
  });

  it('reads participle speech verbs: "closed the port, warning that “…”"', () => {
    expect(
      quotes(
        'Harbour master Ellen Okafor said the channel was silting up. ' +
          'Mayor Ruth Kemp closed the port on Friday, warning that “ships will be turned away until the channel is dredged.”',
      ),
    ).toEqual([['ships will be turned away until the channel is dredged.', 'Ruth Kemp']]);
  });

  it('gives a pull quote the speaker of the attributed quote that repeats its words', () => {
    const text =
      'The committee heard from two witnesses on Tuesday.\n' +
      '“The harbour will never be the same”\n' +
      'Harbour master Ellen Okafor told the committee, “We warned them for years. The harbour will never be the same.”';
    expect(quotes(text)).toEqual([
      ['The harbour will never be the same', 'Ellen Okafor'],
      ['We warned them for years. The harbour will never be the same.', 'Ellen Okafor'],
    ]);
  });

  it('takes the attribution from the next sentence or the introducing clause', () => {
    expect(quotes('Residents were evacuated. “The water came in so fast.” Paolo Greco, a shop owner, said he lost everything.')).toEqual([
      ['The water came in so fast.', 'Paolo Greco'],
    ]);
    expect(quotes('The governor, Ruth Kemp, told reporters: “The state will pay for the repairs.”')).toEqual([
      ['The state will pay for the repairs.', 'Ruth Kemp'],
    ]);
  });

  it('takes the speech verb nearest the quote, "they" for the organisation in focus, a reporter of speech before the quote', () => {
    expect(quotes('That said, the Federal Aviation Administration says that “demand will recover by the spring.”')[0][1]).toBe(
      'Federal Aviation Administration',
    );
    expect(
      quotes(
        'Northwind Records have denied any wrongdoing. The dispute began over a Netflix documentary.\n“We never blocked the film,” they said in a statement.',
      )[0][1],
    ).toBe('Northwind Records');
    expect(quotes('Helen Marsh said the cuts would hurt rural schools. “We cannot staff our classrooms.”')[0][1]).toBe('Helen Marsh');
  });

  it('closes a straight quote with a curly mark, reads past a short title in quotes, keeps speech verbs out of descriptions', () => {
    expect(quotes('The vote passed. "A great day for our county!” Mayor Ellen Brooks wrote on Tuesday.')).toEqual([
      ['A great day for our county!', 'Ellen Brooks'],
    ]);
    expect(
      quotes('Actor Daniel Ferro joined the cast in May.\n"Hearing the news was a gift," the "Harbor Lights" actor said on Monday.')[0][1],
    ).toBe('Daniel Ferro');
    expect(quotes('The plaintiff’s sister testified, describing the landlord as "cold, careless and rude" in court.')[0][1]).toBe(
      'plaintiff’s sister',
    );
  });

  it('gives a quote nobody is said to have said to the person in focus just before it, not to one named long before', () => {
    expect(quotes('Ruth Kemp has run the shelter for ten years.\n“We never turn anyone away.”')[0][1]).toBe('Ruth Kemp');
    expect(
      quotes(
        'Ruth Kemp has run the shelter for ten years.\nThe roof leaks.\nThe boiler is old.\n“Nobody comes here any more in winter.”',
      )[0][1],
    ).toBeNull();
  });

  it('takes the speaker after "according to" before the quote', () => {
    expect(quotes('According to Dr Lena Marsh, the trial “changed how we treat the disease for good.”')[0][1]).toBe('Lena Marsh');
  });

  it('keeps unnamed speakers as descriptions and resolves "the official" to its introduction', () => {
    expect(
      quotes(
        'A senior administration official, who asked not to be named, confirmed the plan. “It will happen this year,” the official said.\n“Nobody has told us anything,” one local farmer said.',
      ),
    ).toEqual([
      ['It will happen this year,', 'senior administration official'],
      ['Nobody has told us anything,', 'local farmer'],
    ]);
  });

  it('carries a multi-paragraph quote’s end attribution back to its opening paragraphs', () => {
    const text =
      'Professor Lena Ortiz studies the reef.\n“The corals are bleaching every year now.\n“We have perhaps a decade left,” Ortiz said.';
    expect(quotes(text)).toEqual([
      ['The corals are bleaching every year now.', 'Lena Ortiz'],
      ['We have perhaps a decade left,', 'Lena Ortiz'],
    ]);
  });

  it('skips titles of works and scare quotes nobody is said to have said', () => {
    expect(quotes('They played “Born to be Wild” on the radio. Critics found the plot “unbelievable” in places.')).toEqual([]);
    expect(quotes('The report described the plan as “deeply flawed” and costly.')).toEqual([['deeply flawed', 'report']]);
  });

  it('reads block quotes and their citations from the body HTML', () => {
    const text = 'The minister wrote to parents.\nSchools will reopen on Monday.';
    const html =
      '<p>The minister wrote to parents.</p><blockquote><p>Schools will reopen on Monday.</p><footer>— Clara Hughes, education minister</footer></blockquote>';
    expect(quotes(text, html)).toEqual([['Schools will reopen on Monday.', 'Clara Hughes']]);
  });

  it('takes the subject of the last clause before the verb, and a definite role back to the person in focus', () => {
    expect(
      quotes(
        'Singer Marla Quist left the label in June. “It was the worst case,” Quist said. In a post at the time she wrote: “I was bullied.”\n' +
          'The crowd laughed when she said: “Look at me now.” “I am fine,” the singer added.',
      ),
    ).toEqual([
      ['It was the worst case,', 'Marla Quist'],
      ['I was bullied.', 'Marla Quist'],
      ['Look at me now.', 'Marla Quist'],
      ['I am fine,', 'Marla Quist'],
    ]);
  });
  it('gives "he" to the last one who spoke, not to a man named since without speaking, and never to a possessive', () => {
    const attributed =
      '“We will rebuild the pier by spring,” said harbour master Tom Reyes. The first plan was drawn up by engineer Paul Okafor in 2019. ' +
      'He added that the cost would be “far lower than the council fears.”';
    expect(quotes(attributed)[1]).toEqual(['far lower than the council fears.', 'Tom Reyes']);
    const apposition =
      'The harbour board’s chair, Tom Reyes, has said the pier will reopen. The delay was blamed on engineer Paul Okafor.\n' +
      '“Nobody could have foreseen the storm,” he said.';
    expect(quotes(apposition)[0][1]).toBe('Tom Reyes');
    expect(quotes('Paul Okafor dismissed Tom Reyes’s comments on Monday.\n“The pier was always safe,” he said.')[0][1]).toBe('Paul Okafor');
  });
  it('takes the name right before the verb as its subject, past an apposition, an organisation only when no person is named', () => {
    expect(quotes('Lena Ortiz was voted off in what host Karl Brenner described as “the closest vote of the season.”')[0][1]).toBe(
      'Karl Brenner',
    );
    const apposition =
      'On Monday, the Harbour Gazette, the mouthpiece of the Fishermen’s Union, warned that there is “no room for compromise at all.”';
    expect(quotes(apposition)[0][1]).toBe('Harbour Gazette');
    expect(quotes('Marc Ostrow, an analyst at Kessler Securities told reporters that “the rally will not last the year.”')[0][1]).toBe(
      'Marc Ostrow',
    );
  });

  it('reads the attribution families of news copy: across paragraphs, a quote continued, a partial quote in reported speech', () => {
    // "she said" two paragraphs after the full mention, with no one named between.
    expect(
      quotes(
        'Health Minister Nora Blythe visited the ward on Monday.\nThe hospital has been short of nurses since the spring.\n“We will hire two hundred more by March,” she said.',
      ),
    ).toEqual([['We will hire two hundred more by March,', 'Nora Blythe']]);
    // A quote running over two paragraphs: the closing paragraph, with no attribution of its own, inherits.
    expect(
      quotes(
        'Clara Hughes, who runs the food bank, said demand had tripled.\n“We see families we have never seen before.\n“They come in after their shifts and they are ashamed.”\nThe food bank opens three days a week.',
      ),
    ).toEqual([
      ['We see families we have never seen before.', 'Clara Hughes'],
      ['They come in after their shifts and they are ashamed.', 'Clara Hughes'],
    ]);
    // A quote opening its paragraph, the speaker with a role after it; then a second quote in the same paragraph.
    expect(quotes('“The roof was falling in,” the head teacher, Daniel Marsh, said on Monday. “We had to move the children.”')).toEqual([
      ['The roof was falling in,', 'Daniel Marsh'],
      ['We had to move the children.', 'Daniel Marsh'],
    ]);
    // Partial quotes inside reported speech belong to its subject.
    expect(quotes('Daniel Marsh, the club’s chairman, said the ruling was “deeply unfair” and promised to appeal.')).toEqual([
      ['deeply unfair', 'Daniel Marsh'],
    ]);
  });

  it('gives "the secretary said" to the person the text titled so, not to the person named last', () => {
    expect(
      quotes(
        'Health Secretary Alan Marsh met union leaders on Monday. Pat Kellow, who leads the nurses, called the talks useful.\n\n' +
          '“We have made real progress,” the health secretary said.\n\n' +
          'The mayor, Dana Reyes, toured the site with Chief Kristin Moll. “We will rebuild,” the mayor said.',
      ),
    ).toEqual([
      ['We have made real progress,', 'Alan Marsh'],
      ['We will rebuild,', 'Dana Reyes'],
    ]);
  });

  it('gives "the Argentine said" to the person in focus, as a role', () => {
    expect(quotes('Lionel Ortega scored twice on Sunday.\n\n“It was a beautiful night,” the Argentine said.')).toEqual([
      ['It was a beautiful night,', 'Lionel Ortega'],
    ]);
  });

  it('closes a “ quote at two right single marks, as some converted copy writes the right double one', () => {
    expect(quotes('“It was an attempt to mislead voters,’’ Ann Lowry told the BBC. “And it will happen again.’’')).toEqual([
      ['It was an attempt to mislead voters,', 'Ann Lowry'],
      ['And it will happen again.', 'Ann Lowry'],
    ]);
  });

  it('reads past a short title in quotes to the speech verb before a quote: told “Morning Show” co-host X, “…”', () => {
    expect(
      quotes('Asked about the name, Bernadette Cole told “Morning Show” co-host Gail Ridley, “Because you have to reckon with us.”'),
    ).toEqual([['Because you have to reckon with us.', 'Bernadette Cole']]);
  });

  it('takes the name after an inverted verb when the quote’s sentence runs on to a comma: “…” trying to…, says X', () => {
    expect(quotes('“We are like every other district” trying to keep pupils safe, says Jenna Holt, a spokesperson.')).toEqual([
      ['We are like every other district', 'Jenna Holt'],
    ]);
  });

  it('keeps a short quoted sentence that follows a quote in the same paragraph, with its speaker', () => {
    expect(quotes('Firefighter Jake Morrow pulled two children out.\n\n“I didn’t think about it,” he said. “You just go.”')).toEqual([
      ['I didn’t think about it,', 'Jake Morrow'],
      ['You just go.', 'Jake Morrow'],
    ]);
  });

  it('does not give "the victim’s mother" to the person in focus: a role someone else owns', () => {
    const found = quotes(
      'Jury members convicted Dale Harker on Friday.\n\nThe victim’s mother testified, describing her daughter as “brave, strong and smart” to the court.',
    );
    expect(found).toEqual([['brave, strong and smart', 'victim’s mother']]);
  });
});
