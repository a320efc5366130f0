import { wireDate } from '../article/wire-article.builder';

/** What identifies one version of an agency item. */
export interface WireVersionStamp {
  guid: string | null;
  /** NewsML-G2's positive integer; ninjs and NITF versions when they are integers. */
  version: number | null;
  /** ISO 8601 (any offset). */
  versionCreated: string | null;
}

/**
 * What an incoming version is to the version held:
 * - `new`: nothing is held for this guid;
 * - `revision`: it is newer and replaces what is held (a kill included);
 * - `duplicate`: the same version again (a resend);
 * - `history`: an older version arriving late: keep it as history, never let it overwrite.
 */
export type WireRevisionOutcome = 'new' | 'revision' | 'duplicate' | 'history';

/**
 * Orders two versions of the same item: negative when `a` is older, positive when newer, 0 when they are the same
 * version as far as the stamps tell. The version number decides; when it ties or one is missing, `versionCreated`
 * does (an agency that resends version 3 with a later timestamp has changed it).
 * @throws RangeError when the stamps are of different items: versions of different guids have no order.
 */
export function compareWireVersions(a: WireVersionStamp, b: WireVersionStamp): number {
  if (a.guid !== b.guid) throw new RangeError(`cannot order versions of different items ("${a.guid}" and "${b.guid}")`);
  if (a.version !== null && b.version !== null && a.version !== b.version) return a.version - b.version;
  const aCreated = instant(a.versionCreated);
  const bCreated = instant(b.versionCreated);
  if (aCreated !== null && bCreated !== null && aCreated !== bCreated) return aCreated - bCreated;
  return 0;
}

/**
 * Decides what to do with an incoming version given the one held (null when none). When the stamps cannot tell
 * (no version numbers, no timestamps), the later arrival wins, as for any other push.
 */
export function classifyWireRevision(held: WireVersionStamp | null, incoming: WireVersionStamp): WireRevisionOutcome {
  if (!held) return 'new';
  const order = compareWireVersions(incoming, held);
  if (order > 0) return 'revision';
  if (order < 0) return 'history';
  return comparable(held, incoming) ? 'duplicate' : 'revision';
}

/** Versions sorted oldest first (stable for ties), e.g. to replay an item's history in order. */
export function sortWireVersions<T extends WireVersionStamp>(versions: readonly T[]): T[] {
  return [...versions].sort(compareWireVersions);
}

function comparable(a: WireVersionStamp, b: WireVersionStamp): boolean {
  return (a.version !== null && b.version !== null) || (instant(a.versionCreated) !== null && instant(b.versionCreated) !== null);
}

function instant(value: string | null): number | null {
  const iso = wireDate(value);
  return iso === null ? null : Date.parse(iso);
}
