import { IngestModule, EnrichmentAdminModule, PublishModule } from '@copydesk/pipeline';
import { Module } from '@nestjs/common';
import { ApiKeyGuard } from '../common/api-key.guard';
import { ApiKeyIssuer } from '../api-keys/api-key-issuer.service';
import { AdminController } from './admin.controller';
import { AlertMonitor } from './alerts/alert-monitor.service';
import { ArticleDetails } from './articles/article-detail.service';
import { AdminAudit } from './audit/admin-audit';
import { AdminAuthGuard } from './auth/admin-auth.guard';
import { AdminSessions } from './auth/admin-session.service';
import { QueueControl } from './jobs/queue-control.service';
import { OverviewService } from './overview/overview.service';
import { ArticlesPageController } from './pages/articles-page.controller';
import { AssetsController } from './pages/assets.controller';
import { AuditPageController } from './pages/audit-page.controller';
import { JobsPageController } from './pages/jobs-page.controller';
import { KeysPageController } from './pages/keys-page.controller';
import { SourcesPageController } from './pages/sources-page.controller';
import { SubscriptionsPageController } from './pages/subscriptions-page.controller';
import { JobBrowser } from './jobs/job-browser.service';
import { LoginController } from './pages/login.controller';
import { OverviewPageController } from './pages/overview-page.controller';
import { PageContexts } from './pages/page-context.service';

/** `/admin`: the operators' dashboard (server-rendered pages with htmx), its JSON API, sessions and alerts. */
@Module({
  imports: [IngestModule, PublishModule, EnrichmentAdminModule],
  controllers: [
    AssetsController,
    LoginController,
    AdminController,
    OverviewPageController,
    ArticlesPageController,
    JobsPageController,
    SourcesPageController,
    SubscriptionsPageController,
    KeysPageController,
    AuditPageController,
  ],
  // ApiKeyGuard here too: sign-in and bearer calls check keys through it, so /admin and /v1 accept the same keys.
  providers: [
    ApiKeyGuard,
    AdminAuthGuard,
    AdminSessions,
    PageContexts,
    OverviewService,
    QueueControl,
    ArticleDetails,
    JobBrowser,
    AlertMonitor,
    AdminAudit,
    // The keys page creates and revokes through the same issuer as /v1/api-keys (its audit rows included).
    ApiKeyIssuer,
  ],
})
export class AdminModule {}
