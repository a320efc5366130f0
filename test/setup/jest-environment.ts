import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import { TestEnvironment } from 'jest-environment-node';
import { killLeftoverChildProcesses } from './child-processes';

/**
 * Jest's node environment, plus a safety net: after a test file's own afterAll hooks, any process it started and
 * left running is killed (see child-processes.ts), with a line naming the file so the leak can be found.
 */
export default class CopydeskTestEnvironment extends TestEnvironment {
  private readonly testPath: string;

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    this.testPath = context.testPath;
  }

  override async teardown(): Promise<void> {
    const killed = await killLeftoverChildProcesses(this.global);
    if (killed.length > 0)
      process.stderr.write(`${this.testPath}: killed ${killed.length} process(es) it left running: ${killed.join(', ')}\n`);
    await super.teardown();
  }
}
