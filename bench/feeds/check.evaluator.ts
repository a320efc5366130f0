/** One expectation from a corpus's `expectations.json`, evaluated against a plain view of our result. */

export interface Check {
  readonly field: string | null;
  readonly op: string;
  readonly expected?: unknown;
  readonly type?: string;
}

export type View = Record<string, unknown>;

/** Alternative keys a field may be known by (feedparser's FeedParserDict key map, applied on lookup). */
export type AliasMap = Readonly<Record<string, readonly string[]>>;

const MISSING = Symbol('missing');

function segments(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const piece of path.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(piece);
    if (!match) return [piece];
    if (match[1]) parts.push(match[1]);
    for (const [, index] of match[2].matchAll(/\[(\d+)\]/g)) parts.push(Number(index));
  }
  return parts;
}

function step(value: unknown, key: string | number, aliases: AliasMap): unknown {
  if (typeof key === 'number') return Array.isArray(value) && key < value.length ? value[key] : MISSING;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return MISSING;
  const record = value as Record<string, unknown>;
  if (Object.prototype.hasOwnProperty.call(record, key)) return record[key];
  for (const alias of aliases[key] ?? []) {
    if (Object.prototype.hasOwnProperty.call(record, alias)) return record[alias];
  }
  return MISSING;
}

/** The value at `path` (`entries[0].links[1].href`), or undefined when any step is missing. */
export function lookup(view: unknown, path: string, aliases: AliasMap = {}): { found: boolean; value: unknown } {
  let value: unknown = view;
  for (const key of segments(path)) {
    value = step(value, key, aliases);
    if (value === MISSING) return { found: false, value: undefined };
  }
  return { found: true, value };
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((v, i) => deepEqual(v, (b as unknown[])[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function sameInstant(actual: unknown, expected: unknown): boolean {
  if (typeof actual !== 'string' || typeof expected !== 'string') return false;
  const a = Date.parse(actual);
  const e = Date.parse(expected);
  return Number.isFinite(a) && a === e;
}

/** Python truthiness for JSON-like values. */
export function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length > 0;
  return Boolean(value);
}

export interface Evaluation {
  readonly passed: boolean;
  readonly actual: unknown;
}

/** Evaluates one check. `parsed` says whether the document parsed at all (for the `parses` op). */
export function evaluate(check: Check, view: View, parsed: boolean, aliases: AliasMap = {}): Evaluation {
  if (check.op === 'parses') return { passed: parsed, actual: parsed };
  const { found, value } = check.field ? lookup(view, check.field, aliases) : { found: false, value: undefined };
  switch (check.op) {
    case 'eq':
      return {
        passed: found && (check.type === 'datetime-utc' ? sameInstant(value, check.expected) : deepEqual(value, check.expected)),
        actual: found ? value : '(missing)',
      };
    case 'len_eq':
      return {
        passed: found && Array.isArray(value) && value.length === check.expected,
        actual: Array.isArray(value) ? value.length : '(missing)',
      };
    case 'truthy':
      return { passed: found && truthy(value), actual: found ? value : '(missing)' };
    case 'falsy':
      return { passed: !found || !truthy(value), actual: found ? value : '(missing)' };
    case 'absent':
      return { passed: !found, actual: found ? value : '(absent)' };
    default:
      return { passed: false, actual: `unknown op ${check.op}` };
  }
}
