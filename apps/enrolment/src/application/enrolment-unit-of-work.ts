import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { DuplicateApplicationError, DuplicateRegistrationError, TransitionRefusedError } from '../domain/enrolment-error';
import { Outbox, OutgoingEvent } from '@cmp/messaging';
import { AuditEntryEntity } from '../infrastructure/entities';
import { Clock, CLOCK } from '@cmp/platform';

/** Who asked for a change: `coordinator:<id>`, `mentee:<id>`, `partner:<org id>`, `system:<source>`… */
export type Actor = string;

/**
 * One command's transaction: the state change, its audit entries and its outgoing events
 * commit together or not at all, so a refused command writes nothing and emits nothing.
 */
export class EnrolmentTransaction {
  private readonly events: OutgoingEvent<object>[] = [];
  private readonly audit: Partial<AuditEntryEntity>[] = [];

  constructor(
    readonly manager: EntityManager,
    readonly actor: Actor,
    readonly now: Date,
  ) {}

  emit<T extends object>(...events: OutgoingEvent<T>[]): void {
    this.events.push(...(events as OutgoingEvent<object>[]));
  }

  record(action: string, entityType: string, entityId: string, fields: string[] = []): void {
    this.audit.push({ at: this.now, actor: this.actor, action, entityType, entityId, fields });
  }

  /** @internal flushes what the command collected, inside its transaction. */
  async commit(outbox: Outbox): Promise<void> {
    if (this.audit.length > 0) await this.manager.insert(AuditEntryEntity, this.audit);
    await outbox.add(this.manager, ...this.events);
  }
}

export interface RunOptions {
  readonly dryRun?: boolean;
}

/** Thrown out of a dry run's transaction so that it rolls back; carries the would-be result. */
class DryRunRollback {
  constructor(readonly result: unknown) {}
}

@Injectable()
export class EnrolmentUnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Runs a command in one transaction. A dry run checks everything the command would check,
   * against the same locked rows, then rolls back: nothing is written, audited or emitted.
   */
  async run<T>(actor: Actor, work: (tx: EnrolmentTransaction) => Promise<T>, options: RunOptions = {}): Promise<T> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const tx = new EnrolmentTransaction(manager, actor, this.clock());
        const result = await work(tx);
        if (options.dryRun) throw new DryRunRollback(result);
        await tx.commit(this.outbox);
        return result;
      });
    } catch (error) {
      if (error instanceof DryRunRollback) return error.result as T;
      throw translateConstraintViolation(error);
    }
  }

  now(): Date {
    return this.clock();
  }

  read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return work(this.dataSource.manager);
  }
}

/**
 * Two concurrent requests can both pass a check and then collide on a unique index; the loser
 * gets the same 409 a sequential request would have got, not a 500.
 */
function translateConstraintViolation(error: unknown): unknown {
  if (!(error instanceof QueryFailedError)) return error;
  const { code, constraint } = error.driverError as { code?: string; constraint?: string };
  if (code !== '23505') return error;
  if (constraint === 'mentees_open_email_idx') return new DuplicateApplicationError('an open application exists for this email');
  if (constraint === 'mentors_email_idx') return new DuplicateRegistrationError('a mentor with this email is already registered');
  return new TransitionRefusedError('the change conflicts with an existing record');
}
