import { Module } from '@nestjs/common';
import { ApiKeyGuard } from '../common/api-key.guard';
import { AdminAuthGuard } from './admin-auth.guard';
import { AdminController } from './admin.controller';
import { OverviewService } from './overview.service';
import { QueueControl } from './queue-control.service';

/** `/admin`: the operations dashboard (HTML), its overview API and queue controls. */
@Module({
  controllers: [AdminController],
  // ApiKeyGuard here too: AdminAuthGuard checks keys through it, so /admin and /v1 accept exactly the same keys.
  providers: [ApiKeyGuard, AdminAuthGuard, OverviewService, QueueControl],
})
export class AdminModule {}
