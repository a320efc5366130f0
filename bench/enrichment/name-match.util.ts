/**
 * Words of a name for lenient matching: lower case, letters and digits only. Apostrophes are dropped whichever way
 * they are typed (straight, typographic, modifier letter), so "Macy’s" and "Macy's" are one word. A possessive
 * ending is not: the labels write brand names with it ("Macy’s", "Lowe's Companies Inc."), the fullest form the
 * text uses, and "Macy" is a different (shorter) name.
 */
export function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[.'’‘ʼ]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The benchmark's lenient rule: one name's words are all contained in the other's. */
export function namesMatch(a: string, b: string): boolean {
  const wa = nameWords(a);
  const wb = nameWords(b);
  if (!wa.length || !wb.length) return false;
  const sa = new Set(wa);
  const sb = new Set(wb);
  return wa.every((w) => sb.has(w)) || wb.every((w) => sa.has(w));
}

/** Precision/recall counts of predicted names against gold names, each gold name matched at most once. */
export function matchNames(predicted: string[], gold: string[]): { tp: number; fp: string[]; fn: string[] } {
  const unmatchedGold = [...gold];
  const fp: string[] = [];
  let tp = 0;
  for (const p of predicted) {
    const i = unmatchedGold.findIndex((g) => namesMatch(p, g));
    if (i >= 0) {
      unmatchedGold.splice(i, 1);
      tp++;
    } else if (!gold.some((g) => namesMatch(p, g))) fp.push(p);
  }
  return { tp, fp, fn: unmatchedGold };
}

/** F1 from summed counts. */
export function f1(tp: number, fp: number, fn: number): { precision: number; recall: number; f1: number } {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
