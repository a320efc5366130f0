import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';

/**
 * A sweep that runs every `intervalMs` in the background of a worker, never overlapping itself, logging (not
 * throwing) its failures, and finishing its current run before the process stops. Subclasses say what a sweep does.
 */
export abstract class PeriodicSweep implements OnApplicationBootstrap, OnModuleDestroy {
  protected readonly logger = new Logger(this.constructor.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  protected abstract readonly intervalMs: number;
  /** Also sweep once right after boot, not only an interval later. */
  protected readonly runAtBoot: boolean = false;

  /** One sweep; returns how many items it handled. */
  abstract sweep(): Promise<number>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
    if (this.runAtBoot) void this.tick();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.sweep().catch((err: unknown) => {
      this.logger.error({ err }, 'sweep failed');
      return 0;
    });
    await this.running;
    this.running = undefined;
  }
}
