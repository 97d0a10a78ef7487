import { metricsRegistry } from '@cmp/platform';
import { PollingLoop } from './polling-loop';

/** A drain whose runs the test finishes by hand, recording when each started. */
function controlledDrain() {
  const starts: number[] = [];
  const pending: { resolve: (value: number) => void; reject: (error: Error) => void }[] = [];
  const drain = () =>
    new Promise<number>((resolve, reject) => {
      starts.push(Date.now());
      pending.push({ resolve, reject });
    });
  const running = () => {
    const run = pending.shift();
    if (!run) throw new Error('no drain is running');
    return run;
  };
  return { starts, drain, finish: (value = 0) => running().resolve(value), fail: (error: Error) => running().reject(error), get waiting() { return pending.length; } };
}

async function metric(name: string, worker: string): Promise<number | undefined> {
  const metrics = await metricsRegistry.getMetricsAsJSON();
  const values = metrics.find((entry) => entry.name === name)?.values ?? [];
  return values.find((value) => value.labels.worker === worker)?.value;
}

describe('the polling loop', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it('may take its first drain earlier than the interval, then keeps the interval', async () => {
    const work = controlledDrain();
    const loop = new PollingLoop({ name: 'loop-first-drain', intervalMs: 3_600_000, firstDrainAfterMs: 60_000, drain: work.drain });
    loop.start();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(work.starts).toEqual([60_000]);
    work.finish();
    await jest.advanceTimersByTimeAsync(3_599_999);
    expect(work.starts).toEqual([60_000]);
    await jest.advanceTimersByTimeAsync(1);
    expect(work.starts).toEqual([60_000, 3_660_000]);
    work.finish();
    await loop.stop();
  });

  it('drains after each interval in the background, one drain at a time', async () => {
    const work = controlledDrain();
    const loop = new PollingLoop({ name: 'loop-interval', intervalMs: 1000, drain: work.drain });
    loop.start();
    await jest.advanceTimersByTimeAsync(999);
    expect(work.starts).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(work.starts).toEqual([1000]);
    // A drain that takes long delays the next one: the pause counts from its end.
    await jest.advanceTimersByTimeAsync(5000);
    expect(work.starts).toEqual([1000]);
    work.finish();
    await jest.advanceTimersByTimeAsync(1000);
    expect(work.starts).toEqual([1000, 7000]);
    work.finish();
    await loop.stop();
  });

  it('does nothing by itself when the interval is 0, and drains when asked', async () => {
    const drain = jest.fn().mockResolvedValue(3);
    const loop = new PollingLoop({ name: 'loop-off', intervalMs: 0, drain });
    loop.start();
    loop.wake();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(drain).not.toHaveBeenCalled();
    await expect(loop.drain()).resolves.toBe(3);
    expect(drain).toHaveBeenCalledTimes(1);
  });

  it('runs a drain asked for during another one after it, never alongside', async () => {
    const work = controlledDrain();
    const loop = new PollingLoop({ name: 'loop-serial', intervalMs: 0, drain: work.drain });
    const first = loop.drain();
    const second = loop.drain();
    await jest.advanceTimersByTimeAsync(0);
    expect(work.waiting).toBe(1);
    work.finish(1);
    await expect(first).resolves.toBe(1);
    await jest.advanceTimersByTimeAsync(0);
    expect(work.waiting).toBe(1);
    work.finish(2);
    await expect(second).resolves.toBe(2);
  });

  it('backs off exponentially after failures, up to the cap, and recovers after a success', async () => {
    const work = controlledDrain();
    const loop = new PollingLoop({ name: 'loop-backoff', intervalMs: 100, maxBackoffMs: 1000, drain: work.drain });
    loop.start();
    const failedAt: number[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await jest.advanceTimersByTimeAsync(5000);
      work.fail(new Error('relation "timers" does not exist'));
      failedAt.push(Date.now());
    }
    await jest.advanceTimersByTimeAsync(5000);
    // The pause after each failure: 100 × 2, × 4, × 8, then the 1 s cap.
    const pauses = failedAt.map((at, index) => work.starts[index + 1] - at);
    expect(work.starts[0]).toBe(100);
    expect(pauses).toEqual([200, 400, 800, 1000, 1000]);
    expect(loop.failuresInARow).toBe(5);
    expect(await metric('cmp_polling_worker_backoff_seconds', 'loop-backoff')).toBe(1);
    expect(await metric('cmp_polling_worker_failures_total', 'loop-backoff')).toBe(5);

    work.finish();
    await jest.advanceTimersByTimeAsync(0);
    expect(loop.failuresInARow).toBe(0);
    expect(await metric('cmp_polling_worker_backoff_seconds', 'loop-backoff')).toBe(0);
    await jest.advanceTimersByTimeAsync(100);
    expect(work.starts).toHaveLength(7);
    work.finish();
    await loop.stop();
  });

  it('counts a failure as transient when the database was away', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const loop = new PollingLoop({ name: 'loop-transient', intervalMs: 0, drain: () => Promise.reject(refused) });
    await expect(loop.drain()).rejects.toBe(refused);
    const metrics = await metricsRegistry.getMetricsAsJSON();
    const failures = (metrics.find((entry) => entry.name === 'cmp_polling_worker_failures_total')?.values ?? []).filter((value) => value.labels.worker === 'loop-transient');
    expect(failures).toEqual([expect.objectContaining({ labels: { worker: 'loop-transient', fault: 'transient' }, value: 1 })]);
  });

  it('is woken to drain at once instead of after the interval, and drains again at once if woken mid-drain', async () => {
    const work = controlledDrain();
    const loop = new PollingLoop({ name: 'loop-wake', intervalMs: 60_000, drain: work.drain });
    loop.start();
    await jest.advanceTimersByTimeAsync(10);
    loop.wake();
    await jest.advanceTimersByTimeAsync(0);
    expect(work.starts).toEqual([10]);
    loop.wake();
    await jest.advanceTimersByTimeAsync(20);
    work.finish();
    await jest.advanceTimersByTimeAsync(0);
    expect(work.starts).toEqual([10, 30]);
    work.finish();
    await jest.advanceTimersByTimeAsync(59_999);
    expect(work.starts).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(work.starts).toHaveLength(3);
    work.finish();
    await loop.stop();
  });

  it('starts the next drain at once when the last one stopped with work left', async () => {
    let left = 3;
    const drain = jest.fn(async () => ({ backlogged: --left > 0 }));
    const loop = new PollingLoop({ name: 'loop-backlog', intervalMs: 60_000, drain, backlogged: (result) => result.backlogged });
    loop.start();
    await jest.advanceTimersByTimeAsync(60_000);
    await jest.advanceTimersByTimeAsync(10);
    expect(drain).toHaveBeenCalledTimes(3);
    await jest.advanceTimersByTimeAsync(59_000);
    expect(drain).toHaveBeenCalledTimes(3);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(drain).toHaveBeenCalledTimes(4);
    await loop.stop();
  });

  it('stops gracefully: stop() waits for the drain in flight, and no drain starts after it', async () => {
    const work = controlledDrain();
    const loop = new PollingLoop({ name: 'loop-stop', intervalMs: 100, drain: work.drain });
    loop.start();
    await jest.advanceTimersByTimeAsync(100);
    expect(work.waiting).toBe(1);
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(1000);
    expect(loop.stopping).toBe(true);
    expect(stopped).toBe(false);
    work.finish();
    await stopping;
    await jest.advanceTimersByTimeAsync(10_000);
    expect(work.starts).toHaveLength(1);
    await expect(loop.drain()).rejects.toThrow('polling worker loop-stop is stopped');
  });
});
