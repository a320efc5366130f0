import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';

/** The parts of an OpenAPI 3.0 document the fuzzer reads. */
export type Schema = Record<string, unknown>;
export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}
export interface Operation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  security?: unknown[];
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export interface GeneratedRequest {
  method: string;
  template: string;
  pathParams: Record<string, string>;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body?: unknown;
  /** What was made invalid, for failure messages (absent: a valid request). */
  invalid?: string;
}

export function listOperations(document: OpenApiDocument): Array<{ method: string; template: string; operation: Operation }> {
  return Object.entries(document.paths).flatMap(([template, item]) =>
    Object.entries(item).map(([method, operation]) => ({ method: method.toUpperCase(), template, operation })),
  );
}

/** Values generated from schemas; `fixtures` gives real values for some path parameters (an existing article id…). */
export class SchemaArbitraries {
  constructor(
    private readonly document: OpenApiDocument,
    private readonly fixtures: (template: string, name: string) => string[] = () => [],
  ) {}

  resolve(schema: Schema): Schema {
    let current = schema;
    while (typeof current.$ref === 'string') current = this.document.components.schemas[current.$ref.split('/').pop() as string];
    if (Array.isArray(current.allOf) && current.allOf.length === 1) {
      const { allOf, ...rest } = current;
      return { ...this.resolve(allOf[0] as Schema), ...rest };
    }
    return current;
  }

  value(input: Schema, depth = 0): fc.Arbitrary<unknown> {
    const schema = this.resolve(input);
    const plain = this.nonNull(schema, depth);
    return schema.nullable ? fc.option(plain, { nil: null, freq: 4 }) : plain;
  }

  private nonNull(schema: Schema, depth: number): fc.Arbitrary<unknown> {
    if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
    if (Array.isArray(schema.oneOf)) return fc.oneof(...(schema.oneOf as Schema[]).map((s) => this.value(s, depth)));
    switch (schema.type) {
      case 'integer':
        return fc.integer({ min: (schema.minimum as number) ?? -1000, max: (schema.maximum as number) ?? 100_000 });
      case 'number':
        return fc.double({
          min: (schema.minimum as number) ?? -1000,
          max: (schema.maximum as number) ?? 1000,
          noNaN: true,
          noDefaultInfinity: true,
        });
      case 'boolean':
        return fc.boolean();
      case 'array': {
        const items = this.value((schema.items as Schema) ?? { type: 'string' }, depth + 1);
        const constraints = { minLength: (schema.minItems as number) ?? 0, maxLength: Math.min((schema.maxItems as number) ?? 4, 4) };
        return schema.uniqueItems
          ? fc.uniqueArray(items, { ...constraints, selector: (v) => JSON.stringify(v) })
          : fc.array(items, constraints);
      }
      case 'object':
        return this.object(schema, depth);
      default:
        return this.string(schema);
    }
  }

