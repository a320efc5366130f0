import { Module } from '@nestjs/common';
import { SecretSealer } from './secret-sealer.service';

/** One SecretSealer for every module that seals or opens secrets (subscriptions' and sources'). */
@Module({ providers: [SecretSealer], exports: [SecretSealer] })
export class SecretSealerModule {}
