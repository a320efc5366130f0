// A quote set as a heading ("„Die Liste wird immer länger“") repeats words quoted in the text: the same speaker.
export function pullQuotes<Q extends { text: string; speaker: string | null; speakerType: unknown }>(quotes: Q[]): void {
  const opening = (text: string): string =>
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .slice(0, 4)
      .join(' ');
  for (const q of quotes) {
    if (q.speaker || opening(q.text).split(' ').length < 4) continue;
    const same = quotes.find((o) => o !== q && o.speaker && opening(o.text) === opening(q.text));
    if (same) {
      q.speaker = same.speaker;
      q.speakerType = same.speakerType;
    }
  }
}
