import { QueueName, SubscriptionStatus } from '@copydesk/contracts';
import type { QueueFigures, SourceHealthView, SubscriptionDeliveriesView } from '../overview/overview.types';
import { evaluateAlerts } from './alert-rules';

const source = (over: Partial<SourceHealthView>): SourceHealthView => ({
  id: 's1',
  slug: 'wire',
  name: 'Wire',
  type: 'feed',
  active: true,
  status: 'healthy',
  lastPolledAt: null,
  lastSuccessAt: null,
  lastError: null,
  lastErrorAt: null,
  consecutiveFailures: 0,
  nextPollAt: null,
  ...over,
});
const subscription = (over: Partial<SubscriptionDeliveriesView>): SubscriptionDeliveriesView => ({
  id: 'sub1',
  name: 'partner',
  url: 'https://partner.example.com/hooks',
  status: SubscriptionStatus.Active,
  disabledReason: null,
  pending: 0,
  delivered: 0,
  failed: 0,
  dead: 0,
  ...over,
});
const queue = (over: Partial<QueueFigures>): QueueFigures => ({
  name: QueueName.Ingest,
  waiting: 0,
  active: 0,
  delayed: 0,
  failed: 0,
  completed: 0,
  paused: false,
  workers: 1,
  oldestWaitingSeconds: null,
  ...over,
});
const thresholds = { queueBacklog: 100, pipelineLagSeconds: 300 };

describe('evaluateAlerts', () => {
  it('is quiet when all is well', () => {
    expect(
      evaluateAlerts(
        {
          sources: [source({}), source({ id: 's2', status: 'failing', consecutiveFailures: 2 })],
          subscriptions: [subscription({ failed: 3 })],
          queues: [queue({ waiting: 100, oldestWaitingSeconds: 300 })],
        },
        thresholds,
      ),
    ).toEqual([]);
  });

  it('raises each rule with a stable key, critical first', () => {
    const alerts = evaluateAlerts(
      {
        sources: [source({ status: 'unhealthy', consecutiveFailures: 4, lastError: 'HTTP 500' })],
        subscriptions: [subscription({ dead: 2 })],
        queues: [queue({ waiting: 101 }), queue({ name: QueueName.Enrichment, waiting: 3, oldestWaitingSeconds: 301 })],
      },
      thresholds,
    );
    expect(alerts.map((a) => a.key)).toEqual([
      'deliveries-dead:sub1',
      'pipeline-lag:enrichment',
      'queue-backlog:ingest',
      'source-unhealthy:s1',
    ]);
    expect(alerts.find((a) => a.rule === 'source-unhealthy')).toMatchObject({ value: 4, detail: expect.stringContaining('HTTP 500') });
    expect(alerts.find((a) => a.rule === 'deliveries-dead')).toMatchObject({ value: 2, link: '/admin/subscriptions/sub1' });
  });

  it('leaves out paused sources and polls waiting (a poll waiting is not lag), and skips sections it could not read', () => {
    expect(
      evaluateAlerts(
        {
          sources: [source({ active: false, status: 'unhealthy', consecutiveFailures: 9 })],
          subscriptions: null,
          queues: [queue({ name: QueueName.Poll, oldestWaitingSeconds: 9999 })],
        },
        thresholds,
      ),
    ).toEqual([]);
    expect(evaluateAlerts({ sources: null, subscriptions: null, queues: null }, thresholds)).toEqual([]);
  });
});
