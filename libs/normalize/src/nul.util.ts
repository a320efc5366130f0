/**
 * NUL characters removed from a string, or from every string (keys included) of plain data: objects, arrays, and
 * leaves such as numbers and Dates left as they are. PostgreSQL refuses U+0000 in every text and jsonb value,
 * so one stray NUL in an input would fail each attempt to store it; it is never text a reader could see.
 */
export function withoutNul<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return (value.includes('\u0000') ? value.replaceAll('\u0000', '') : value) as T;
  // Inputs are records a few levels deep; the bound only keeps a hostile one from recursing without end.
  if (depth > 64 || value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((item: unknown) => withoutNul(item, depth + 1)) as T;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[withoutNul(key)] = withoutNul(item, depth + 1);
  return copy as T;
}
