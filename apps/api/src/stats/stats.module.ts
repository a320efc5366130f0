import { Module } from '@nestjs/common';
import { JobsController } from '../jobs/jobs.controller';
import { StatsController } from './stats.controller';

/** Operations for API clients: figures over a window, and the state of a job the API queued. */
@Module({ controllers: [StatsController, JobsController] })
export class StatsModule {}
