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
 * as every use case does, joined to the inbox's transaction: its events go to the outbox there,
 * and its failure rolls the inbox entry back with it.
 */
@Injectable()
export class OpenTransaction {
  private readonly unitOfWork: TypeOrmUnitOfWork;

  constructor(dataSource: DataSource, outbox: Outbox, @Inject(CLOCK) clock: Clock) {
    this.unitOfWork = new TypeOrmUnitOfWork(dataSource, outbox, clock);
  }

  run<T>(manager: EntityManager, work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.unitOfWork.join(manager, SYSTEM_ACTOR, work);
  }
}
