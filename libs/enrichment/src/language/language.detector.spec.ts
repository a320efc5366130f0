import { detectLanguage } from './language.detector';

describe('detectLanguage', () => {
  it.each([
    [
      'en',
      'The government announced on Tuesday that it would raise taxes on fuel to pay for new railway lines across the north of the country.',
    ],
    [
      'fr',
      'Le gouvernement a annoncé mardi qu’il augmenterait les taxes sur le carburant pour financer de nouvelles lignes de chemin de fer.',
    ],
    ['de', 'Die Regierung kündigte am Dienstag an, die Steuern auf Kraftstoff zu erhöhen, um neue Bahnstrecken im Norden zu finanzieren.'],
    [
      'es',
      'El gobierno anunció el martes que subiría los impuestos sobre el combustible para pagar nuevas líneas de ferrocarril en el norte.',
    ],
    [
      'it',
      'Il governo ha annunciato martedì che aumenterà le tasse sul carburante per finanziare nuove linee ferroviarie nel nord del paese.',
    ],
  ])('detects %s', (code, text) => {
    const result = detectLanguage(text);
    expect(result.code).toBe(code);
    expect(result.confidence).toBeGreaterThan(0.5);
    expect(result.confidence).toBeLessThanOrEqual(1);
  });

  it('falls back to the declared language for empty or undecidable text', () => {
    expect(detectLanguage('', 'de-AT')).toEqual({ code: 'de', confidence: 0 });
    expect(detectLanguage('')).toEqual({ code: 'und', confidence: 0 });
  });
});
