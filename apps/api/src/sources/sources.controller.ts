import { SourceRepository, type SourceEntity } from '@copydesk/database';
import { CopydeskException, ErrorCode, PollScheduler, SourceAdmin, type SourceCredentials } from '@copydesk/pipeline';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CorrelationId } from '../common/auth-context';
import { CreateSourceDto, RotateSecretDto, UpdateSourceDto } from './dto/source.dto';
import { type SourceView, toSourceView } from './source.view';

@ApiTags('sources')
@ApiBearerAuth()
@Controller('v1/sources')
export class SourcesController {
  constructor(
    private readonly sources: SourceRepository,
    private readonly admin: SourceAdmin,
    private readonly scheduler: PollScheduler,
  ) {}

  /** Creates a source; a webhook source's signing secret is in the answer, this once. Feeds start polling at once. */
  @Post()
  async create(@Body() dto: CreateSourceDto): Promise<SourceView> {
    const { source, webhookSecret } = await this.admin.create({
      ...dto,
      credentials: (dto.credentials as SourceCredentials | undefined) ?? null,
    });
    return { ...(await this.view(source)), ...(webhookSecret ? { webhookSecret } : {}) };
  }

  @Get()
  async list(): Promise<{ items: SourceView[] }> {
    const sources = await this.sources.list();
    return { items: await Promise.all(sources.map((source) => this.view(source))) };
  }

  /** By id or slug. */
  @Get(':ref')
  async get(@Param('ref') ref: string): Promise<SourceView> {
    return this.view(await this.find(ref));
  }

  @Patch(':ref')
  async update(@Param('ref') ref: string, @Body() dto: UpdateSourceDto): Promise<SourceView> {
    const source = await this.find(ref);
    const { credentials, ...rest } = dto;
    return this.view(
      await this.admin.update(source, { ...rest, ...(credentials ? { credentials: credentials as SourceCredentials } : {}) }),
    );
  }

  /** Polls a feed now, outside its schedule (never at the same time as a scheduled poll). */
  @Post(':ref/poll')
  @HttpCode(HttpStatus.ACCEPTED)
  async pollNow(@Param('ref') ref: string, @CorrelationId() correlationId: string): Promise<{ sourceId: string; status: 'queued' }> {
    const source = await this.find(ref);
    if (!PollScheduler.isPolled(source.type)) throw new CopydeskException(ErrorCode.Conflict, `A ${source.type} source is not polled.`);
    await this.scheduler.pollNow(source.id, correlationId);
    return { sourceId: source.id, status: 'queued' };
  }

  /** A new webhook secret, shown once; the previous one keeps verifying during the overlap. */
  @Post(':ref/rotate-webhook-secret')
  async rotate(@Param('ref') ref: string, @Body() dto: RotateSecretDto): Promise<{ webhookSecret: string; previousValidUntil: string }> {
    const source = await this.find(ref);
    const rotated = await this.admin.rotateWebhookSecret(source.id, dto.overlapSeconds ?? 86_400);
    return { webhookSecret: rotated.secret, previousValidUntil: rotated.previousValidUntil };
  }

  private async find(ref: string): Promise<SourceEntity> {
    const source = await this.sources.findByRef(ref);
    if (!source) throw new CopydeskException(ErrorCode.NotFound, `No source has the id or slug "${ref}".`);
    return source;
  }

  private async view(source: SourceEntity): Promise<SourceView> {
    const withSecrets = await this.sources.findWithSecrets(source.id);
    return toSourceView(source, Boolean(withSecrets?.credentialsEncrypted));
  }
}
