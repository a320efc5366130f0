import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/**
 * Test helper: a validator for IPTC's ninjs 3.1 schema (test/fixtures/ninjs, CC BY 4.0).
 * The schema $refs GeoJSON by URL; the `geojson-schema` package ships that schema (draft-07) under the same $id,
 * so nothing is fetched. Its `$schema` key is dropped because the 2020 validator does not carry the draft-07
 * meta-schema, and the GeoJSON keywords it uses mean the same in 2020-12.
 */
export interface NinjsValidation {
  valid: boolean;
  errors: ErrorObject[];
}

export const NINJS_FIXTURES_DIR = join(__dirname, '../../../test/fixtures/ninjs');

export function createNinjsValidator(): (document: unknown) => NinjsValidation {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const geoJsonPath = require.resolve('geojson-schema/GeoJSON.json');
  const { $schema: _draft07, ...geoJson } = JSON.parse(readFileSync(geoJsonPath, 'utf8')) as Record<string, unknown>;
  ajv.addSchema(geoJson);
  const schema = JSON.parse(readFileSync(join(NINJS_FIXTURES_DIR, 'ninjs-schema_3.1.json'), 'utf8')) as object;
  const validate = ajv.compile(schema);
  return (document) => {
    const valid = validate(document);
    return { valid, errors: valid ? [] : [...(validate.errors ?? [])] };
  };
}
