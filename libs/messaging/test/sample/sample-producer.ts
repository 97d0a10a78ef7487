import { DataSource } from 'typeorm';
import { Outbox } from '../../src';
import { counterIncremented } from './sample-contracts';

/**
 * The sample producer's one command: increment a counter and record the event, in one
 * transaction. The row lock on the counter serialises changes to one counter, so its outbox
 * rows are written in sequence order.
 */
export async function incrementCounters(
  dataSource: DataSource,
  outbox: Outbox,
  service: string,
  counterIds: readonly string[],
): Promise<void> {
  const contract = counterIncremented(service);
  await dataSource.transaction(async (manager) => {
    for (const counterId of counterIds) {
      const [row] = await manager.query(
        `INSERT INTO counters (id, value) VALUES ($1, 1)
         ON CONFLICT (id) DO UPDATE SET value = counters.value + 1 RETURNING value`,
        [counterId],
      );
      await outbox.add(manager, { contract, key: counterId, data: { counterId, sequence: row.value } });
    }
  });
}
