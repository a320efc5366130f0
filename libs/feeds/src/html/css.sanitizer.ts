import { CSS_KEYWORDS, CSS_PROPERTIES, SVG_CSS_PROPERTIES } from './html-allowlist';

// A style attribute longer than this is not presentational markup worth keeping (and bounds the regexes below).
const MAX_STYLE_LENGTH = 2_000;

const VALID_VALUE = /^(#[0-9a-f]+|rgb\(\d+%?,\d*%?,?\d*%?\)?|\d{0,2}\.?\d{0,2}(cm|em|ex|in|mm|pc|pt|px|%|,|\))?)$/;
const SAFE_CHARACTERS = /^([:,;#%.\sa-zA-Z0-9!]|\w-\w|'[\s\w]+'|"[\s\w]+"|\([\d,\s]+\))*$/;

/**
 * Keeps only declarations with allowed properties and plain values: no url(), expressions or behaviours.
 * Returns '' when nothing safe is left.
 */
export function sanitizeStyle(style: string, svg: boolean): string {
  if (style.length > MAX_STYLE_LENGTH) return '';
  const withoutUrls = style.replace(/url\s*\(\s*[^\s)]+?\s*\)\s*/g, ' ');
  if (!SAFE_CHARACTERS.test(withoutUrls)) return '';
  if (withoutUrls.replace(/\s*[-\w]+\s*:\s*[^:;]*;?/g, '').trim()) return '';
  const clean: string[] = [];
  for (const [, property = '', value = ''] of withoutUrls.matchAll(/([-\w]+)\s*:\s*([^:;]*)/g)) {
    if (!value) continue;
    const name = property.toLowerCase();
    const family = name.split('-')[0];
    if (CSS_PROPERTIES.has(name)) {
      clean.push(`${property}: ${value};`);
    } else if (['background', 'border', 'margin', 'padding'].includes(family)) {
      if (
        value
          .split(/\s+/)
          .filter(Boolean)
          .every((word) => CSS_KEYWORDS.has(word) || VALID_VALUE.test(word))
      ) {
        clean.push(`${property}: ${value};`);
      }
    } else if (svg && SVG_CSS_PROPERTIES.has(name)) {
      clean.push(`${property}: ${value};`);
    }
  }
  return clean.join(' ');
}
