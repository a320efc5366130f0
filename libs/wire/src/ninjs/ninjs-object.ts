/** A JSON object as read, before we know which ninjs generation wrote it. */
export type JsonObject = { [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** ninjs 1.x writes `body_text`, 2.x `versioncreated`, 3.x `versionCreated`: one key, three spellings. */
function keyOf(name: string): string {
  return name.replace(/[_-]/g, '').toLowerCase();
}

/**
 * Field access across ninjs generations: `get(o, 'versionCreated')` finds `versionCreated`, `versioncreated` and
 * `version_created`.
 */
export function get(object: JsonObject, ...names: string[]): unknown {
  for (const name of names) {
    if (object[name] !== undefined) return object[name];
    const wanted = keyOf(name);
    const key = Object.keys(object).find((k) => keyOf(k) === wanted);
    if (key !== undefined && object[key] !== undefined) return object[key];
  }
  return undefined;
}

export function str(object: JsonObject, ...names: string[]): string | null {
  const value = get(object, ...names);
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() ? value : null;
}

export function list(object: JsonObject, ...names: string[]): JsonObject[] {
  const value = get(object, ...names);
  if (Array.isArray(value)) return value.filter(isObject);
  // ninjs 1.x keyed some lists by name (`associations: {"mainpic": {...}}`); the key becomes the `name`.
  if (isObject(value)) return Object.entries(value).flatMap(([name, v]) => (isObject(v) ? [{ name, ...v }] : []));
  return [];
}

export function strings(object: JsonObject, ...names: string[]): string[] {
  const value = get(object, ...names);
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function int(object: JsonObject, ...names: string[]): number | null {
  const value = get(object, ...names);
  const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= 0 ? number : null;
}

/** The deepest nesting of objects and arrays, measured without recursion. */
export function jsonDepth(value: unknown, stopAt: number): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > stopAt) return deepest;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}
