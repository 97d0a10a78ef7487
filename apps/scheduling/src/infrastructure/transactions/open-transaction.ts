import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Transaction } from '@cmp/kernel';
import { Outbox, TypeOrmUnitOfWork } from '@cmp/messaging';
import { Clock, CLOCK } from '@cmp/platform';

/** Work started by the service itself, not by a person: a consumed event, a due timer. */
export const SYSTEM_ACTOR = 'system';

/**
 * Runs application work inside the transaction the inbox opened for a consumed event, so the
 * event is marked consumed together with its effects. The work gets a kernel transaction handle
 * as every use case does, as a savepoint of the inbox's transaction: its events go to the outbox
 * there, and its failure rolls the inbox entry back with it.
 */
@Injectable()
export class OpenTransaction {
  constructor(
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  run<T>(manager: EntityManager, work: (tx: Transaction) => Promise<T>): Promise<T> {
    // TypeOrmUnitOfWork asks its data source for nothing but `transaction()`, and an open
    // transaction's manager offers the same call, nested as a savepoint. @cmp/messaging has no
    // way yet to join an open transaction; this is the one place that works around it.
    const joined = new TypeOrmUnitOfWork(manager as unknown as DataSource, this.outbox, this.clock);
    return joined.run(SYSTEM_ACTOR, work);
  }
}
