import { AppConfig } from '@copydesk/config';
import { JobName, QueueName } from '@copydesk/contracts';
import { FeedPoller } from '@copydesk/pipeline';
import { type JobHandlers, QueueProcessor, workerOptions } from '@copydesk/queue';
import { Processor } from '@nestjs/bullmq';

@Processor(QueueName.Poll, workerOptions())
export class PollProcessor extends QueueProcessor<QueueName.Poll> {
  protected readonly handlers: JobHandlers<QueueName.Poll> = {
    // A scheduled poll has no correlation id of its own: the job id names it in the logs.
    [JobName.PollSource]: (data, job) => this.poller.poll(data.sourceId, data.correlationId ?? `poll.${job.id ?? data.sourceId}`),
  };

  constructor(
    config: AppConfig,
    private readonly poller: FeedPoller,
  ) {
    super(config);
  }
}
