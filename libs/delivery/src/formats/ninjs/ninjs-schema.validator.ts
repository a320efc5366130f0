import { readFileSync } from 'node:fs';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { NINJS_SCHEMA_3_1 } from './ninjs-schema-3.1.data';

let compiled: ValidateFunction | undefined;

/**
 * IPTC's ninjs 3.1 schema, compiled once on first use. The schema $refs GeoJSON by URL; the `geojson-schema`
 * package ships that schema (draft-07) under the same $id, so nothing is fetched. Its `$schema` key is dropped
 * because the 2020 validator does not carry the draft-07 meta-schema, and the GeoJSON keywords it uses mean the
 * same in 2020-12.
 */
export function ninjsValidator(): ValidateFunction {
  if (compiled) return compiled;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const { $schema: _draft07, ...geoJson } = JSON.parse(readFileSync(require.resolve('geojson-schema/GeoJSON.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  ajv.addSchema(geoJson);
  return (compiled = ajv.compile(NINJS_SCHEMA_3_1));
}

/** Where a document breaks the ninjs 3.1 schema, as `path: message` lines; empty when it conforms. */
export function ninjsSchemaProblems(document: unknown): string[] {
  const validate = ninjsValidator();
  if (validate(document)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'}: ${error.message ?? 'invalid'}`);
}
