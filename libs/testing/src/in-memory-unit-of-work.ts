import { type PendingEvent, type ReadTransaction, type RunOptions, type Transaction, UnitOfWork } from '@cmp/kernel';

export interface RecordedAudit {
  readonly actor: string;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly fields: readonly string[];
}

/**
 * The unit of work for use-case unit tests against in-memory repositories: it keeps what a
 * committed use case emitted and audited, and drops both when the use case throws. Repositories
 * that must roll back their own writes on failure are the test's concern (they are plain maps).
 */
export class InMemoryUnitOfWork extends UnitOfWork {
  readonly emitted: PendingEvent[] = [];
  readonly audited: RecordedAudit[] = [];

  constructor(private readonly clock: () => Date = () => new Date()) {
    super();
  }

  async run<T>(actor: string, work: (tx: Transaction) => Promise<T>, options: RunOptions = {}): Promise<T> {
    const events: PendingEvent[] = [];
    const audit: RecordedAudit[] = [];
    const tx: Transaction = {
      actor,
      now: this.clock(),
      emit: (...pending) => events.push(...(pending as unknown as PendingEvent[])),
      record: (action, entityType, entityId, fields = []) => audit.push({ actor, action, entityType, entityId, fields: [...fields] }),
    };
    const result = await work(tx);
    if (!options.dryRun) {
      this.emitted.push(...events);
      this.audited.push(...audit);
    }
    return result;
  }

  read<T>(work: (tx: ReadTransaction) => Promise<T>): Promise<T> {
    return work({ now: this.clock() });
  }

  now(): Date {
    return this.clock();
  }

  /** The data of every event of one type emitted so far, in order. */
  emittedOf(type: string): unknown[] {
    return this.emitted.filter((event) => event.contract.type === type).map((event) => ('data' in event ? event.data : null));
  }
}
