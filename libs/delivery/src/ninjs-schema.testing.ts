import { join } from 'node:path';
import type { ErrorObject } from 'ajv/dist/2020';
import { ninjsValidator } from './formats/ninjs/ninjs-schema.validator';

/** Test helper: the ninjs 3.1 validator the ninjs format ships, with ajv's errors for precise assertions. */
export interface NinjsValidation {
  valid: boolean;
  errors: ErrorObject[];
}

/** IPTC's ninjs 3.1 documentation examples (test/fixtures/ninjs, CC BY 4.0). */
export const NINJS_FIXTURES_DIR = join(__dirname, '../../../test/fixtures/ninjs');

export function createNinjsValidator(): (document: unknown) => NinjsValidation {
  const validate = ninjsValidator();
  return (document) => {
    const valid = validate(document);
    return { valid, errors: valid ? [] : [...(validate.errors ?? [])] };
  };
}
