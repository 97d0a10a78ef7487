import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const KAFKA_SCRIPT_DIR = join(__dirname, '..', '..', 'infra', 'kafka');

/**
 * Runs `script` in bash with infra/kafka/lib.sh sourced (on a data dir of its own) and returns
 * what it prints.
 */
function withLib(script: string): string {
  return execFileSync('bash', ['-c', `set -euo pipefail; source "$KAFKA_SCRIPT_DIR/lib.sh"; ${script}`], {
    env: { ...process.env, KAFKA_SCRIPT_DIR, KAFKA_DATA_DIR: '/nonexistent/cmp-liveness-test', KAFKA_PORT: '1', KAFKA_CONTROLLER_PORT: '2' },
    encoding: 'utf8',
  }).trim();
}

/**
 * start.sh records the pid of the child it launches with `setsid nohup java …`; until the child
 * has exec'd, its command line is still the shell's. Judging it by its command line then said
 * "exited during startup" on a busy machine (issue 20).
 */
describe('how start.sh judges the broker it is waiting for', () => {
  it('counts a child it launched as alive before it has exec’d the broker', () => {
    // A child still running a copy of the shell, with nothing of kafka.Kafka in its command line.
    const verdicts = withLib(`
      ( sleep 2 ) &
      child=$!
      kafka_broker_alive "$child" yes && echo alive-launched-here || echo dead-launched-here
      kafka_broker_alive "$child" no && echo alive-from-pid-file || echo not-ours-from-pid-file
      kill "$child"`);
    expect(verdicts.split('\n')).toEqual(['alive-launched-here', 'not-ours-from-pid-file']);
  });

  it('counts a child that exited as gone', () => {
    const verdict = withLib(`
      ( exit 3 ) &
      child=$!
      wait "$child" || true
      kafka_broker_alive "$child" yes && echo alive || echo gone`);
    expect(verdict).toBe('gone');
  });

  it('does not count a zombie as alive', () => {
    // The zombie is a child of a process that never reaps it (exec'd into sleep).
    const verdict = withLib(`
      bash -c '( exit 0 ) & echo $! > /tmp/cmp-zombie-$$.pid; exec sleep 2' &
      parent=$!
      sleep 0.5
      zombie="$(cat /tmp/cmp-zombie-$parent.pid)"
      rm -f /tmp/cmp-zombie-$parent.pid
      kafka_broker_alive "$zombie" yes && echo alive || echo gone
      kill "$parent"`);
    expect(verdict).toBe('gone');
  });
});
