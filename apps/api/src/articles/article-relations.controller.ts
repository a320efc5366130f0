import { AppConfig } from '@copydesk/config';
import { ApiScope } from '@copydesk/contracts';
import { ArticleRepository, ClusterRepository, RelationRepository } from '@copydesk/database';
import { CopydeskException, ErrorCode } from '@copydesk/pipeline';
import { Controller, Get, ParseBoolPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Auth, type AuthContext, canUseSource } from '../common/auth-context';
import { ApiProblems } from '../common/problem.view';
import { RequireScope } from '../common/scope.decorator';
import { SourceAccess } from '../common/source-access.service';
import { IdParam } from '../common/uuid-param';
import { DuplicateListView } from './article-relations.view';
import { ClusterView, toClusterView } from './cluster.view';
import { RevisionListView, toRevisionView } from './revision.view';

/** An article's history and its relations: revisions, near-duplicates, story cluster. */
@ApiTags('articles')
@RequireScope(ApiScope.Read)
@ApiProblems(404)
@Controller('v1/articles')
export class ArticleRelationsController {
  constructor(
    private readonly articles: ArticleRepository,
    private readonly relations: RelationRepository,
    private readonly clusters: ClusterRepository,
    private readonly access: SourceAccess,
    private readonly config: AppConfig,
  ) {}

  /** The article's history, oldest first: each revision with what changed, where from, and a word-level diff. */
  @Get(':id/revisions')
  @ApiQuery({ name: 'text', required: false, type: Boolean, description: 'Include each revision body text' })
  @ApiOkResponse({ type: RevisionListView })
  async revisions(
    @IdParam() id: string,
    @Auth() auth: AuthContext,
    @Query('text', new ParseBoolPipe({ optional: true })) text?: boolean,
  ): Promise<RevisionListView> {
    await this.access.article(auth, id);
    return { articleId: id, items: (await this.articles.listRevisions(id)).map((revision) => toRevisionView(revision, text ?? false)) };
  }

  /**
   * Articles this one duplicates or is duplicated by: label (same-article-update, syndicated-copy, rewrite) and
   * similarity; the RELATIONS_PER_ARTICLE most similar.
   */
  @Get(':id/duplicates')
  @ApiOkResponse({ type: DuplicateListView })
  async duplicates(@IdParam() id: string, @Auth() auth: AuthContext): Promise<DuplicateListView> {
    await this.access.article(auth, id);
    const related = (await this.relations.related(id, this.config.get('RELATIONS_PER_ARTICLE'))).filter((r) =>
      canUseSource(auth, r.sourceId),
    );
    return {
      articleId: id,
      items: related.map((r) => ({
        id: r.id,
        label: r.relation,
        similarity: r.similarity,
        direction: r.direction,
        title: r.title,
        sourceId: r.sourceId,
        publishedAt: r.publishedAt?.toISOString() ?? null,
        status: r.status,
      })),
    };
  }

  /** The story cluster the article belongs to: the other outlets' takes on the same event. 404 while it has none. */
  @Get(':id/cluster')
  @ApiOkResponse({ type: ClusterView })
  async cluster(@IdParam() id: string, @Auth() auth: AuthContext): Promise<ClusterView> {
    const article = await this.access.article(auth, id);
    const cluster = article.clusterId ? await this.clusters.find(article.clusterId) : null;
    if (!cluster)
      throw new CopydeskException(ErrorCode.NotFound, 'The article is in no story cluster (yet): no related article was found.');
    return toClusterView(
      cluster,
      (await this.clusters.articles(cluster.id)).filter((a) => canUseSource(auth, a.sourceId)),
    );
  }
}
