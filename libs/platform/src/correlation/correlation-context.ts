import { AsyncLocalStorage } from 'node:async_hooks';
import type { CorrelationIds } from './correlation-ids';

const storage = new AsyncLocalStorage<Readonly<CorrelationIds>>();

/**
 * The correlation ids of the work in progress, carried implicitly through every `await`
 * inside `run`. HTTP requests enter it through `CorrelationIdMiddleware`; message consumers
 * enter it with the ids of the message they handle, so logs and outgoing events pick the
 * ids up without passing them through every call.
 */
export const correlationContext = {
  /**
   * Runs `fn` with `ids` as the current correlation ids. The ids are copied and frozen so a
   * handler cannot change them for other code sharing the same context.
   */
  run<T>(ids: CorrelationIds, fn: () => T): T {
    return storage.run(Object.freeze({ ...ids }), fn);
  },

  /** The ids of the work in progress, or `undefined` outside of any `run`. */
  current(): CorrelationIds | undefined {
    return storage.getStore();
  },
};
