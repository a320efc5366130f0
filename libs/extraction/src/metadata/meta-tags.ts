import type { HtmlTree } from '../dom/html-tree';

/** `<meta>` contents by lower-cased `name`, `property`, `itemprop` or `http-equiv`, in document order. */
export type MetaIndex = ReadonlyMap<string, readonly string[]>;

/** Indexes the page's meta tags once, so every field lookup is a map read. */
export function indexMetaTags(tree: HtmlTree): MetaIndex {
  const index = new Map<string, string[]>();
  for (const attrs of tree.metas) {
    const content = attrs.content ?? attrs.value;
    if (content === undefined) continue;
    const value = content.trim();
    if (value === '') continue;
    for (const key of [attrs.name, attrs.property, attrs.itemprop, attrs['http-equiv']]) {
      if (key === undefined) continue;
      // `property` may hold several space-separated names (RDFa).
      for (const name of key.toLowerCase().split(/\s+/)) {
        if (name === '') continue;
        const list = index.get(name);
        if (list === undefined) index.set(name, [value]);
        else list.push(value);
      }
    }
  }
  return index;
}

/** The first value among `keys` (in the order given: the caller's order of trust). */
export function firstMeta(index: MetaIndex, keys: readonly string[]): string | null {
  for (const key of keys) {
    const values = index.get(key);
    if (values !== undefined && values.length > 0) return values[0];
  }
  return null;
}

/** Every value under `keys`, de-duplicated. */
export function allMeta(index: MetaIndex, keys: readonly string[]): string[] {
  const out = new Set<string>();
  for (const key of keys) for (const value of index.get(key) ?? []) out.add(value);
  return [...out];
}
