/**
 * Where a field's value came from, so an editor can see why the extractor said what it said:
 * `json-ld` structured data, `meta` head tags (Open Graph, Dublin Core, `<link rel=canonical>`),
 * `dom` page markup (`<h1>`, `<time>`, byline elements, the body container), `text` a date or name read from
 * visible prose, `url` the page address.
 */
export type FieldSource = 'json-ld' | 'meta' | 'dom' | 'text' | 'url';
