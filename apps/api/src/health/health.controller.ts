import { RedisClient } from '@copydesk/queue';
import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../common/public.decorator';

interface Check {
  status: 'up' | 'down';
  latencyMs: number;
  error?: string;
}

const TIMEOUT_MS = 2_000;

async function timed(probe: () => Promise<unknown>): Promise<Check> {
  const started = performance.now();
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref()),
    ]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    return { status: 'down', latencyMs: Math.round(performance.now() - started), error: err instanceof Error ? err.message : String(err) };
  }
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: RedisClient,
  ) {}

  /** 200 when PostgreSQL and Redis both answer, 503 otherwise, with each check's latency and error. */
  @Public()
  @Get()
  async health(@Res() reply: FastifyReply): Promise<void> {
    await this.ready(reply);
  }

  /** Liveness: the process is up and serving. Never looks at a dependency, so an outage does not get it restarted. */
  @Public()
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: PostgreSQL and Redis each answer within 2 s (200), or not (503 with Retry-After: take it out of rotation). */
  @Public()
  @Get('ready')
  async ready(@Res() reply: FastifyReply): Promise<void> {
    const [database, redis] = await Promise.all([timed(() => this.dataSource.query('SELECT 1')), timed(() => this.redis.ping())]);
    const up = database.status === 'up' && redis.status === 'up';
    if (!up) void reply.header('retry-after', '5');
    await reply.status(up ? 200 : 503).send({ status: up ? 'ok' : 'error', checks: { database, redis } });
  }
}
