import { randomUUID } from 'node:crypto';
import { type AcquireOptions, type HostLease, type HostLimiter, type SlotAnswer, waitForSlot } from './host.limiter';

interface HostState {
  /** lease id → expiry (ms since epoch) */
  leases: Map<string, number>;
  nextStartAt: number;
  coolUntil: number;
}

/**
 * {@link HostLimiter} for a single process (no Redis configured). Same rules as the Redis limiter, so behaviour does
 * not change when a deployment grows; limits are per process, which is the documented price.
 */
export class MemoryHostLimiter implements HostLimiter {
  private readonly hosts = new Map<string, HostState>();

  async acquire(host: string, options: AcquireOptions): Promise<HostLease> {
    const id = randomUUID();
    await waitForSlot(host, () => Promise.resolve(this.tryAcquire(host, id, options)), options);
    return {
      release: () => {
        this.hosts.get(host)?.leases.delete(id);
        this.forgetIfIdle(host);
        return Promise.resolve();
      },
    };
  }

  coolDown(host: string, durationMs: number): Promise<void> {
    const state = this.state(host);
    state.coolUntil = Math.max(state.coolUntil, Date.now() + durationMs);
    return Promise.resolve();
  }

  coolDownRemaining(host: string): Promise<number> {
    return Promise.resolve(Math.max(0, (this.hosts.get(host)?.coolUntil ?? 0) - Date.now()));
  }

  private tryAcquire(host: string, id: string, options: AcquireOptions): SlotAnswer {
    const now = Date.now();
    const state = this.state(host);
    if (state.coolUntil > now) return { granted: false, reason: 'cool-down', waitMs: state.coolUntil - now };
    let earliestExpiry = Number.POSITIVE_INFINITY;
    for (const [leaseId, expiry] of state.leases) {
      if (expiry <= now) state.leases.delete(leaseId);
      else earliestExpiry = Math.min(earliestExpiry, expiry);
    }
    if (state.leases.size >= options.concurrency) return { granted: false, reason: 'busy', waitMs: earliestExpiry - now };
    if (state.nextStartAt > now) return { granted: false, reason: 'interval', waitMs: state.nextStartAt - now };
    state.leases.set(id, now + options.leaseMs);
    state.nextStartAt = now + options.minIntervalMs;
    return { granted: true };
  }

  private state(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      state = { leases: new Map(), nextStartAt: 0, coolUntil: 0 };
      this.hosts.set(host, state);
    }
    return state;
  }

  // Keeps the map from growing with every host ever fetched.
  private forgetIfIdle(host: string): void {
    const state = this.hosts.get(host);
    const now = Date.now();
    if (state && state.leases.size === 0 && state.nextStartAt <= now && state.coolUntil <= now) this.hosts.delete(host);
  }
}
