import { Module } from '@nestjs/common';
import { ClustersController } from './clusters.controller';

/** Story clusters, read from the database (the global DatabaseModule). */
@Module({ controllers: [ClustersController] })
export class ClustersModule {}
