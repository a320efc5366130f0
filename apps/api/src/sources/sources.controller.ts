import { ApiScope, AuditAction, jobId } from '@copydesk/contracts';
import { type AuditActor, AuditLogRepository, SourceRepository, type SourceEntity } from '@copydesk/database';
import { CopydeskException, ErrorCode, PollScheduler, SourceAdmin, type SourceCredentials } from '@copydesk/pipeline';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/problem.view';
import { Actor, Auth, type AuthContext, canUseSource } from '../common/auth-context';
import { AllSources, RequireScope } from '../common/scope.decorator';
import { CreateSourceDto, RotateSecretDto, UpdateSourceDto } from './dto/source.dto';
import { PollReceiptView, RotatedWebhookSecretView, SourceListView, SourceView, toSourceView } from './source.view';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { CarriesSecret, ETagged } from '../caching/caching.decorators';

@ApiTags('sources')
@RequireScope(ApiScope.Manage)
@Controller('v1/sources')
export class SourcesController {
  constructor(
    private readonly sources: SourceRepository,
    private readonly admin: SourceAdmin,
    private readonly scheduler: PollScheduler,
    private readonly audit: AuditLogRepository,
  ) {}

  /** Creates a source; a webhook source's signing secret is in the answer, this once. Feeds start polling at once. */
  @Post()
  @Idempotent({ carriesSecret: true })
  @CarriesSecret()
  @AllSources()
  @ApiCreatedResponse({ type: SourceView })
  @ApiProblems(409)
  async create(@Body() dto: CreateSourceDto, @Actor() actor: AuditActor): Promise<SourceView> {
    const { source, webhookSecret } = await this.admin.create(
      { ...dto, credentials: (dto.credentials as SourceCredentials | undefined) ?? null },
      actor,
    );
    return { ...(await this.view(source)), ...(webhookSecret ? { webhookSecret } : {}) };
  }

  @Get()
  @RequireScope(ApiScope.Read)
  @ApiOkResponse({ type: SourceListView })
  async list(@Auth() auth: AuthContext): Promise<SourceListView> {
    const sources = (await this.sources.list()).filter((source) => canUseSource(auth, source.id));
    return { items: await Promise.all(sources.map((source) => this.view(source))) };
  }

  /** By id or slug. */
  @Get(':ref')
  @ETagged()
  @RequireScope(ApiScope.Read)
  @ApiOkResponse({ type: SourceView })
  @ApiProblems(404)
  async get(@Param('ref') ref: string, @Auth() auth: AuthContext): Promise<SourceView> {
    return this.view(await this.find(ref, auth));
  }

  @Patch(':ref')
  @ApiOkResponse({ type: SourceView })
  @ApiProblems(404)
  async update(
    @Param('ref') ref: string,
    @Body() dto: UpdateSourceDto,
    @Auth() auth: AuthContext,
    @Actor() actor: AuditActor,
  ): Promise<SourceView> {
    const source = await this.find(ref, auth);
    const { credentials, ...rest } = dto;
    return this.view(
      await this.admin.update(source, { ...rest, ...(credentials ? { credentials: credentials as SourceCredentials } : {}) }, actor),
    );
  }

  /** Polls a feed now, outside its schedule (never at the same time as a scheduled poll). */
  @Post(':ref/poll')
  @Idempotent()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ type: PollReceiptView })
  @ApiProblems(404, 409)
  async pollNow(@Param('ref') ref: string, @Auth() auth: AuthContext, @Actor() actor: AuditActor): Promise<PollReceiptView> {
    const source = await this.find(ref, auth);
    if (!PollScheduler.isPolled(source.type)) throw new CopydeskException(ErrorCode.Conflict, `A ${source.type} source is not polled.`);
    await this.scheduler.pollNow(source.id, actor.correlationId);
    // A queued job changes nothing in PostgreSQL: the request itself is what is recorded.
    await this.audit.record(actor, { action: AuditAction.SourcePollRequested, targetType: 'source', targetId: source.id });
    return { sourceId: source.id, status: 'queued', jobId: jobId('poll-now', source.id, actor.correlationId) };
  }

  /** A new webhook secret, shown once; the previous one keeps verifying during the overlap. */
  @Post(':ref/rotate-webhook-secret')
  @Idempotent({ carriesSecret: true })
  @CarriesSecret()
  @ApiCreatedResponse({ type: RotatedWebhookSecretView })
  @ApiProblems(404)
  async rotate(
    @Param('ref') ref: string,
    @Body() dto: RotateSecretDto,
    @Auth() auth: AuthContext,
    @Actor() actor: AuditActor,
  ): Promise<RotatedWebhookSecretView> {
    const source = await this.find(ref, auth);
    const rotated = await this.admin.rotateWebhookSecret(source.id, dto.overlapSeconds ?? 86_400, actor);
    return { webhookSecret: rotated.secret, previousValidUntil: rotated.previousValidUntil };
  }

  private async find(ref: string, auth: AuthContext): Promise<SourceEntity> {
    const source = await this.sources.findByRef(ref);
    if (!source || !canUseSource(auth, source.id))
      throw new CopydeskException(ErrorCode.NotFound, `No source has the id or slug "${ref}".`);
    return source;
  }

  private async view(source: SourceEntity): Promise<SourceView> {
    const withSecrets = await this.sources.findWithSecrets(source.id);
    return toSourceView(source, Boolean(withSecrets?.credentialsEncrypted));
  }
}
