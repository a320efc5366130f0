import { Module } from '@nestjs/common';
import { AdminAuthGuard } from './admin-auth.guard';
import { AdminController } from './admin.controller';
import { OverviewService } from './overview.service';
import { QueueControl } from './queue-control.service';

/** `/admin`: the operations dashboard (HTML), its overview API and queue controls. */
@Module({
  controllers: [AdminController],
  // AdminAuthGuard checks keys through the global ApiKeyGuard, so /admin and /v1 accept exactly the same keys.
  providers: [AdminAuthGuard, OverviewService, QueueControl],
})
export class AdminModule {}
