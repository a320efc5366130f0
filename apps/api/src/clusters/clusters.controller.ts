import { ApiScope } from '@copydesk/contracts';
import { ClusterRepository } from '@copydesk/database';
import { CopydeskException, ErrorCode } from '@copydesk/pipeline';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/problem.view';
import { ClusterView, toClusterView } from '../articles/cluster.view';
import { Auth, type AuthContext, canUseSource } from '../common/auth-context';
import { RequireScope } from '../common/scope.decorator';
import { IdParam } from '../common/uuid-param';
import { ETagged } from '../caching/caching.decorators';

@ApiTags('clusters')
@RequireScope(ApiScope.Read)
@Controller('v1/clusters')
export class ClustersController {
  constructor(private readonly clusters: ClusterRepository) {}

  /** A story cluster by id; the id of a cluster merged into another resolves to that one. */
  @Get(':id')
  @ApiOkResponse({ type: ClusterView })
  @ApiProblems(404)
  @ETagged()
  async get(@IdParam() id: string, @Auth() auth: AuthContext): Promise<ClusterView> {
    const cluster = await this.clusters.find(id);
    const articles = cluster ? (await this.clusters.articles(cluster.id)).filter((a) => canUseSource(auth, a.sourceId)) : [];
    // A limited key sees a cluster only through its own sources' articles.
    if (!cluster || articles.length === 0) throw new CopydeskException(ErrorCode.NotFound, `No story cluster has the id ${id}.`);
    return toClusterView(cluster, articles);
  }
}
