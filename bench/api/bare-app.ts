/**
 * The baseline of `npm run bench:api`: a bare NestJS route on Fastify, no database, no auth, so the API's figures can
 * be read against what the framework costs on this machine in the same run. PORT from the environment.
 */
import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';

@Controller()
class BareController {
  @Get('bare')
  bare(): { ok: boolean } {
    return { ok: true };
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(BareModule, new FastifyAdapter(), { logger: false });
  await app.listen(Number(process.argv[2] ?? 3999), '127.0.0.1');
}

void main();
