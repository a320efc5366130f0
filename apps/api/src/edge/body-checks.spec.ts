import { findNul, jsonDepthExceeds } from './body-checks';

describe('jsonDepthExceeds', () => {
  it('counts arrays and objects, not brackets inside strings', () => {
    expect(jsonDepthExceeds('{"a":[1,{"b":2}]}', 3)).toBe(false);
    expect(jsonDepthExceeds('{"a":[1,{"b":2}]}', 2)).toBe(true);
    expect(jsonDepthExceeds('{"a":"[[[[[[[[[[{{{{{{{"}', 1)).toBe(false);
    expect(jsonDepthExceeds('{"a":"\\"[[[[[["}', 1)).toBe(false);
    expect(jsonDepthExceeds('[]'.repeat(1000), 1)).toBe(false);
  });

  it('refuses 2,000 levels without building them', () => {
    const deep = `${'['.repeat(2000)}${']'.repeat(2000)}`;
    expect(jsonDepthExceeds(deep, 64)).toBe(true);
    expect(jsonDepthExceeds(`${'{"a":'.repeat(64)}1${'}'.repeat(64)}`, 64)).toBe(false);
    expect(jsonDepthExceeds(`${'{"a":'.repeat(65)}1${'}'.repeat(65)}`, 64)).toBe(true);
  });
});

describe('findNul', () => {
  it('points at the first string holding NUL, in values and in keys', () => {
    expect(findNul({ title: 'fine', body: 'also fine' })).toBeNull();
    expect(findNul({ title: 'bad\u0000title' })).toBe('/title');
    expect(findNul({ articles: [{ title: 'x' }, { byline: ['a', 'b\u0000'] }] })).toBe('/articles/1/byline/1');
    expect(findNul({ 'we/ird~key': 'x\u0000' })).toBe('/we~1ird~0key');
    expect(findNul({ 'key\u0000': 1 })).toBe('/key\\u0000');
    expect(findNul('\u0000')).toBe('/');
    expect(findNul({ id: 'x' }, '/path')).toBeNull();
    expect(findNul({ q: '\u0000' }, '/query')).toBe('/query/q');
  });

  it('walks deep input without recursion', () => {
    let deep: unknown = 'end\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findNul(deep)?.startsWith('/0/0/0')).toBe(true);
  });
});
