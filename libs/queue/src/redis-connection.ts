import type { AppConfig } from '@copydesk/config';
import { Cluster, Redis, type RedisOptions } from 'ioredis';

/**
 * ioredis options from a redis:// or rediss:// URL, as BullMQ needs them: `maxRetriesPerRequest: null`, because
 * BullMQ's workers block on Redis and refuse a connection that could give up on a command mid-wait.
 */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const parsed = new URL(url);
  const db = parsed.pathname.replace(/^\//, '');
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: db ? Number(db) : undefined,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    // BullMQ's blocking commands must wait for Redis rather than fail after a few retries.
    maxRetriesPerRequest: null,
  };
}

/** Where Redis is: one server, or the seed nodes of a Redis Cluster (which finds the others itself). */
export type RedisTarget =
  { cluster: false; options: RedisOptions } | { cluster: true; nodes: Array<{ host: string; port: number }>; options: RedisOptions };

const CLUSTER_SCHEME = /^(rediss?)\+cluster:\/\//;

function parseNodes(list: string): Array<{ host: string; port: number }> {
  return list
    .split(',')
    .map((node) => node.trim())
    .filter(Boolean)
    .map((node) => {
      const at = node.lastIndexOf(':');
      return { host: node.slice(0, at).replace(/^\[|\]$/g, ''), port: Number(node.slice(at + 1)) };
    });
}

/**
 * The Redis the installation uses. A Redis Cluster when `REDIS_CLUSTER_NODES` lists seed nodes (credentials and TLS
 * from REDIS_URL, if set) or when REDIS_URL is `redis+cluster://[user:password@]host:port,host:port` (or
 * `rediss+cluster://`); else the one server of REDIS_URL.
 */
export function redisTarget(config: AppConfig): RedisTarget {
  const seeds = config.get('REDIS_CLUSTER_NODES');
  const url = config.get('REDIS_URL');
  const clusterUrl = url ? CLUSTER_SCHEME.exec(url) : null;
  if (!seeds && !clusterUrl) return { cluster: false, options: redisOptionsFromUrl(config.require('REDIS_URL')) };
  let options: RedisOptions = { maxRetriesPerRequest: null };
  let nodes = seeds ? parseNodes(seeds) : [];
  if (url) {
    // The part after the scheme, as one URL per node would have it: credentials for every node, then the hosts.
    const rest = url.replace(CLUSTER_SCHEME, '').replace(/^rediss?:\/\//, '');
    const at = rest.lastIndexOf('@');
    const hosts = rest.slice(at + 1).split('/')[0];
    const scheme = clusterUrl ? clusterUrl[1] : url.startsWith('rediss:') ? 'rediss' : 'redis';
    const auth = at >= 0 ? `${rest.slice(0, at)}@` : '';
    const first = parseNodes(hosts)[0];
    const { username, password, tls } = redisOptionsFromUrl(`${scheme}://${auth}${first.host}:${first.port}`);
    options = { ...options, username, password, tls };
    if (!seeds) nodes = parseNodes(hosts);
  }
  return { cluster: true, nodes, options };
}

/**
 * Prefix of a queue's BullMQ keys. On a Redis Cluster every key a BullMQ script touches must live in one hash slot,
 * so the prefix is a hash tag per queue (`{copydesk:ingest}`): each queue's keys on one shard, different queues
 * spread over the shards by their slots. A single server keeps the plain prefix, so the keys of an existing
 * installation stay where they are.
 */
export function queuePrefix(config: AppConfig, queue: string): string {
  const prefix = config.get('QUEUE_PREFIX');
  return redisTarget(config).cluster ? `{${prefix}:${queue}}` : prefix;
}

/** A new connection to the target: a Cluster client for a cluster, else a plain client. */
export function connectRedis(target: RedisTarget, extra: RedisOptions = {}): Redis | Cluster {
  if (!target.cluster) return new Redis({ ...target.options, ...extra });
  return new Cluster(target.nodes, {
    redisOptions: { ...target.options, ...extra },
    // Blocking commands (BullMQ's workers) must wait through a failover rather than give up.
    clusterRetryStrategy: (times) => Math.min(100 + times * 200, 2_000),
    enableReadyCheck: true,
  });
}
