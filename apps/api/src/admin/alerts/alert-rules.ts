import { QueueName } from '@copydesk/contracts';
import type { QueueFigures, SourceHealthView, SubscriptionDeliveriesView } from '../overview/overview.types';
import type { Alert } from './alert.types';

export type { Alert, AlertRule } from './alert.types';

export interface AlertThresholds {
  queueBacklog: number;
  pipelineLagSeconds: number;
}

export interface AlertInput {
  sources: SourceHealthView[] | null;
  subscriptions: SubscriptionDeliveriesView[] | null;
  queues: QueueFigures[] | null;
}

/** Queues whose waiting jobs are copy on its way: a feed poll waiting is not lag. */
const PIPELINE_QUEUES = new Set<QueueName>([QueueName.Ingest, QueueName.Enrichment, QueueName.Publish]);

function sourceAlerts(sources: SourceHealthView[]): Alert[] {
  return sources
    .filter((source) => source.active && source.status === 'unhealthy')
    .map((source) => ({
      key: `source-unhealthy:${source.id}`,
      rule: 'source-unhealthy',
      severity: 'warning',
      title: `Source ${source.slug} is unhealthy`,
      detail: `${source.consecutiveFailures} failures in a row; last error: ${source.lastError ?? 'unknown'}`,
      subject: { kind: 'source', id: source.id, name: source.slug },
      value: source.consecutiveFailures,
      threshold: 3,
      link: `/admin/sources/${source.id}`,
    }));
}

function deadDeliveryAlerts(subscriptions: SubscriptionDeliveriesView[]): Alert[] {
  return subscriptions
    .filter((subscription) => subscription.dead > 0)
    .map((subscription) => {
      const name = subscription.name ?? subscription.url;
      return {
        key: `deliveries-dead:${subscription.id}`,
        rule: 'deliveries-dead',
        severity: 'critical',
        title: `Deliveries to ${name} are dead`,
        detail: `${subscription.dead} ${subscription.dead === 1 ? 'delivery gave' : 'deliveries gave'} up after every retry; replay them once the endpoint works.`,
        subject: { kind: 'subscription', id: subscription.id, name },
        value: subscription.dead,
        threshold: 1,
        link: `/admin/subscriptions/${subscription.id}`,
      };
    });
}

function queueAlerts(queue: QueueFigures, thresholds: AlertThresholds): Alert[] {
  const alerts: Alert[] = [];
  const paused = queue.paused ? '; the queue is paused' : '';
  if (queue.waiting > thresholds.queueBacklog) {
    alerts.push({
      key: `queue-backlog:${queue.name}`,
      rule: 'queue-backlog',
      severity: 'warning',
      title: `Queue ${queue.name} is backing up`,
      detail: `${queue.waiting} jobs waiting (threshold ${thresholds.queueBacklog})${paused}.`,
      subject: { kind: 'queue', id: queue.name, name: queue.name },
      value: queue.waiting,
      threshold: thresholds.queueBacklog,
      link: '/admin#queues',
    });
  }
  const lag = queue.oldestWaitingSeconds;
  if (PIPELINE_QUEUES.has(queue.name) && lag !== null && lag > thresholds.pipelineLagSeconds) {
    alerts.push({
      key: `pipeline-lag:${queue.name}`,
      rule: 'pipeline-lag',
      severity: 'critical',
      title: `The pipeline lags at ${queue.name}`,
      detail: `The oldest waiting job has waited ${Math.round(lag)} s (threshold ${thresholds.pipelineLagSeconds} s)${paused}.`,
      subject: { kind: 'queue', id: queue.name, name: queue.name },
      value: Math.round(lag),
      threshold: thresholds.pipelineLagSeconds,
      link: '/admin#queues',
    });
  }
  return alerts;
}

/**
 * The alerts the figures call for, worst first: an active source failing three times in a row, a subscription with
 * dead deliveries, a queue with more jobs waiting than the threshold, a pipeline queue whose oldest waiting job has
 * waited longer than the lag threshold. Pure: the monitor and the overview page both call it.
 */
export function evaluateAlerts(input: AlertInput, thresholds: AlertThresholds): Alert[] {
  const alerts = [
    ...sourceAlerts(input.sources ?? []),
    ...deadDeliveryAlerts(input.subscriptions ?? []),
    ...(input.queues ?? []).flatMap((queue) => queueAlerts(queue, thresholds)),
  ];
  const rank = { critical: 0, warning: 1 };
  return alerts.sort((a, b) => rank[a.severity] - rank[b.severity] || a.key.localeCompare(b.key));
}
