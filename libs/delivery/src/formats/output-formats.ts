import { nativeFormat } from './native/native.format';
import { ninjsFormat } from './ninjs/ninjs.format';
import type { OutputFormat } from './output-format';
import { plainTextFormat } from './plain-text/plain-text.format';

/** Every output format subscriptions may choose, by name. A new format is its folder and one line here. */
export const OUTPUT_FORMATS = {
  native: nativeFormat,
  ninjs: ninjsFormat,
  text: plainTextFormat,
} as const satisfies Record<string, OutputFormat>;

export type OutputFormatName = keyof typeof OUTPUT_FORMATS;

/** What a subscription's `format` holds: the name of a registered output format. */
export type SubscriptionFormat = OutputFormatName;

/** The format of a subscription that names none. */
export const DEFAULT_OUTPUT_FORMAT: OutputFormatName = 'native';

export const OUTPUT_FORMAT_NAMES = Object.keys(OUTPUT_FORMATS) as OutputFormatName[];

export function isOutputFormatName(name: string): name is OutputFormatName {
  return Object.hasOwn(OUTPUT_FORMATS, name);
}

/** The format a subscription names (native when it names none). */
export function outputFormat(name: string | null | undefined): OutputFormat {
  const key = name ?? DEFAULT_OUTPUT_FORMAT;
  if (!isOutputFormatName(key)) throw new RangeError(`no output format named "${key}" (known: ${OUTPUT_FORMAT_NAMES.join(', ')})`);
  return OUTPUT_FORMATS[key];
}
