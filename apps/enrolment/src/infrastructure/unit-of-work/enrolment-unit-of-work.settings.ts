import { EntityManager, QueryFailedError } from 'typeorm';
import type { AuditEntry, UnitOfWorkSettings } from '@cmp/messaging';
import { DuplicateApplicationError, DuplicateRegistrationError, TransitionRefusedError } from '../../domain/enrolment-error';
import { AuditEntryEntity } from '../entities';

/** Enrolment keeps an audit trail, and answers a lost race on a unique index as a sequential request would have been. */
export const ENROLMENT_UNIT_OF_WORK_SETTINGS: UnitOfWorkSettings = {
  writeAudit: writeAuditEntries,
  translateError: translateConstraintViolation,
};

async function writeAuditEntries(manager: EntityManager, entries: readonly AuditEntry[]): Promise<void> {
  await manager.insert(
    AuditEntryEntity,
    entries.map((entry) => ({ ...entry, fields: [...entry.fields] })),
  );
}

/**
 * Two concurrent requests can both pass a check and then collide on a unique index; the loser
 * gets the same 409 a sequential request would have got, not a 500.
 */
export function translateConstraintViolation(error: unknown): unknown {
  if (!(error instanceof QueryFailedError)) return error;
  const { code, constraint } = error.driverError as { code?: string; constraint?: string };
  if (code !== '23505') return error;
  if (constraint === 'mentees_open_email_idx') return new DuplicateApplicationError('an open application exists for this email');
  if (constraint === 'mentors_email_idx') return new DuplicateRegistrationError('a mentor with this email is already registered');
  return new TransitionRefusedError('the change conflicts with an existing record');
}
