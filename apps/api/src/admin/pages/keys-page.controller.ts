import { ApiScope } from '@copydesk/contracts';
import { ApiKeyRepository, type AuditActor } from '@copydesk/database';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsEnum, IsString, MaxLength, MinLength } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { ApiKeyIssuer } from '../../api-keys/api-key-issuer.service';
import { Public } from '../../common/public.decorator';
import { AdminAuthGuard } from '../auth/admin-auth.guard';
import type { AdminRequest } from '../auth/admin-request';
import { Needs } from '../auth/dashboard.decorator';
import { keysPage } from '../views/keys.view';
import { page } from '../views/layout.view';
import { AdminFormDto } from './admin-form.dto';
import { AdminPageFilter } from './admin-page.filter';
import { PageContexts } from './page-context.service';
import { redirectTo, sendHtml } from './page-response';

export class KeyForm extends AdminFormDto {
  @Transform(({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1, { message: 'name: give the key a name (who uses it)' })
  @MaxLength(200)
  name: string;

  // One box ticked arrives as a string, several as a list, none not at all.
  @Transform(({ value }: { value: unknown }): unknown[] =>
    Array.isArray(value) ? (value as unknown[]) : value === undefined ? [] : [value],
  )
  @IsArray()
  @ArrayMinSize(1, { message: 'scopes: tick at least one scope' })
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsEnum(ApiScope, { each: true, message: 'scopes: each must be one of ingest, read, manage, admin' })
  scopes: ApiScope[];
}

const actorOf = (request: AdminRequest): AuditActor => ({
  keyId: request.auth!.keyId,
  name: request.auth!.keyName,
  correlationId: request.id,
});

/**
 * API keys from the dashboard, for admin keys only. Creation and revocation go through the same ApiKeyIssuer as
 * `/v1/api-keys`, which audits each change in the change's own transaction.
 */
@ApiExcludeController()
@Public()
@UseGuards(AdminAuthGuard)
@UseFilters(AdminPageFilter)
@Needs('manageKeys')
@Controller('admin/keys')
export class KeysPageController {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly issuer: ApiKeyIssuer,
    private readonly contexts: PageContexts,
  ) {}

  @Get()
  async list(@Req() request: AdminRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = await this.contexts.of(request);
    sendHtml(reply, page(ctx, 'API keys', keysPage(ctx, await this.keys.list({ includeRevoked: true }))));
  }

  /**
   * The answer to the form is the page itself with the secret, not a redirect: the secret then never sits in the
   * session store or a URL, and the page is sent with no-store. Reloading it asks before posting again.
   */
  @Post()
  async create(@Body() form: KeyForm, @Req() request: AdminRequest, @Res() reply: FastifyReply): Promise<void> {
    const { entity, key } = await this.issuer.create({ name: form.name, scopes: form.scopes }, actorOf(request));
    const ctx = await this.contexts.of(request);
    const list = await this.keys.list({ includeRevoked: true });
    sendHtml(reply, page(ctx, 'API keys', keysPage(ctx, list, { name: entity.name, secret: key })), 201);
  }

  @Post(':id/revoke')
  async revoke(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() _form: AdminFormDto,
    @Req() request: AdminRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.issuer.revoke(id, actorOf(request));
    const key = await this.keys.findById(id);
    await this.contexts.flash(request, `Key “${key?.name ?? id}” revoked.`);
    redirectTo(reply, '/admin/keys');
  }
}
