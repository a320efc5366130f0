import { spawn } from 'node:child_process';
import { isRunning, killLeftoverChildProcesses, trackChildProcess } from './child-processes';

const idle = () => spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });

describe('the clean-up of processes a test file left running', () => {
  it('kills the tracked processes still running, names them, and waits for their exit', async () => {
    const holder = {};
    const left = trackChildProcess(idle(), holder);
    const stopped = trackChildProcess(idle(), holder);
    stopped.kill('SIGTERM');
    await new Promise((resolve) => stopped.once('exit', resolve));

    const killed = await killLeftoverChildProcesses(holder);

    expect(killed).toEqual(['setInterval(() => {}, 1000)']);
    expect(isRunning(left)).toBe(false);
    expect(left.signalCode).toBe('SIGKILL');
    expect(await killLeftoverChildProcesses(holder)).toEqual([]);
  });

  it('leaves processes of another file alone', async () => {
    const mine = {};
    const other = trackChildProcess(idle(), {});
    try {
      trackChildProcess(idle(), mine);
      await killLeftoverChildProcesses(mine);
      expect(isRunning(other)).toBe(true);
    } finally {
      other.kill('SIGKILL');
    }
  });
});
