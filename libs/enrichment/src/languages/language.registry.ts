import { GERMAN } from './de/de.pack';
import { ENGLISH } from './en/en.pack';
import type { LanguagePack } from './language-pack';
import { NEUTRAL } from './neutral/neutral.pack';

const packs = new Map<string, LanguagePack>([ENGLISH, GERMAN].map((p) => [p.code, p]));

/** Adds (or replaces) a language pack: the extension point for a new language. */
export function registerLanguagePack(pack: LanguagePack): void {
  packs.set(pack.code, pack);
}

/** The pack for a language code ("de", "de-AT"), or the neutral pack when there is none. */
export function languagePack(code: string | undefined): LanguagePack {
  const primary = (code ?? '').toLowerCase().split(/[-_]/)[0];
  return packs.get(primary) ?? NEUTRAL;
}

/** Codes of the languages with a pack of their own. */
export function supportedLanguages(): string[] {
  return [...packs.keys()].sort();
}
