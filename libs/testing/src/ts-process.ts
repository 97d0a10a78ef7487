import { ChildProcess, spawn } from 'node:child_process';
import { WORKSPACE_ROOT } from './test-infrastructure';

export interface TsProcess {
  readonly child: ChildProcess;
  /** Everything the process wrote, for failure messages. */
  output(): string;
  /** SIGKILL: no shutdown hooks, no flush; what a crash looks like. */
  crash(): Promise<void>;
  /** SIGTERM and wait: a graceful stop. */
  stop(): Promise<void>;
}

/**
 * Runs a TypeScript entry point as a separate Node process (SWC registers TypeScript on the fly)
 * and resolves once it prints `readyLine` (or at once without one: the caller then decides when
 * it is ready, e.g. by polling its health), so tests can kill and restart real processes.
 */
export async function startTsProcess(
  entryPoint: string,
  env: Record<string, string>,
  { readyLine, timeoutMs = 60_000 }: { readyLine?: string; timeoutMs?: number },
): Promise<TsProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', entryPoint], {
    cwd: WORKSPACE_ROOT,
    env: { ...process.env, ...env, SWC_NODE_PROJECT: `${WORKSPACE_ROOT}/tsconfig.json` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entryPoint} not ready after ${timeoutMs} ms:\n${output}`)), timeoutMs);
    if (readyLine === undefined) {
      clearTimeout(timer);
      resolve();
    }
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (readyLine !== undefined && output.includes(readyLine)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entryPoint} exited with ${code} before it was ready:\n${output}`));
    });
  });
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return {
    child,
    output: () => output,
    crash: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
  };
}
