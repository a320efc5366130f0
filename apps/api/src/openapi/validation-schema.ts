import type { OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

type Schema = Record<string, unknown>;

/** The validator's constraints, as JSON Schema keywords (string, number and array constraints alike). */
function keywords(meta: ValidationMetadata): Schema | null {
  const [first, second] = (meta.constraints ?? []) as unknown[];
  switch (meta.name ?? '') {
    case 'maxLength':
      return { maxLength: first };
    case 'minLength':
      return { minLength: first };
    case 'matches':
      return first instanceof RegExp ? { pattern: first.source } : { pattern: String(first) };
    case 'isUrl':
      return { format: 'uri' };
    case 'isDateString':
    case 'isISO8601':
      return { format: 'date-time' };
    case 'isUuid':
      return { format: 'uuid' };
    case 'isIn':
      return { enum: first };
    case 'isEnum':
      return { enum: Array.isArray(second) ? second : Object.values(first as object) };
    case 'isInt':
      return { type: 'integer' };
    case 'isBoolean':
      return { type: 'boolean' };
    case 'min':
      return { minimum: first };
    case 'max':
      return { maximum: first };
    case 'arrayMaxSize':
      return { maxItems: first };
    case 'arrayMinSize':
      return { minItems: first };
    case 'isNotEmptyObject':
      return { minProperties: 1 };
    case 'arrayUnique':
      return { uniqueItems: true };
    default:
      return null;
  }
}

/** What class-validator's metadata storage keeps per class; read to find every validated class by name. */
type ValidatedClass = abstract new (...args: never[]) => unknown;

function validatedClasses(): Map<string, ValidatedClass> {
  const storage = getMetadataStorage() as unknown as { validationMetadatas?: Map<ValidatedClass, unknown> };
  if (!(storage.validationMetadatas instanceof Map)) {
    throw new Error('class-validator keeps its metadata differently now: update apps/api/src/openapi/validation-schema.ts');
  }
  return new Map([...storage.validationMetadatas.keys()].map((target) => [target.name, target]));
}

/**
 * Copies each request class's validation constraints into its OpenAPI schema, so the document says exactly what
 * the API enforces (lengths, patterns, formats, ranges, enums) without a second copy in @ApiProperty. What a
 * property declares itself wins.
 */
export function applyValidationConstraints(document: OpenAPIObject): void {
  const classes = validatedClasses();
  const storage = getMetadataStorage();
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {}) as Array<[string, Schema]>) {
    const target = classes.get(name);
    const properties = schema.properties as Record<string, Schema> | undefined;
    if (!target || !properties) continue;
    for (const meta of storage.getTargetValidationMetadatas(target, '', true, false)) {
      const property = properties[meta.propertyName];
      const extra = keywords(meta);
      if (!property || !extra) continue;
      const into = meta.each && property.type === 'array' ? ((property.items ??= {}) as Schema) : property;
      if ('$ref' in into) continue;
      for (const [key, value] of Object.entries(extra)) {
        // @IsInt narrows the `number` a TypeScript type gives; anything else the property says itself wins.
        if (into[key] === undefined || (key === 'type' && value === 'integer' && into.type === 'number')) into[key] = value;
      }
    }
  }
}
