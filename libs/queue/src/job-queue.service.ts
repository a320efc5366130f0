import { AppConfig } from '@copydesk/config';
import { JOB_OPTIONS, JOB_QUEUE, type JobName, type JobPayload, QueueName } from '@copydesk/contracts';
import { MicroBatcher, withDeadline } from '@copydesk/runtime';
import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Job, JobsOptions, Queue } from 'bullmq';

/** States in which a job is on its way: someone will run it. */
const IN_FLIGHT = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/** What {@link JobQueue.redrive} did. */
export type RedriveOutcome = 'queued' | 'retried';

interface Addition {
  name: string;
  data: unknown;
  opts: JobsOptions;
}

/** Jobs added in one Redis round trip at most. */
const MAX_ADDS_PER_ROUND_TRIP = 200;

/** The one way to put work on a queue: typed by job name, with the job's default options from the contracts. */
@Injectable()
export class JobQueue {
  private readonly queues = new Map<QueueName, Queue>();
  private readonly addTimeoutMs: number;
  private readonly adders = new Map<QueueName, MicroBatcher<Addition, Job>>();

  constructor(
    private readonly moduleRef: ModuleRef,
    config: AppConfig,
  ) {
    this.addTimeoutMs = config.get('QUEUE_ADD_TIMEOUT_MS');
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      this.queues.set(name, queue);
    }
    return queue;
  }

  /**
   * Adds one job. Adds made while others are on their way go to Redis together, pipelined (addBulk runs the same
   * add script per job, so a deterministic jobId still makes a second add of the same job a no-op). Bounded: while
   * Redis is away ioredis holds commands until it reconnects, and a caller (an HTTP request) must not wait that
   * long. The add may still land after the deadline; every caller either uses a deterministic id or tolerates a
   * duplicate job.
   */
  enqueue<N extends JobName>(name: N, data: JobPayload<N>, options: JobsOptions = {}): Promise<Job> {
    const add = this.adder(JOB_QUEUE[name]).submit({ name, data, opts: { ...JOB_OPTIONS[name], ...options } });
    return withDeadline(add, this.addTimeoutMs, 'redis', `queueing ${name}`);
  }

  /** True when the job with this id is waiting, delayed or running: the work it carries is on its way. */
  async inFlight(name: JobName, id: string): Promise<boolean> {
    const job = await withDeadline(this.queue(JOB_QUEUE[name]).getJob(id), this.addTimeoutMs, 'redis', `looking up job ${id}`);
    return job ? IN_FLIGHT.has(await job.getState()) : false;
  }

  /** Why the job with this id failed for good, when it did (null when it is not failed, or gone). */
  async failedReason(name: JobName, id: string): Promise<string | null> {
    const job = await withDeadline(this.queue(JOB_QUEUE[name]).getJob(id), this.addTimeoutMs, 'redis', `looking up job ${id}`);
    return job && (await job.getState()) === 'failed' ? (job.failedReason ?? null) : null;
  }

  /**
   * Runs the job with this id again, under the same id (so every later duplicate is still a no-op, and what the job
   * keys on its id, like a route's deliveries, stays the same): a failed job is retried with fresh attempts, a lost
   * one (Redis emptied, or trimmed) is added again, and a completed one whose work did not stick is replaced.
   */
  async redrive<N extends JobName>(name: N, data: JobPayload<N>, id: string): Promise<RedriveOutcome> {
    const job = await withDeadline(this.queue(JOB_QUEUE[name]).getJob(id), this.addTimeoutMs, 'redis', `looking up job ${id}`);
    if (job) {
      const state = await job.getState();
      if (state === 'failed') {
        await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
        return 'retried';
      }
      // Another reconciler (or the job's own retry) got there first.
      if (IN_FLIGHT.has(state)) return 'retried';
      await job.remove();
    }
    await this.enqueue(name, data, { jobId: id });
    return 'queued';
  }

  private adder(name: QueueName): MicroBatcher<Addition, Job> {
    let adder = this.adders.get(name);
    if (!adder) {
      const queue = this.queue(name);
      adder = new MicroBatcher<Addition, Job>((jobs) => queue.addBulk(jobs), { maxSize: MAX_ADDS_PER_ROUND_TRIP });
      this.adders.set(name, adder);
    }
    return adder;
  }
}
