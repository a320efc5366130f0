import { matchesFullTextQuery, parseFullTextQuery, toSearchableText } from './full-text-query.parser';

const title = 'Prime Minister calls snap élection';
const body = "The prime minister said on Monday the vote would be held in June. Opposition parties don't agree.";
const text = toSearchableText([title, body]);
const matches = (query: string) => matchesFullTextQuery(parseFullTextQuery(query), text);

describe('parseFullTextQuery', () => {
  it('builds AND clauses of OR alternatives, with phrases and negation', () => {
    expect(parseFullTextQuery('election "prime minister" -poll brexit OR eu -"snap vote"')).toEqual({
      clauses: [
        [{ words: ['election'], negated: false }],
        [{ words: ['prime', 'minister'], negated: false }],
        [{ words: ['poll'], negated: true }],
        [
          { words: ['brexit'], negated: false },
          { words: ['eu'], negated: false },
        ],
        [{ words: ['snap', 'vote'], negated: true }],
      ],
    });
  });

  it('ignores empty phrases, dangling OR and a lone minus, and closes an unterminated quote', () => {
    expect(parseFullTextQuery('OR "" - vote OR')).toEqual({ clauses: [[{ words: ['vote'], negated: false }]] });
    expect(parseFullTextQuery('"snap elect')).toEqual({ clauses: [[{ words: ['snap', 'elect'], negated: false }]] });
  });
});

describe('matchesFullTextQuery', () => {
  it.each([
    ['election', true],
    ['ELECTION june', true],
    ['élection', true],
    ['elections', false],
    ['"prime minister" june', true],
    ['"minister prime"', false],
    ['"snap election" -referendum', true],
    ['election -june', false],
    ['-"held in july"', true],
    ['-"held in june"', false],
    ['referendum OR june', true],
    ['referendum OR july', false],
    ['election referendum OR july', false],
    ["don't", true],
    ['"election the"', false],
    ['', true],
  ])('%j → %s', (query, expected) => {
    expect(matches(query)).toBe(expected);
  });

  it('does not let a phrase span the title and the body', () => {
    // The title ends with "election", the body starts with "The".
    expect(matches('"election the"')).toBe(false);
    expect(matchesFullTextQuery(parseFullTextQuery('"election the"'), toSearchableText([`${title} ${body}`]))).toBe(true);
  });
});
