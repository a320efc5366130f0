import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { Env } from './env.schema';

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly variables: string[],
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

type EnvKey = keyof Env;

/** Validated, typed configuration. Built once at boot by `loadConfig`; nothing else reads process.env. */
export class AppConfig {
  constructor(private readonly env: Readonly<Env>) {}

  get<K extends EnvKey>(key: K): Env[K] {
    return this.env[key];
  }

  /** For values a process cannot run without (the launcher provides them under `npm start`). */
  require<K extends EnvKey>(key: K): NonNullable<Env[K]> {
    const value = this.env[key];
    if (value === undefined || value === null || value === '') {
      throw new ConfigError(`Invalid environment variables: ${key} (is required; \`npm start\` sets it up for you)`, [key]);
    }
    return value;
  }
}

function describe(errors: ValidationError[]): string[] {
  return errors.map((error) => {
    const why = Object.values(error.constraints ?? {})[0] ?? 'is invalid';
    return `${error.property} (${why})`;
  });
}

/**
 * Validates the environment against `Env`. A bad value stops start-up with a message naming each variable, e.g.
 * `Invalid environment variables: PORT (must be an integer between 1 and 65535)`.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new Env());
  const plain: Record<string, string> = {};
  // Only variables Env declares are read; empty strings count as unset, like most twelve-factor tools.
  for (const key of [...known, 'DATABASE_URL', 'REDIS_URL', 'COPYDESK_ADMIN_KEY', 'METRICS_TOKEN', 'SECRETS_KEY']) {
    const value = source[key];
    if (value !== undefined && value !== '') plain[key] = value;
  }
  const env = plainToInstance(Env, plain, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const described = describe(errors);
    throw new ConfigError(
      `Invalid environment variables: ${described.join(', ')}`,
      errors.map((e) => e.property),
    );
  }
  return new AppConfig(Object.freeze(env));
}
