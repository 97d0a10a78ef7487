import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MoreThan } from 'typeorm';
import { ReferralIssued, ReferralRevoked } from '@cmp/contracts';
import { InvalidRequestError, NotFoundError, TransitionRefusedError } from '../../domain/enrolment-error';
import { assertCanHold } from '../../domain/placement-quota';
import { endOfCopenhagenDay } from '../../domain/calendar-date';
import { hashReferralCode, newReferralCode, revokeReferral } from '../../domain/referral';
import { CohortEntity, OrganisationEntity, PlacementQuotaEntity, ReferralEntity } from '../../infrastructure/entities';
import { Actor, EnrolmentTransaction, EnrolmentUnitOfWork } from '../enrolment-unit-of-work';

export interface IssueReferralCommand {
  readonly organisationId: string;
  readonly cohortId?: string;
  /** Days the code stays valid; by default until the cohort's application deadline, or 30 days. */
  readonly validForDays?: number;
}

export const DEFAULT_REFERRAL_VALIDITY_DAYS = 30;

@Injectable()
export class ReferralCommands {
  constructor(private readonly unitOfWork: EnrolmentUnitOfWork) {}

  /** Returns the code: it is shown once and only its hash is kept. */
  issue(actor: Actor, command: IssueReferralCommand): Promise<{ referral: ReferralEntity; code: string }> {
    return this.unitOfWork.run(actor, async (tx) => {
      const organisation = await tx.manager.findOneBy(OrganisationEntity, { id: command.organisationId });
      if (!organisation) throw new NotFoundError('organisation', command.organisationId);
      const days = command.validForDays ?? DEFAULT_REFERRAL_VALIDITY_DAYS;
      if (!Number.isInteger(days) || days < 1 || days > 365) throw new InvalidRequestError('validForDays must be 1–365');
      const cohort = command.cohortId ? await this.holdPlacement(tx, command.organisationId, command.cohortId) : undefined;
      const expiresAt =
        cohort && command.validForDays === undefined
          ? endOfCopenhagenDay(cohort.applicationDeadline)
          : new Date(tx.now.getTime() + days * 24 * 60 * 60 * 1000);
      const code = newReferralCode();
      const referral = tx.manager.create(ReferralEntity, {
        id: randomUUID(),
        organisationId: command.organisationId,
        cohortId: command.cohortId ?? null,
        codeHash: hashReferralCode(code),
        expiresAt,
        status: 'issued',
        redeemedAt: null,
        menteeId: null,
      });
      await tx.manager.insert(ReferralEntity, referral);
      tx.record('referral.issued', 'referral', referral.id, ['organisationId', 'cohortId', 'expiresAt']);
      tx.emit({
        contract: ReferralIssued,
        key: referral.id,
        data: { referralId: referral.id, organisationId: referral.organisationId, cohortId: referral.cohortId ?? undefined, expiresAt: referral.expiresAt.toISOString() },
      });
      return { referral, code };
    });
  }

  revoke(actor: Actor, organisationId: string, referralId: string): Promise<ReferralEntity> {
    return this.unitOfWork.run(actor, async (tx) => {
      const referral = await tx.manager.findOne(ReferralEntity, { where: { id: referralId, organisationId }, lock: { mode: 'pessimistic_write' } });
      if (!referral) throw new NotFoundError('referral', referralId);
      referral.status = revokeReferral(referral);
      await tx.manager.save(referral);
      tx.record('referral.revoked', 'referral', referral.id, ['status']);
      tx.emit({ contract: ReferralRevoked, key: referral.id, data: { referralId: referral.id, organisationId } });
      return referral;
    });
  }

  /** A cohort-bound code promises a placement: lock the quota so concurrent issues cannot over-promise. */
  private async holdPlacement(tx: EnrolmentTransaction, organisationId: string, cohortId: string): Promise<CohortEntity> {
    const cohort = await tx.manager.findOneBy(CohortEntity, { id: cohortId });
    if (!cohort) throw new NotFoundError('cohort', cohortId);
    if (cohort.status === 'running' || cohort.status === 'completed') {
      throw new TransitionRefusedError(`the cohort is ${cohort.status}; referrals to it can no longer be issued`);
    }
    const quota = await tx.manager.findOne(PlacementQuotaEntity, { where: { organisationId, cohortId }, lock: { mode: 'pessimistic_write' } });
    assertCanHold(quota ?? undefined, await outstandingReferrals(tx, organisationId, cohortId));
    return cohort;
  }
}

/** Issued, unexpired codes bound to the cohort: each one holds a placement. */
export function outstandingReferrals(tx: EnrolmentTransaction, organisationId: string, cohortId: string, exceptId?: string): Promise<number> {
  return tx.manager
    .count(ReferralEntity, { where: { organisationId, cohortId, status: 'issued', expiresAt: MoreThan(tx.now) } })
    .then((count) => (exceptId ? count - 1 : count));
}
