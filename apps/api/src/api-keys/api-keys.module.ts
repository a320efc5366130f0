import { Module } from '@nestjs/common';
import { ApiKeyIssuer } from './api-key-issuer.service';
import { ApiKeysController } from './api-keys.controller';

@Module({ controllers: [ApiKeysController], providers: [ApiKeyIssuer] })
export class ApiKeysModule {}
