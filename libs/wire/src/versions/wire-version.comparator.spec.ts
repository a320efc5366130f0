import { wireFixture } from '../fixtures/wire-fixtures';
import { parseWire } from '../parse-wire';
import { classifyWireRevision, compareWireVersions, sortWireVersions, type WireVersionStamp } from './wire-version.comparator';

const stamp = (version: number | null, versionCreated: string | null, guid = 'g'): WireVersionStamp => ({ guid, version, versionCreated });
const article = (name: string) => parseWire(wireFixture(`edge/${name}`)).articles[0];

describe('wire version ordering', () => {
  const [v1, v2, v3] = ['g2-version-1.xml', 'g2-version-2.xml', 'g2-version-3-kill.xml'].map(article);

  it('a newer version of the same guid is a revision; the kill is the newest', () => {
    expect(classifyWireRevision(null, v1)).toBe('new');
    expect(classifyWireRevision(v1, v2)).toBe('revision');
    expect(classifyWireRevision(v2, v3)).toBe('revision');
    expect(v3.pubStatus).toBe('canceled');
  });

  it('a lower version arriving late is history and must not overwrite; the same version again is a duplicate', () => {
    expect(classifyWireRevision(v3, v1)).toBe('history');
    expect(classifyWireRevision(v2, v1)).toBe('history');
    expect(classifyWireRevision(v2, article('g2-version-2.xml'))).toBe('duplicate');
  });

  it('replaying arrivals in any order leaves the highest version held', () => {
    for (const arrivals of [
      [v1, v2, v3],
      [v3, v1, v2],
      [v2, v3, v1],
    ]) {
      let held: (typeof arrivals)[number] | null = null;
      for (const incoming of arrivals) if (['new', 'revision'].includes(classifyWireRevision(held, incoming))) held = incoming;
      expect(held?.version).toBe(3);
    }
    expect(sortWireVersions([v3, v1, v2]).map((v) => v.version)).toEqual([1, 2, 3]);
  });

  it('the number decides; versionCreated breaks ties and stands in for a missing number', () => {
    expect(compareWireVersions(stamp(2, '2024-01-01T00:00:00Z'), stamp(10, '2023-01-01T00:00:00Z'))).toBeLessThan(0);
    expect(compareWireVersions(stamp(3, '2024-01-01T10:00:00+02:00'), stamp(3, '2024-01-01T09:00:00Z'))).toBeLessThan(0);
    expect(compareWireVersions(stamp(null, '2024-01-02T00:00:00Z'), stamp(4, '2024-01-01T00:00:00Z'))).toBeGreaterThan(0);
    expect(compareWireVersions(stamp(3, null), stamp(3, null))).toBe(0);
    expect(classifyWireRevision(stamp(3, '2024-01-01T09:00:00Z'), stamp(3, '2024-01-01T09:30:00Z'))).toBe('revision');
  });

  it('with nothing to compare, the later arrival wins as for any push', () => {
    expect(classifyWireRevision(stamp(null, null), stamp(null, null))).toBe('revision');
  });

  it('refuses to order versions of different items', () => {
    expect(() => compareWireVersions(stamp(1, null, 'a'), stamp(2, null, 'b'))).toThrow(RangeError);
  });
});
