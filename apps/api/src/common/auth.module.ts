import { Global, Module } from '@nestjs/common';
import { RateLimiter } from '../rate-limit/rate-limiter.service';
import { ApiKeyGuard } from './api-key.guard';
import { BootstrapAdminKey } from './bootstrap-admin-key.service';
import { SourceAccess } from './source-access.service';

/** Keys, scopes and source limits, for every feature module (the guard runs globally and inside /admin and webhooks). */
@Global()
@Module({ providers: [ApiKeyGuard, SourceAccess, BootstrapAdminKey, RateLimiter], exports: [ApiKeyGuard, SourceAccess, RateLimiter] })
export class AuthModule {}
