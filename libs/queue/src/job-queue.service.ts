import { JOB_OPTIONS, JOB_QUEUE, type JobName, type JobPayload, QueueName } from '@copydesk/contracts';
import { MicroBatcher } from '@copydesk/runtime';
import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Job, JobsOptions, Queue } from 'bullmq';

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
  private readonly adders = new Map<QueueName, MicroBatcher<Addition, Job>>();

  constructor(private readonly moduleRef: ModuleRef) {}

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
   * add script per job, so a deterministic jobId still makes a second add of the same job a no-op).
   */
  enqueue<N extends JobName>(name: N, data: JobPayload<N>, options: JobsOptions = {}): Promise<Job> {
    return this.adder(JOB_QUEUE[name]).submit({ name, data, opts: { ...JOB_OPTIONS[name], ...options } });
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