  object(schema: Schema, depth: number): fc.Arbitrary<Record<string, unknown>> {
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    if (Object.keys(properties).length === 0) {
      if (depth > 2 || schema.additionalProperties === false) return fc.constant({});
      return fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), fc.string({ maxLength: 8 }), {
        minKeys: (schema.minProperties as number) ?? 0,
        maxKeys: 3,
      });
    }
    const required = (schema.required ?? []) as string[];
    const model = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, this.value(value, depth + 1)]));
    return fc.record(model, { requiredKeys: required });
  }

  private string(schema: Schema): fc.Arbitrary<string> {
    const min = (schema.minLength as number) ?? 0;
    const max = Math.min((schema.maxLength as number) ?? 40, 40);
    switch (schema.format) {
      case 'uuid':
        return fc.uuid({ version: 4 });
      case 'date-time':
        return fc
          .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
          .map((d) => d.toISOString());
      case 'uri':
        return fc
          .webUrl({ validSchemes: ['https'], withQueryParameters: false, withFragments: false })
          .filter((u) => u.length <= max + 200);
      default:
    }
    if (typeof schema.pattern === 'string') {
      return fc
        .stringMatching(new RegExp(schema.pattern))
        .filter((s) => s.length >= min && s.length <= ((schema.maxLength as number) ?? 10_000));
    }
    return fc
      .string({ minLength: Math.max(min, 0), maxLength: Math.max(max, min), unit: 'grapheme-ascii' })
      .filter((s) => min === 0 || s.trim().length > 0);
  }

  /** A whole request that follows the document: every required parameter, some optional ones, a valid body. */
  request(method: string, template: string, operation: Operation): fc.Arbitrary<GeneratedRequest> {
    const params = (operation.parameters ?? []).filter((p) => p.name.toLowerCase() !== 'idempotency-key' && p.name !== 'x-correlation-id');
    const pathArbs = Object.fromEntries(
      params
        .filter((p) => p.in === 'path')
        .map((p) => {
          const real = this.fixtures(template, p.name);
          const generated = this.string(this.resolve(p.schema ?? { type: 'string' }));
          return [p.name, real.length ? fc.oneof(fc.constantFrom(...real), generated) : generated];
        }),
    );
    const queryParams = params.filter((p) => p.in === 'query');
    const queryArb = fc.record(
      Object.fromEntries(
        queryParams.map((p) => [p.name, this.value(p.schema ?? { type: 'string' }).map((v) => (v === null ? undefined : queryText(v)))]),
      ),
      { requiredKeys: queryParams.filter((p) => p.required).map((p) => p.name) },
    );
    const bodySchema = operation.requestBody?.content['application/json']?.schema;
    const bodyArb = bodySchema ? this.value(bodySchema) : fc.constant(undefined);
    return fc.record({ path: fc.record(pathArbs), query: queryArb, body: bodyArb }).map(({ path, query, body }) => ({
      method,
      template,
      pathParams: path,
      path: fillPath(template, path as Record<string, string>),
      query: Object.fromEntries(
        Object.entries(query as Record<string, string | undefined>).filter((e): e is [string, string] => e[1] !== undefined),
      ),
      headers: {},
      body: bodySchema ? body : method === 'POST' ? {} : undefined,
    }));
  }

  /** Ways to break a valid request, each one at a time: what the document says must be refused. */
  invalidVariants(request: GeneratedRequest, operation: Operation): GeneratedRequest[] {
    const variants: GeneratedRequest[] = [];
    const bodySchema = operation.requestBody?.content['application/json']?.schema;
    if (bodySchema && request.body && typeof request.body === 'object') {
      const schema = this.resolve(bodySchema);
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const body = request.body as Record<string, unknown>;
      variants.push({ ...request, body: { ...body, unexpectedField: 'x' }, invalid: 'an unknown field' });
      for (const [name, raw] of Object.entries(properties)) {
        const property = this.resolve(raw);
        if (!property.nullable) variants.push({ ...request, body: { ...body, [name]: null }, invalid: `${name}: null` });
        variants.push({ ...request, body: { ...body, [name]: wrongType(property) }, invalid: `${name}: wrong type` });
        if (typeof property.maxLength === 'number') {
          variants.push({ ...request, body: { ...body, [name]: 'x'.repeat(property.maxLength + 1) }, invalid: `${name}: too long` });
        }
        if (typeof property.maximum === 'number') {
          variants.push({ ...request, body: { ...body, [name]: property.maximum + 1 }, invalid: `${name}: above maximum` });
        }
      }
      for (const name of (schema.required ?? []) as string[]) {
        const { [name]: _, ...rest } = body;
        variants.push({ ...request, body: rest, invalid: `${name}: missing` });
      }
    }
    for (const param of operation.parameters ?? []) {
      const schema = this.resolve(param.schema ?? {});
      if (param.in === 'query' && (schema.type === 'integer' || schema.format === 'date-time' || schema.enum || schema.format === 'uuid')) {
        variants.push({ ...request, query: { ...request.query, [param.name]: '0x10' }, invalid: `query ${param.name}=0x10` });
      }
      if (param.in === 'path' && (schema.format === 'uuid' || schema.pattern)) {
        // "not a uuid!" breaks a uuid and any of the id patterns (no spaces, no "!").
        const pathParams = { ...request.pathParams, [param.name]: 'not a uuid!' };
        variants.push({ ...request, pathParams, path: fillPath(request.template, pathParams), invalid: `path ${param.name} malformed` });
      }
    }
    return variants;
  }
}

/** Query values are scalars in the document; anything else is sent as JSON, which the API must refuse cleanly. */
function queryText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]));
}

function wrongType(schema: Schema): unknown {
  switch (schema.type) {
    case 'string':
      return 12345;
    case 'integer':
    case 'number':
      return 'not a number';
    case 'boolean':
      return 'yes';
    case 'array':
      return 'not an array';
    default:
      return 42;
  }
}

/** Checks answers against the document's response schemas (OpenAPI 3.0 `nullable` included). */
export class ResponseChecker {
  private readonly ajv: Ajv;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(document: OpenApiDocument) {
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addSchema(nullableAsJsonSchema({ components: document.components }), 'doc');
  }

  /** Null when the body matches the schema, else ajv's complaint. */
  check(schema: Schema, body: unknown): string | null {
    const key = JSON.stringify(schema);
    let validate = this.cache.get(key);
    if (!validate) {
      validate = this.ajv.compile(nullableAsJsonSchema(JSON.parse(key.replace(/"#\/components\//g, '"doc#/components/')) as Schema));
      this.cache.set(key, validate);
    }
    return validate(body) ? null : this.ajv.errorsText(validate.errors);
  }
}

/**
 * OpenAPI 3.0's `nullable: true` beside a `$ref` or `allOf` (how a nullable object is written) is not a keyword
 * ajv applies without `type`: rewritten as "this, or null".
 */
function nullableAsJsonSchema<T>(value: T): T {
  if (Array.isArray(value)) return value.map(nullableAsJsonSchema) as T;
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, nullableAsJsonSchema(v)] as const);
  const schema = Object.fromEntries(entries) as Record<string, unknown>;
  if (schema.nullable === true && (schema.$ref || schema.allOf || schema.oneOf)) {
    const { nullable: _, ...rest } = schema;
    return { anyOf: [rest, { type: 'null' }] } as T;
  }
  return schema as T;
}
