import { withoutNul } from './nul.util';

describe('withoutNul', () => {
  it('removes NUL from strings, keys and nested values, leaving everything else alone', () => {
    const date = new Date('2026-11-24T08:00:00Z');
    const input = { 'ti\u0000tle': 'Har\u0000bour', tags: ['a\u0000', 'b'], nested: { n: 3, ok: true, none: null, at: date } };
    expect(withoutNul(input)).toEqual({ title: 'Harbour', tags: ['a', 'b'], nested: { n: 3, ok: true, none: null, at: date } });
    expect(withoutNul('\u0000\u0000')).toBe('');
    const clean = 'nothing to do';
    expect(withoutNul(clean)).toBe(clean);
  });
});
