import { Global, Module } from '@nestjs/common';
import { ApiKeyGuard } from './api-key.guard';
import { BootstrapAdminKey } from './bootstrap-admin-key.service';
import { SourceAccess } from './source-access.service';

/** Keys, scopes and source limits, for every feature module (the guard runs globally and inside /admin and webhooks). */
@Global()
@Module({ providers: [ApiKeyGuard, SourceAccess, BootstrapAdminKey], exports: [ApiKeyGuard, SourceAccess] })
export class AuthModule {}
