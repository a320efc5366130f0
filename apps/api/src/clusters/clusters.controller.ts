import { ClusterRepository } from '@copydesk/database';
import { CopydeskException, ErrorCode } from '@copydesk/pipeline';
import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type ClusterView, toClusterView } from '../articles/cluster.view';

@ApiTags('clusters')
@ApiBearerAuth()
@Controller('v1/clusters')
export class ClustersController {
  constructor(private readonly clusters: ClusterRepository) {}

  /** A story cluster by id; the id of a cluster merged into another resolves to that one. */
  @Get(':id')
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ClusterView> {
    const cluster = await this.clusters.find(id);
    if (!cluster) throw new CopydeskException(ErrorCode.NotFound, `No story cluster has the id ${id}.`);
    return toClusterView(cluster, await this.clusters.articles(cluster.id));
  }
}
