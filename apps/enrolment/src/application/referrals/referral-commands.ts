import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ReferralIssued, ReferralRevoked } from '@cmp/contracts';
import { endOfCopenhagenDay, type Transaction, UnitOfWork } from '@cmp/kernel';
import { InvalidRequestError, NotFoundError, TransitionRefusedError } from '../../domain/enrolment-error';
import { assertCanHold } from '../../domain/placement-quota';
import { hashReferralCode, newReferralCode, revokeReferral } from '../../domain/referral';
import { Cohort, CohortRepository } from '../cohorts/cohort.repository';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { PlacementRepository } from '../placements/placement.repository';
import { Referral, ReferralRepository } from './referral.repository';

export interface IssueReferralCommand {
  readonly organisationId: string;
  readonly cohortId?: string;
  /** Days the code stays valid; by default until the cohort's application deadline, or 30 days. */
  readonly validForDays?: number;
}

export const DEFAULT_REFERRAL_VALIDITY_DAYS = 30;

@Injectable()
export class ReferralCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly referrals: ReferralRepository,
    private readonly organisations: OrganisationRepository,
    private readonly cohorts: CohortRepository,
    private readonly placements: PlacementRepository,
  ) {}

  /** Returns the code: it is shown once and only its hash is kept. */
  issue(actor: string, command: IssueReferralCommand): Promise<{ referral: Referral; code: string }> {
    return this.unitOfWork.run(actor, async (tx) => {
      const organisation = await this.organisations.find(tx, command.organisationId);
      if (!organisation) throw new NotFoundError('organisation', command.organisationId);
      const days = command.validForDays ?? DEFAULT_REFERRAL_VALIDITY_DAYS;
      if (!Number.isInteger(days) || days < 1 || days > 365) throw new InvalidRequestError('validForDays must be 1–365');
      const cohort = command.cohortId ? await this.holdPlacement(tx, command.organisationId, command.cohortId) : undefined;
      const expiresAt =
        cohort && command.validForDays === undefined
          ? endOfCopenhagenDay(cohort.applicationDeadline)
          : new Date(tx.now.getTime() + days * 24 * 60 * 60 * 1000);
      const code = newReferralCode();
      const referral = await this.referrals.insert(tx, {
        id: randomUUID(),
        organisationId: command.organisationId,
        cohortId: command.cohortId ?? null,
        codeHash: hashReferralCode(code),
        expiresAt,
        status: 'issued',
        redeemedAt: null,
        menteeId: null,
      });
      tx.record('referral.issued', 'referral', referral.id, ['organisationId', 'cohortId', 'expiresAt']);
      tx.emit({
        contract: ReferralIssued,
        key: referral.id,
        data: { referralId: referral.id, organisationId: referral.organisationId, cohortId: referral.cohortId ?? undefined, expiresAt: referral.expiresAt.toISOString() },
      });
      return { referral, code };
    });
  }

  revoke(actor: string, organisationId: string, referralId: string): Promise<Referral> {
    return this.unitOfWork.run(actor, async (tx) => {
      const referral = await this.referrals.lockOfOrganisation(tx, organisationId, referralId);
      if (!referral) throw new NotFoundError('referral', referralId);
      referral.status = revokeReferral(referral);
      await this.referrals.save(tx, referral);
      tx.record('referral.revoked', 'referral', referral.id, ['status']);
      tx.emit({ contract: ReferralRevoked, key: referral.id, data: { referralId: referral.id, organisationId } });
      return referral;
    });
  }

  /** A cohort-bound code promises a placement: lock the quota so concurrent issues cannot over-promise. */
  private async holdPlacement(tx: Transaction, organisationId: string, cohortId: string): Promise<Cohort> {
    const cohort = await this.cohorts.find(tx, cohortId);
    if (!cohort) throw new NotFoundError('cohort', cohortId);
    if (cohort.status === 'running' || cohort.status === 'completed') {
      throw new TransitionRefusedError(`the cohort is ${cohort.status}; referrals to it can no longer be issued`);
    }
    const quota = await this.placements.lock(tx, organisationId, cohortId);
    assertCanHold(quota ?? undefined, await this.referrals.outstanding(tx, organisationId, cohortId, tx.now));
    return cohort;
  }
}
