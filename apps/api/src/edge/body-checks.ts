/**
 * Checks on request input made once, at the edge, before anything else sees it. Pure and iterative: a hostile
 * input (2,000 levels of nesting, say) must never reach a recursive walker.
 */

/**
 * The deepest nesting of arrays and objects in a JSON text, counted on the raw characters (strings skipped), so it
 * is known before JSON.parse builds anything. Stops counting once `limit` is passed.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return false;
}

/** The JSON pointer of the first string (value or key) holding a NUL character, or null. PostgreSQL text cannot. */
export function findNul(value: unknown, root = ''): string | null {
  const stack: Array<[unknown, string]> = [[value, root]];
  while (stack.length > 0) {
    const [current, pointer] = stack.pop() as [unknown, string];
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return pointer || '/';
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push([current[i], `${pointer}/${i}`]);
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current as Record<string, unknown>)) {
        const here = `${pointer}/${escapePointer(key)}`;
        if (key.includes('\u0000')) return here;
        stack.push([child, here]);
      }
    }
  }
  return null;
}

/** RFC 6901: `~` and `/` in a key. NUL is shown as \u0000 so the pointer itself stays printable. */
function escapePointer(key: string): string {
  return key
    .replace(/~/g, '~0')
    .replace(/\//g, '~1')
    .replace(/\u0000/g, '\\u0000');
}
