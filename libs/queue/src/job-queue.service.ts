import { JOB_OPTIONS, JOB_QUEUE, type JobName, type JobPayload, QueueName } from '@copydesk/contracts';
import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Job, JobsOptions, Queue } from 'bullmq';

/** The one way to put work on a queue: typed by job name, with the job's default options from the contracts. */
@Injectable()
export class JobQueue {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly moduleRef: ModuleRef) {}

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** add() not addBulk(): a deterministic jobId makes a second add of the same job a no-op. */
  enqueue<N extends JobName>(name: N, data: JobPayload<N>, options: JobsOptions = {}): Promise<Job> {
    return this.queue(JOB_QUEUE[name]).add(name, data, { ...JOB_OPTIONS[name], ...options });
  }
}
