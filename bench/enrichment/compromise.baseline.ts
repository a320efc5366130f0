interface View {
  out(format: 'array'): string[];
}
interface Doc {
  people(): View;
  organizations(): View;
  places(): View;
}

/** The baseline: compromise 14's own people, organisations and places, de-duplicated. */
export function compromiseAlone(text: string): { people: string[]; organisations: string[]; places: string[] } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require('compromise') as ((text: string) => Doc) & { default?: (text: string) => Doc };
  const nlp = loaded.default ?? loaded;
  const doc = nlp(text);
  const clean = (v: View): string[] =>
    [...new Set(v.out('array').map((s) => s.replace(/[\s.,;:'’]+$|^[\s'"“]+/g, '').replace(/['’]s$/, '')))].filter(Boolean);
  return { people: clean(doc.people()), organisations: clean(doc.organizations()), places: clean(doc.places()) };
}
