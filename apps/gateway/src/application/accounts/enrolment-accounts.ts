import { Injectable } from '@nestjs/common';
import { ExistingAccountEnrolmentAttempted } from '@cmp/contracts';
import { UnitOfWork } from '@cmp/kernel';
import { PersonAccountRole } from '../../domain/principal';
import { UpstreamResponse } from '../forwarding/upstream-client';
import { AccountRepository } from './account.repository';
import { PasswordHasher } from './password-hasher';

/** How long a reservation may wait for enrolment's answer before another request may take it over. */
const STALE_RESERVATION_MS = 2 * 60_000;

/** Who the account changes are recorded as: the applicant has no account to act as yet. */
const GATEWAY_ACTOR = 'system:gateway';

/** Asks enrolment to check an application or registration as if it were new, and keep nothing (its `DRY_RUN_HEADER`). */
export const ENROLMENT_DRY_RUN_HEADER = 'x-enrolment-dry-run';

/**
 * Sends the enrolling request on: as it is, or as a dry run. `undefined` in `headers` removes
 * a header (an Idempotency-Key must not remember a dry run's answer for the real request).
 */
export type SendToEnrolment = (headers?: Readonly<Record<string, string | undefined>>) => Promise<UpstreamResponse>;

/**
 * The one answer to an application or mentor registration that enrolment accepted, whether the
 * address was new or already had an account: same status, body and headers, so that trying
 * addresses tells nobody which have accounts. What follows goes to the address: the new
 * applicant's confirmation, or the owner's notice that someone used her address. The applicant
 * finds her application after signing in (`GET /auth/me` names her person id).
 */
export const RECEIVED: UpstreamResponse = {
  status: 202,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: Buffer.from(
    JSON.stringify({
      status: 'received',
      detail: 'Thank you. What happens next has been sent to the email address given; sign in to follow your application or registration.',
    }),
  ),
};

type Reservation = { readonly kind: 'reserved'; readonly id: string } | { readonly kind: 'taken'; readonly personId: string | null; readonly role: string };

/**
 * Accounts of mentees and mentors, made when they apply or register through the gateway.
 * The email is reserved (a `pending` account) before enrolment is called, so two concurrent
 * applications with one address cannot both get an account; the account becomes active with
 * the person id from enrolment's answer, or is released when enrolment refuses. A reservation
 * left behind by a crash is taken over by the next attempt once it is stale.
 *
 * An address that already has an account (any role, staff included) is not refused, which
 * would tell anyone who tries that it has one. The request goes to enrolment as a dry run, so it
 * meets the same validation errors as a new address would, in about the same time (the password
 * is hashed either way); if it would have succeeded, the caller gets the same `RECEIVED` and the
 * owner of a mentee or mentor account is told by email (ExistingAccountEnrolmentAttempted).
 * Staff accounts have no contact in notifications, so their owners are not mailed.
 */
@Injectable()
export class EnrolmentAccounts {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly accounts: AccountRepository,
    private readonly passwords: PasswordHasher,
  ) {}

  async enrol(role: PersonAccountRole, credentials: { readonly email: string; readonly password?: string }, send: SendToEnrolment): Promise<UpstreamResponse> {
    const reservation = await this.reserve(role, credentials.email, credentials.password);
    if (reservation.kind === 'taken') {
      const checked = await send({ [ENROLMENT_DRY_RUN_HEADER]: 'true', 'idempotency-key': undefined });
      if (!succeeded(checked) && !isDuplicateApplication(checked)) return checked;
      await this.tellOwner(reservation, role);
      return RECEIVED;
    }
    try {
      const response = await send();
      const personId = succeeded(response) ? personIdOf(response) : undefined;
      if (personId) {
        await this.activate(reservation.id, personId);
        return RECEIVED;
      }
      await this.release(reservation.id);
      // An open application under this address without a gateway account (made before accounts
      // existed, or directly): answered like any other existing address.
      return isDuplicateApplication(response) ? RECEIVED : response;
    } catch (error) {
      await this.release(reservation.id);
      throw error;
    }
  }

  /** Reserves the email for a new account, or says whose it is. */
  private async reserve(role: PersonAccountRole, email: string, password: string | undefined): Promise<Reservation> {
    const passwordHash = password === undefined ? null : await this.passwords.hash(password);
    return this.unitOfWork.run(GATEWAY_ACTOR, async (tx): Promise<Reservation> => {
      const staleBefore = new Date(tx.now.getTime() - STALE_RESERVATION_MS);
      const id = await this.accounts.reserve(tx, { email, role, passwordHash, staleBefore });
      if (id) return { kind: 'reserved', id };
      const existing = await this.accounts.ownerOf(tx, email);
      // A reservation still in flight has no owner to tell yet.
      return { kind: 'taken', personId: existing?.status === 'active' ? existing.personId : null, role: existing?.role ?? 'unknown' };
    });
  }

  private async tellOwner(reservation: Extract<Reservation, { kind: 'taken' }>, attemptedAs: PersonAccountRole): Promise<void> {
    const { personId, role } = reservation;
    if (!personId || (role !== 'mentee' && role !== 'mentor')) return;
    await this.unitOfWork.run(GATEWAY_ACTOR, async (tx) =>
      tx.emit({
        contract: ExistingAccountEnrolmentAttempted,
        key: personId,
        data: { personId, role, attemptedAs, attemptedAt: tx.now.toISOString() },
      }),
    );
  }

  private async activate(accountId: string, personId: string): Promise<void> {
    await this.unitOfWork.run(GATEWAY_ACTOR, (tx) => this.accounts.activate(tx, accountId, personId));
  }

  private async release(accountId: string): Promise<void> {
    await this.unitOfWork.run(GATEWAY_ACTOR, (tx) => this.accounts.release(tx, accountId));
  }
}

function succeeded(response: UpstreamResponse): boolean {
  return response.status >= 200 && response.status < 300;
}

/** Enrolment's answers that mean "this address is enrolled already": never passed on, they would tell who is. */
const DUPLICATE_ENROLMENT_PROBLEMS = new Set(['https://cmp.dk/problems/enrolment/duplicate-application', 'https://cmp.dk/problems/enrolment/duplicate-registration']);

function isDuplicateApplication(response: UpstreamResponse): boolean {
  if (response.status !== 409) return false;
  try {
    return DUPLICATE_ENROLMENT_PROBLEMS.has(String((JSON.parse(response.body.toString('utf8')) as { type?: unknown }).type));
  } catch {
    return false;
  }
}

function personIdOf(response: UpstreamResponse): string | undefined {
  try {
    const id = (JSON.parse(response.body.toString('utf8')) as { id?: unknown }).id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}
