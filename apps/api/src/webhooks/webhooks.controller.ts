import { ApiScope, jobId } from '@copydesk/contracts';
import { SourceRepository, type SourceWithSecrets } from '@copydesk/database';
import {
  CopydeskException,
  ErrorCode,
  type InboundWebhook,
  SourceKindRegistry,
  SourceSecrets,
  WIRE_CONTENT_TYPES,
  WebhookIntake,
  isWireContentType,
} from '@copydesk/pipeline';
import { WebhookVerificationError, generateWebhookSecret, verify } from '@copydesk/signing';
import { Body, Controller, Headers, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConsumes,
  ApiExtension,
  ApiHeader,
  ApiOkResponse,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems } from '../common/problem.view';
import { SCOPE_EXTENSION } from '../common/scope.decorator';
import { WebhookReceiptView } from '../ingest/ingest.view';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiKeyGuard } from '../common/api-key.guard';
import { type AuthenticatedRequest, CorrelationId, canUseSource } from '../common/auth-context';
import { Public } from '../common/public.decorator';
import { readInboundWebhook } from './inbound-webhook';
import { UuidParam } from '../common/uuid-param';
import { Idempotent } from '../idempotency/idempotent.decorator';

@ApiTags('webhooks')
@Controller('v1/webhooks')
export class WebhooksController {
  /** Verifies signatures sent to sources that do not exist, so they fail the way wrong signatures do. */
  private readonly decoySecret = generateWebhookSecret();

  constructor(
    private readonly sources: SourceRepository,
    private readonly secrets: SourceSecrets,
    private readonly intake: WebhookIntake,
    private readonly keys: ApiKeyGuard,
    private readonly kinds: SourceKindRegistry,
  ) {}

  /**
   * Webhook-triggered ingestion. Verified by Standard Webhooks signature with the source's `whsec_` secret (or an API
   * key as `Authorization: Bearer`); a bad signature gets 401 and stores nothing. A replayed `webhook-id` is
   * acknowledged (200) and ignored. Accepted calls answer 202 at once; the work happens on the queue. Wire copy
   * (NewsML-G2, NITF, ninjs) is taken by its media type and stored as received, one raw item per text item.
   */
  @Public()
  @Post(':sourceId')
  @Idempotent()
  @HttpCode(HttpStatus.ACCEPTED)
  // Either a Standard Webhooks signature (no scheme: the headers below) or a key with the ingest scope.
  @ApiSecurity({})
  @ApiBearerAuth()
  @ApiExtension(SCOPE_EXTENSION, ApiScope.Ingest)
  @ApiHeader({ name: 'webhook-id', required: false, schema: { type: 'string', maxLength: 256 } })
  @ApiHeader({ name: 'webhook-timestamp', required: false, schema: { type: 'string', pattern: '^[0-9]{1,12}$' } })
  @ApiHeader({ name: 'webhook-signature', required: false, schema: { type: 'string', maxLength: 4096 } })
  @ApiAcceptedResponse({ type: WebhookReceiptView, description: 'Accepted: stored, the work is queued' })
  @ApiOkResponse({ type: WebhookReceiptView, description: 'A webhook-id seen before: acknowledged, ignored' })
  @ApiConsumes('application/json', ...WIRE_CONTENT_TYPES)
  @ApiProblems(401, 403, 404, 415, 422, 429)
  async receive(
    @UuidParam('sourceId') sourceId: string,
    @Body() body: unknown,
    @Headers() headers: Record<string, string | undefined>,
    @Req() request: FastifyRequest & AuthenticatedRequest & { rawBody?: Buffer },
    @Res({ passthrough: true }) reply: FastifyReply,
    @CorrelationId() correlationId: string,
  ): Promise<WebhookReceiptView> {
    const source = await this.authenticate(sourceId, headers, request, reply);
    const webhookId = headers['webhook-id'];
    const outcome = await this.intake.receive(source, this.read(body, headers['content-type'], request.rawBody), webhookId, correlationId);
    if (outcome.status === 'duplicate') {
      void reply.status(HttpStatus.OK);
      return { status: 'duplicate', webhookId: webhookId as string };
    }
    return { status: 'accepted', items: outcome.receipts.map((r) => ({ id: r.id, status: r.status, jobId: jobId('raw', r.rawItemId) })) };
  }

  /** Wire copy by its media type; else the JSON shapes of `readInboundWebhook`, checked before anything is stored. */
  private read(body: unknown, contentType: string | undefined, rawBody: Buffer | undefined): InboundWebhook {
    if (isWireContentType(contentType)) return { kind: 'wire', bytes: rawBody ?? Buffer.alloc(0), contentType: contentType as string };
    const { webhook, problems } = readInboundWebhook(body);
    if (!webhook)
      throw new CopydeskException(ErrorCode.ValidationFailed, problems.map((p) => `${p.pointer || '/'}: ${p.detail}`).join('; '), {
        errors: problems,
      });
    return webhook.kind === 'articles' ? { ...webhook, raw: rawBody } : webhook;
  }

  /**
   * A signature, or an API key with the ingest scope for the source. Without a key, the answer never tells whether
   * the source exists: an unknown source's signature is checked against a decoy secret and refused like a wrong one.
   */
  private async authenticate(
    sourceId: string,
    headers: Record<string, string | undefined>,
    request: AuthenticatedRequest & { rawBody?: Buffer },
    reply: FastifyReply,
  ): Promise<SourceWithSecrets> {
    if (headers['webhook-signature']) {
      const source = await this.findSource(sourceId);
      try {
        const secrets = source ? this.secrets.validWebhookSecrets(source) : [this.decoySecret];
        verify({ headers, body: request.rawBody ?? Buffer.alloc(0), secrets });
      } catch (err) {
        if (err instanceof WebhookVerificationError)
          throw new CopydeskException(ErrorCode.Unauthorized, `Webhook signature refused: ${err.message}`, { reason: err.code });
        throw err;
      }
      if (!source) throw new Error('a decoy secret verified a signature');
      return source;
    }
    if (headers.authorization) {
      const auth = await this.keys.admit(request, reply, ApiScope.Ingest);
      const source = await this.findSource(sourceId);
      if (!source) throw new CopydeskException(ErrorCode.NotFound, 'No active webhook source has this id.');
      if (!canUseSource(auth, source.id))
        throw new CopydeskException(ErrorCode.Forbidden, 'This key is limited to other sources.', { sourceId: source.id });
      return source;
    }
    throw new CopydeskException(
      ErrorCode.Unauthorized,
      'Sign the call with Standard Webhooks headers (webhook-id, webhook-timestamp, webhook-signature) or send an API key.',
      {},
      { headers: { 'www-authenticate': 'Bearer realm="copydesk"' } },
    );
  }

  private async findSource(id: string): Promise<SourceWithSecrets | null> {
    const source = await this.sources.findWithSecrets(id);
    return source && this.kinds.isSigned(source.type) && source.active ? source : null;
  }
}
