import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.get('PORT')).toBe(3000);
    expect(config.get('HOST')).toBe('127.0.0.1');
    expect(config.get('FETCH_ALLOW_LOOPBACK')).toBe(false);
    expect(config.get('DATABASE_URL')).toBeUndefined();
  });

  it('converts numbers and booleans from strings', () => {
    const config = loadConfig({ PORT: '8080', FETCH_ALLOW_LOOPBACK: 'true', DATABASE_MIGRATE: '0' });
    expect(config.get('PORT')).toBe(8080);
    expect(config.get('FETCH_ALLOW_LOOPBACK')).toBe(true);
    expect(config.get('DATABASE_MIGRATE')).toBe(false);
  });

  it('names every bad variable and why', () => {
    expect(() => loadConfig({ PORT: 'abc', REDIS_URL: 'localhost:6379', FETCH_ALLOW_LOOPBACK: 'maybe' })).toThrow(
      'Invalid environment variables: PORT (must be an integer between 1 and 65535), REDIS_URL (must be a redis://, rediss:// or redis+cluster:// URL), FETCH_ALLOW_LOOPBACK (must be true or false)',
    );
  });

  it('refuses a malformed retry schedule', () => {
    expect(() => loadConfig({ DELIVERY_RETRY_SCHEDULE: '5s,soon' })).toThrow(/DELIVERY_RETRY_SCHEDULE/);
    expect(loadConfig({ DELIVERY_RETRY_SCHEDULE: '1s, 2s' }).get('DELIVERY_RETRY_SCHEDULE')).toBe('1s, 2s');
  });

  it('reports a required variable that is missing', () => {
    const config = loadConfig({});
    expect(() => config.require('DATABASE_URL')).toThrow(ConfigError);
    expect(() => config.require('DATABASE_URL')).toThrow(/DATABASE_URL \(is required/);
  });

  it('needs a whsec_ secret beside an alert webhook URL', () => {
    expect(() => loadConfig({ ALERT_WEBHOOK_URL: 'https://ops.example.com/hooks' })).toThrow(
      /ALERT_WEBHOOK_SECRET \(must be set with ALERT_WEBHOOK_URL/,
    );
    expect(() => loadConfig({ ALERT_WEBHOOK_URL: 'https://ops.example.com/hooks', ALERT_WEBHOOK_SECRET: 'not-a-secret' })).toThrow(
      /ALERT_WEBHOOK_SECRET/,
    );
    const secret = `whsec_${Buffer.alloc(24, 7).toString('base64')}`;
    const config = loadConfig({ ALERT_WEBHOOK_URL: 'https://ops.example.com/hooks', ALERT_WEBHOOK_SECRET: secret });
    expect(config.get('ALERT_WEBHOOK_SECRET')).toBe(secret);
    expect(loadConfig({}).get('ALERT_WEBHOOK_URL')).toBeUndefined();
  });
});
