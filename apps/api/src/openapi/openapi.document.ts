import { CORRELATION_ID_HEADER, QueueName } from '@copydesk/contracts';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../common/problem';
import { ProblemView } from '../common/problem.view';
import { SCOPE_EXTENSION } from '../common/scope.decorator';
import { applyValidationConstraints } from './validation-schema';

type Schema = Record<string, unknown>;
type Operation = {
  parameters?: Array<{ name: string; in: string; schema?: Schema; description?: string; required?: boolean }>;
  requestBody?: unknown;
  responses: Record<string, { description?: string; content?: Record<string, unknown> }>;
  security?: Array<Record<string, string[]>>;
  description?: string;
  [extension: string]: unknown;
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

const PROBLEM_WHY: Record<string, string> = {
  '400': 'The request cannot be read: malformed JSON or URL, invalid UTF-8, a malformed path parameter',
  '404': 'No such resource (or not one the key may see)',
  '409': 'Conflict with the resource’s state, or an Idempotency-Key whose first request is still being answered',
  '413': 'The body is larger than MAX_BODY_BYTES',
  '414': 'A path segment is longer than 200 characters',
  '415': 'The body is not application/json',
  '422': 'Not valid: each problem is in errors, with a JSON pointer (/field, /query/name, /path/name, /header/name)',
  '503': 'PostgreSQL or Redis is unavailable; retry after Retry-After seconds',
};

const DESCRIPTION = `Newsroom content ingestion: push articles, follow them through the pipeline, subscribe to what comes out.

**Keys.** Send \`Authorization: Bearer <key>\`. Keys have scopes (\`ingest\`, \`read\`, \`manage\`, \`admin\`; admin has
all) and may be limited to sources; each operation names its scope (\`x-required-scope\`). 401 for a missing, unknown,
revoked or expired key; 403 for a key without the scope.

**Limits.** Requests per key and scope are rate limited (RateLimit-* headers; 429 with Retry-After). Failed
authentications are limited per address. Bodies: JSON only, at most MAX_BODY_BYTES, nesting at most MAX_JSON_DEPTH,
no NUL characters.

**Retries.** Every POST that creates or triggers something takes an \`Idempotency-Key\`: a retry with the same key and
body gets the first answer, and the work is done once.

**Errors.** Every error is \`application/problem+json\` (RFC 9457) with a \`code\` and the request's \`correlationId\`.`;

/** The OpenAPI document of the API: what the decorators say, completed and tightened by `finishDocument`. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Copydesk API')
      .setDescription(DESCRIPTION)
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key (cdk_live_…) or COPYDESK_ADMIN_KEY' })
      .addGlobalParameters({
        name: CORRELATION_ID_HEADER,
        in: 'header',
        required: false,
        description: 'Follow a request through every log line',
        schema: { type: 'string', maxLength: 128 },
      })
      .build(),
    { extraModels: [ProblemView] },
  );
  applyValidationConstraints(document);
  return finishDocument(document);
}

/**
 * What every operation can answer, declared where the decorators leave it out: problem+json for each status the
 * edge, the guard or validation can produce; uuid formats on id parameters; and `additionalProperties: false` on
 * every object schema that does not say otherwise (bodies with unknown fields are refused, answers have no others).
 */
export function finishDocument(document: OpenAPIObject): OpenAPIObject {
  const problem = { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemView' } } };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      const statuses = ['400', '503'];
      const params = operation.parameters ?? [];
      if (params.some((p) => p.in === 'path')) statuses.push('404', '414');
      if (params.some((p) => p.in === 'query') || params.some((p) => p.in === 'path')) statuses.push('422');
      if (operation.requestBody || method === 'post' || method === 'put' || method === 'patch') statuses.push('413', '415', '422');
      if (params.some((p) => p.name.toLowerCase() === 'idempotency-key')) statuses.push('409', '422');
      for (const status of statuses) operation.responses[status] ??= { description: PROBLEM_WHY[status] };
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) >= 400) response.content = problem;
      }
      for (const param of params) tightenParameter(param, path);
      const scope = operation[SCOPE_EXTENSION];
      if (typeof scope === 'string') {
        operation.description = `${operation.description ? `${operation.description}\n\n` : ''}Needs a key with the \`${scope}\` scope.`;
      }
    }
  }
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  // Problem documents carry extensions beyond the listed members (RFC 9457): the one open schema.
  if (schemas.ProblemView) schemas.ProblemView.additionalProperties = true;
  for (const schema of Object.values(schemas)) closeObjects(schema);
  return document;
}

function tightenParameter(param: { name: string; in: string; schema?: Schema; description?: string }, path: string): void {
  const schema = (param.schema ??= { type: 'string' });
  if (param.in !== 'path' || schema.pattern || schema.enum) return;
  if (param.name === 'id' || param.name === 'sourceId') Object.assign(schema, { type: 'string', format: 'uuid' });
  else if (param.name === 'ref') {
    Object.assign(schema, { type: 'string', minLength: 1, maxLength: 64 });
    param.description ??= 'The source’s id or slug';
  } else if (param.name === 'queue' && path.startsWith('/admin')) Object.assign(schema, { type: 'string', enum: Object.values(QueueName) });
}

/** Sets `additionalProperties: false` on object schemas (nested ones too) that declare properties and say nothing. */
function closeObjects(schema: Schema): void {
  if (schema.properties && schema.additionalProperties === undefined) schema.additionalProperties = false;
  for (const child of Object.values((schema.properties ?? {}) as Record<string, Schema>)) {
    closeObjects(child);
    if (child.items) closeObjects(child.items as Schema);
  }
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) for (const part of (schema[key] ?? []) as Schema[]) closeObjects(part);
}
