export type AlertRule = 'source-unhealthy' | 'deliveries-dead' | 'queue-backlog' | 'pipeline-lag';

/** Something an operator should look at now. `key` is stable while the condition lasts. */
export interface Alert {
  key: string;
  rule: AlertRule;
  severity: 'warning' | 'critical';
  title: string;
  detail: string;
  subject: { kind: 'source' | 'subscription' | 'queue'; id: string; name: string };
  value: number;
  threshold: number;
  /** Where on the dashboard to look. */
  link: string;
}
