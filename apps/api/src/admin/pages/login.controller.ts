import { ApiKeyRepository } from '@copydesk/database';
import { Body, Controller, Get, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { ApiKeyGuard } from '../../common/api-key.guard';
import { Public } from '../../common/public.decorator';
import { AdminAuthGuard } from '../auth/admin-auth.guard';
import type { AdminRequest } from '../auth/admin-request';
import { AdminSessions } from '../auth/admin-session.service';
import { clearedSessionCookies, sessionCookie } from '../auth/cookies';
import { aKey, dashboardAccess } from '../auth/dashboard-access';
import { Needs } from '../auth/dashboard.decorator';
import { AdminFormDto } from './admin-form.dto';
import { AdminPageFilter } from './admin-page.filter';
import { redirectTo, safeNext, sendHtml } from './page-response';
import { loginPage } from '../views/login.view';

export class LoginDto {
  @IsString()
  @MaxLength(512)
  key: string;

  @IsOptional()
  @IsString()
  @MaxLength(2048)
  next?: string;
}

/** Sign in with an API key (checked exactly as /v1 checks it), and out again. */
@ApiExcludeController()
@Public()
@UseGuards(AdminAuthGuard)
@UseFilters(AdminPageFilter)
@Controller('admin')
export class LoginController {
  constructor(
    private readonly apiKeys: ApiKeyGuard,
    private readonly keys: ApiKeyRepository,
    private readonly sessions: AdminSessions,
  ) {}

  @Needs('open')
  @Get('login')
  form(@Query('next') next: string | undefined, @Query('signed-out') signedOut: string | undefined, @Res() reply: FastifyReply): void {
    sendHtml(reply, loginPage({ next: safeNext(next), notice: signedOut ? 'Signed out.' : undefined }));
  }

  @Needs('open')
  @Post('login')
  async login(@Body() dto: LoginDto, @Req() request: AdminRequest, @Res() reply: FastifyReply): Promise<void> {
    const next = safeNext(dto.next);
    const probe = { headers: { authorization: `Bearer ${dto.key.trim()}` } } as AdminRequest;
    try {
      if (!/^\S+$/.test(dto.key.trim())) throw new Error('no key');
      await this.apiKeys.authenticate(probe);
    } catch {
      sendHtml(reply, loginPage({ next, error: 'That key is not valid (or was revoked).' }), 401);
      return;
    }
    const auth = probe.auth!;
    if (!dashboardAccess(auth.scopes).see) {
      sendHtml(reply, loginPage({ next, error: `${aKey(auth.scopes)} cannot open the dashboard.` }), 403);
      return;
    }
    const stored = auth.keyId ? await this.keys.findActiveById(auth.keyId) : null;
    const label = stored ? `${stored.name} (${stored.keyPrefix}…)` : 'installation admin key';
    const token = await this.sessions.create(auth, label);
    void reply.header(
      'set-cookie',
      sessionCookie(token, { secure: request.protocol === 'https', maxAgeSeconds: this.sessions.lifetimeSeconds }),
    );
    redirectTo(reply, next);
  }

  /** Ends the session here and in Redis, for every API process. */
  @Needs('see')
  @Post('logout')
  async logout(@Body() _form: AdminFormDto, @Req() request: AdminRequest, @Res() reply: FastifyReply): Promise<void> {
    if (request.adminSession) await this.sessions.destroy(request.adminSession.token);
    void reply.header('set-cookie', clearedSessionCookies());
    redirectTo(reply, '/admin/login?signed-out=1');
  }
}
