const LD_SCRIPT = /<script\b[^>]*type\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script>/gi;
const TYPE = /"@type"\s*:\s*(\[[^\]]*\]|"[^"]*")/g;
const ARTICLE_TYPES = /Article|Posting|Review|Report|PressRelease|Blog/i;

/**
 * schema.org types of a page's JSON-LD that describe its article (`NewsArticle`, `OpinionNewsArticle`,
 * `LiveBlogPosting`...), read without parsing the JSON so malformed blocks still yield their types.
 */
export function jsonLdArticleTypes(html: string): string[] {
  const types = new Set<string>();
  for (const script of html.matchAll(LD_SCRIPT)) {
    for (const m of script[1].matchAll(TYPE)) {
      for (const t of m[1].match(/"([^"]+)"/g) ?? []) {
        const name = t.slice(1, -1).replace(/^https?:\/\/schema\.org\//, '');
        if (ARTICLE_TYPES.test(name)) types.add(name);
      }
    }
  }
  return [...types];
}
