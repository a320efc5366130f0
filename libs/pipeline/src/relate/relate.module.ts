import { Module } from '@nestjs/common';
import { ClusterAssigner } from './cluster-assigner.service';
import { DuplicateDetector } from './duplicate-detector.service';

const SERVICES = [DuplicateDetector, ClusterAssigner];

/** How articles relate: duplicates and rewrites of one text, story clusters across outlets. */
@Module({ providers: SERVICES, exports: SERVICES })
export class RelateModule {}
