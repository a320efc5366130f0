import { DependencyUnavailableError, isInfrastructureError, withDeadline } from './infrastructure-error';

const withCode = (message: string, code: string): Error => Object.assign(new Error(message), { code });

describe('isInfrastructureError', () => {
  it.each([
    ['connection refused', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['connection reset', withCode('read ECONNRESET', 'ECONNRESET')],
    ['server shutting down (57P01)', withCode('terminating connection due to administrator command', '57P01')],
    ['connection exception (08006)', withCode('connection failure', '08006')],
    ['too many connections (53300)', withCode('sorry, too many clients already', '53300')],
    ['disk full (53100)', withCode('could not extend file', '53100')],
    ['statement timeout (57014)', withCode('canceling statement due to statement timeout', '57014')],
    ['pool acquisition timeout', new Error('timeout exceeded when trying to connect')],
    ['connection lost mid-query', new Error('Connection terminated unexpectedly')],
    ['ioredis without offline queue', new Error("Stream isn't writeable and enableOfflineQueue options is false")],
    ['our own bounded wait', new DependencyUnavailableError('redis', 'queueing x: no answer within 1000 ms')],
    // TypeORM wraps the driver's error.
    [
      'a QueryFailedError around 57P01',
      Object.assign(new Error('terminating connection'), { name: 'QueryFailedError', driverError: withCode('x', '57P01') }),
    ],
    ['an error caused by one', new Error('could not store', { cause: withCode('x', 'ECONNRESET') })],
    [
      'every address of a dual-stack connect refused',
      Object.assign(new AggregateError([withCode('a', 'ECONNREFUSED')]), { errors: [withCode('a', 'ECONNREFUSED')] }),
    ],
  ])('%s is infrastructure', (_name, err) => {
    expect(isInfrastructureError(err)).toBe(true);
  });

  it.each([
    ['a unique violation (23505)', withCode('duplicate key value violates unique constraint', '23505')],
    ['a NUL in text (22021)', withCode('invalid byte sequence for encoding "UTF8": 0x00', '22021')],
    ['a syntax error in our SQL (42601)', withCode('syntax error at or near', '42601')],
    ['a bad input', new SyntaxError('Unexpected token < in JSON')],
    // A site we fetch being down is that site's problem, never ours: its retries are counted.
    [
      'a fetched site refusing connections',
      Object.assign(new Error('connect ECONNREFUSED 203.0.113.9:443'), {
        name: 'FetchError',
        code: 'connection-failed',
        cause: withCode('x', 'ECONNREFUSED'),
      }),
    ],
    ['nothing at all', undefined],
  ])('%s is not', (_name, err) => {
    expect(isInfrastructureError(err)).toBe(false);
  });
});

describe('withDeadline', () => {
  it('turns a wait without an answer into a DependencyUnavailableError, and lets a prompt answer through', async () => {
    await expect(withDeadline(new Promise(() => undefined), 20, 'redis', 'queueing')).rejects.toThrow(DependencyUnavailableError);
    await expect(withDeadline(Promise.resolve(7), 1_000, 'database', 'select')).resolves.toBe(7);
  });
});
