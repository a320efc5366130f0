/** Accuracy and macro-averaged F1 of single-label predictions. */
export function accuracyAndMacroF1(gold: string[], predicted: string[]): { accuracy: number; macroF1: number } {
  const labels = [...new Set(gold)];
  let correct = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === predicted[i]) correct++;
  const f1s = labels.map((label) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      if (predicted[i] === label && gold[i] === label) tp++;
      else if (predicted[i] === label) fp++;
      else if (gold[i] === label) fn++;
    }
    return tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  });
  return { accuracy: correct / Math.max(1, gold.length), macroF1: f1s.reduce((a, b) => a + b, 0) / Math.max(1, f1s.length) };
}
