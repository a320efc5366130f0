/** A JSON-LD node: an object with string keys (values stay unknown until read through the helpers below). */
export type JsonLdNode = Readonly<Record<string, unknown>>;

/** The schema.org facts we read from a page's JSON-LD. */
export interface JsonLdFacts {
  /** The article-like node (NewsArticle, BlogPosting, ...), if any. */
  readonly article: JsonLdNode | null;
  /** Every node found, flattened out of arrays and `@graph`. */
  readonly nodes: readonly JsonLdNode[];
}

const ARTICLE_TYPE = /(?:Article|BlogPosting|SocialMediaPosting|LiveBlogPosting|DiscussionForumPosting|Report|Review)$/;
// Page-level types that still carry headline, dates and author on many sites.
const PAGE_TYPE = /^(?:WebPage|ItemPage|AboutPage|MediaObject|VideoObject|Recipe|Event|CreativeWork)$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses JSON-LD text, tolerating the usual breakage: comments, trailing commas, raw newlines in strings. */
export function parseJsonLdText(raw: string): unknown {
  const text = raw
    .trim()
    .replace(/^<!--|-->$/g, '')
    .replace(/^\s*\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>\s*$/g, '');
  try {
    return JSON.parse(text);
  } catch {
    try {
      // Control characters are illegal inside JSON strings but common in hand-made JSON-LD.
      const repaired = text
        .replace(/[\u0000-\u001f]+/g, ' ')
        .replace(/,\s*([}\]])/g, '$1')
        .replace(/^\s*\/\/.*$/gm, '');
      return JSON.parse(repaired);
    } catch {
      return null;
    }
  }
}

/** Lists every node in parsed JSON-LD (arrays, `@graph`, `mainEntity`), breadth-first and without recursion. */
export function flattenJsonLd(values: readonly unknown[]): JsonLdNode[] {
  const nodes: JsonLdNode[] = [];
  const queue: unknown[] = [...values];
  // A cap keeps a hostile document from costing more than a normal one.
  for (let i = 0; i < queue.length && nodes.length < 500; i++) {
    const value = queue[i];
    if (Array.isArray(value)) {
      const items: readonly unknown[] = value.slice(0, 100);
      queue.push(...items);
      continue;
    }
    if (!isRecord(value)) continue;
    nodes.push(value);
    if ('@graph' in value) queue.push(value['@graph']);
    if (isRecord(value.mainEntity) || Array.isArray(value.mainEntity)) queue.push(value.mainEntity);
  }
  return nodes;
}

/** The node's `@type` values. */
export function typesOf(node: JsonLdNode): string[] {
  const type = node['@type'];
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  return [];
}

/** Reads the JSON-LD scripts of a page and picks the node describing the article. */
export function readJsonLd(scripts: readonly string[]): JsonLdFacts {
  const parsed = scripts.map(parseJsonLdText).filter((v) => v !== null);
  const nodes = flattenJsonLd(parsed);
  const articles = nodes.filter((node) => typesOf(node).some((t) => ARTICLE_TYPE.test(t)));
  let article: JsonLdNode | null = null;
  if (articles.length > 0) {
    // Pages that list teasers as articles too: the one with a body or a headline and date is the page's own.
    article = articles.find((a) => typeof a.articleBody === 'string') ?? articles.find((a) => a.headline && a.datePublished) ?? articles[0];
  } else {
    article = nodes.find((node) => typesOf(node).some((t) => PAGE_TYPE.test(t)) && (node.datePublished || node.headline)) ?? null;
  }
  return { article, nodes };
}

/** A string property, or the first string of an array property; `name`/`@value` of an object are followed. */
export function jsonLdString(value: unknown, depth = 0): string | null {
  // Nesting is capped: JSON-LD is data from the page and may be built to be deep.
  if (depth > 4) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 100)) {
      const found = jsonLdString(jsonLdValue(item), depth + 1);
      if (found !== null) return found;
    }
    return null;
  }
  return isRecord(value) ? jsonLdString(jsonLdValue(value), depth + 1) : null;
}

function jsonLdValue(value: unknown): unknown {
  if (!isRecord(value)) return value;
  return value['@value'] ?? value.name ?? value.url ?? value['@id'] ?? null;
}

/** Every string in a property that may be a string, a comma list, or an array of strings/objects. */
export function jsonLdStrings(value: unknown): string[] {
  if (typeof value === 'string')
    return value
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
  if (Array.isArray(value)) {
    const out: string[] = [];
    for (const item of value.slice(0, 100)) {
      const found = jsonLdString(item);
      if (found !== null) out.push(found);
    }
    return out;
  }
  const single = jsonLdString(value);
  return single === null ? [] : [single];
}

/**
 * Author names from `author`/`creator`: persons first; organisations only when no person is named. An author given
 * only as an `@id` reference (Yoast and other `@graph` generators write `"author": {"@id": "…#/schema/person/…"}`)
 * is looked up among the page's other nodes.
 */
export function jsonLdAuthors(node: JsonLdNode, nodes: readonly JsonLdNode[] = []): string[] {
  const raw = node.author ?? node.creator;
  const items: readonly unknown[] = Array.isArray(raw) ? raw.slice(0, 50) : raw === undefined ? [] : [raw];
  const persons: string[] = [];
  const organisations: string[] = [];
  for (const listed of items) {
    const item: unknown = isRecord(listed) && listed.name === undefined ? (referencedNode(listed, nodes) ?? listed) : listed;
    if (typeof item === 'string') {
      persons.push(item);
    } else if (isRecord(item)) {
      const name = jsonLdString(item.name);
      if (name === null) continue;
      if (typesOf(item).some((t) => /Organization|Organisation|NewsMediaOrganization|Corporation/.test(t))) organisations.push(name);
      else persons.push(name);
    }
  }
  return persons.length > 0 ? persons : organisations;
}

function referencedNode(reference: JsonLdNode, nodes: readonly JsonLdNode[]): JsonLdNode | null {
  const id = reference['@id'];
  if (typeof id !== 'string' || id === '') return null;
  return nodes.find((candidate) => candidate !== reference && candidate['@id'] === id && candidate.name !== undefined) ?? null;
}

/** `isAccessibleForFree` on the node or its parts: false means a paywall, true means free, null unknown. */
export function jsonLdAccess(node: JsonLdNode): boolean | null {
  const read = (value: unknown): boolean | null => {
    if (value === true || value === false) return value;
    if (typeof value === 'string') {
      const lower = value.trim().toLowerCase();
      if (lower === 'true' || lower === 'yes') return true;
      if (lower === 'false' || lower === 'no') return false;
    }
    return null;
  };
  const own = read(node.isAccessibleForFree);
  const parts = Array.isArray(node.hasPart) ? node.hasPart : node.hasPart === undefined ? [] : [node.hasPart];
  for (const part of parts) {
    if (isRecord(part) && read(part.isAccessibleForFree) === false) return false;
  }
  return own;
}
