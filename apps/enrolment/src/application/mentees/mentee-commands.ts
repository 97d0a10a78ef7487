import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  AvailabilityWindow,
  ConsentChanged,
  ConsentPurpose,
  ContactPublished,
  Education,
  LanguageSkill,
  MenteeAccepted,
  MenteeApplied,
  MenteePreferences,
  MenteeRejected,
  MessageLanguage,
  ReferralRedeemed,
} from '@cmp/contracts';
import { copenhagenDateOf, type RunOptions, type Transaction, UnitOfWork } from '@cmp/kernel';
import { assertTakesApplications, hasStarted } from '../../domain/cohort';
import { DuplicateApplicationError, InvalidRequestError, NotFoundError, ReferralUnusableError, TransitionRefusedError } from '../../domain/enrolment-error';
import { moveMentee } from '../../domain/mentee-lifecycle';
import { assertAvailability } from '../../domain/mentor-availability';
import { consumePlacement } from '../../domain/placement-quota';
import { assertRedeemable, hashReferralCode } from '../../domain/referral';
import { CohortPlaces } from '../cohorts/cohort-places';
import { ConsentRepository } from '../consents/consent.repository';
import { PlacementRepository } from '../placements/placement.repository';
import { Referral, ReferralRepository } from '../referrals/referral.repository';
import { MenteeWithdrawal, WithdrawMenteeCommand } from './mentee-withdrawal';
import { Mentee, MenteeRepository } from './mentee.repository';

export interface ConsentAnswer {
  readonly purpose: ConsentPurpose;
  readonly granted: boolean;
  readonly noticeVersion: string;
}

export interface ApplyAsMenteeCommand {
  readonly referralCode?: string;
  /** Required unless the referral code is bound to a cohort. */
  readonly cohortId?: string;
  readonly name: string;
  readonly email: string;
  readonly phone?: string;
  readonly preferredLanguage: MessageLanguage;
  readonly countryOfOrigin: string;
  readonly municipality: string;
  readonly languages: LanguageSkill[];
  readonly education: Education;
  readonly yearsOfExperience: number;
  readonly lastOccupation?: string;
  readonly targetOccupations: string[];
  readonly targetIndustries: string[];
  readonly skills: string[];
  readonly availability: AvailabilityWindow[];
  readonly preferences: MenteePreferences;
  readonly motivation?: string;
  readonly consents: ConsentAnswer[];
}

/**
 * A spouse or partner applies, a coordinator decides on a direct application, a mentee leaves.
 * With a referral code the referring organisation has vouched for eligibility: the application is
 * accepted at once and placed (or waitlisted) and the code is consumed with one of the
 * organisation's placements. Without one a coordinator reviews it.
 */
@Injectable()
export class MenteeCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly mentees: MenteeRepository,
    private readonly referrals: ReferralRepository,
    private readonly placements: PlacementRepository,
    private readonly consents: ConsentRepository,
    private readonly places: CohortPlaces,
    private readonly withdrawal: MenteeWithdrawal,
  ) {}

  /** A dry run answers as the application would (every check, the same errors) and keeps nothing. */
  apply(actor: string, command: ApplyAsMenteeCommand, options: RunOptions = {}): Promise<Mentee> {
    return this.unitOfWork.run(actor, async (tx) => {
      const participation = command.consents.find((consent) => consent.purpose === 'programme-participation');
      if (!participation?.granted) throw new InvalidRequestError('consent to programme participation is required to apply');
      if (new Set(command.consents.map((consent) => consent.purpose)).size !== command.consents.length) {
        throw new InvalidRequestError('each consent purpose may be answered once');
      }
      assertAvailability(command.availability);

      const referral = command.referralCode ? await this.lockReferral(tx, command.referralCode) : undefined;
      const cohortId = referral?.cohortId ?? command.cohortId;
      if (!cohortId) throw new InvalidRequestError('cohortId is required for an application without a cohort-bound referral code');
      if (referral?.cohortId && command.cohortId && command.cohortId !== referral.cohortId) {
        throw new ReferralUnusableError('the referral code is for another cohort');
      }
      const cohort = await this.places.lockCohort(tx, cohortId);
      assertTakesApplications(cohort, copenhagenDateOf(tx.now));
      if (await this.mentees.hasOpenApplication(tx, command.email)) throw new DuplicateApplicationError(`${command.email} already has an open application`);

      const mentee: Mentee = {
        id: randomUUID(),
        name: command.name,
        email: command.email,
        phone: command.phone ?? null,
        preferredLanguage: command.preferredLanguage,
        countryOfOrigin: command.countryOfOrigin,
        municipality: command.municipality,
        languages: command.languages,
        education: command.education,
        yearsOfExperience: command.yearsOfExperience,
        lastOccupation: command.lastOccupation ?? null,
        targetOccupations: command.targetOccupations,
        targetIndustries: command.targetIndustries,
        skills: command.skills,
        availability: command.availability,
        preferences: command.preferences,
        motivation: command.motivation ?? null,
        cohortId,
        referralId: referral?.id ?? null,
        referringOrganisationId: referral?.organisationId ?? null,
        status: 'applied',
        statusReason: null,
        appliedAt: tx.now,
        placedAt: null,
        erasedAt: null,
      };
      await this.mentees.insert(tx, mentee);
      tx.record('mentee.applied', 'mentee', mentee.id, Object.keys(command).filter((field) => field !== 'referralCode'));
      tx.emit({
        contract: MenteeApplied,
        key: mentee.id,
        data: { menteeId: mentee.id, cohortId, referralId: referral?.id, referringOrganisationId: referral?.organisationId },
      });
      tx.emit({
        contract: ContactPublished,
        key: mentee.id,
        data: { personId: mentee.id, role: 'mentee', name: command.name, email: command.email, preferredLanguage: command.preferredLanguage },
      });
      await this.recordConsents(tx, mentee.id, command.consents);

      if (referral) {
        await this.redeem(tx, referral, cohortId, mentee);
        mentee.status = moveMentee(mentee.status, 'accepted');
        await this.mentees.save(tx, mentee);
        tx.emit({ contract: MenteeAccepted, key: mentee.id, data: { menteeId: mentee.id, cohortId } });
        await this.places.placeOrWaitlist(tx, cohort, mentee);
      }
      return mentee;
    }, options);
  }

  /** A coordinator finds a direct application eligible: the mentee is placed or waitlisted. */
  accept(actor: string, menteeId: string): Promise<Mentee> {
    return this.unitOfWork.run(actor, async (tx) => {
      const mentee = await this.withdrawal.lockMentee(tx, menteeId);
      const cohort = await this.places.lockCohort(tx, mentee.cohortId);
      if (hasStarted(cohort, copenhagenDateOf(tx.now))) throw new TransitionRefusedError('the cohort has started; the application can no longer be accepted');
      mentee.status = moveMentee(mentee.status, 'accepted');
      await this.mentees.save(tx, mentee);
      tx.record('mentee.accepted', 'mentee', mentee.id, ['status']);
      tx.emit({ contract: MenteeAccepted, key: mentee.id, data: { menteeId: mentee.id, cohortId: mentee.cohortId } });
      await this.places.placeOrWaitlist(tx, cohort, mentee);
      return mentee;
    });
  }

  reject(actor: string, menteeId: string, reason: string): Promise<Mentee> {
    return this.unitOfWork.run(actor, async (tx) => {
      const mentee = await this.withdrawal.lockMentee(tx, menteeId);
      mentee.status = moveMentee(mentee.status, 'rejected');
      mentee.statusReason = reason;
      await this.mentees.save(tx, mentee);
      tx.record('mentee.rejected', 'mentee', mentee.id, ['status', 'statusReason']);
      tx.emit({ contract: MenteeRejected, key: mentee.id, data: { menteeId: mentee.id, reason } });
      return mentee;
    });
  }

  withdraw(actor: string, command: WithdrawMenteeCommand): Promise<Mentee> {
    return this.unitOfWork.run(actor, (tx) => this.withdrawal.withdraw(tx, command));
  }

  private async lockReferral(tx: Transaction, code: string): Promise<Referral> {
    const referral = await this.referrals.lockByCodeHash(tx, hashReferralCode(code));
    if (!referral) throw new ReferralUnusableError('the referral code is not valid');
    return referral;
  }

  private async redeem(tx: Transaction, referral: Referral, cohortId: string, mentee: Mentee): Promise<void> {
    assertRedeemable(referral, tx.now, cohortId);
    const quota = await this.placements.lock(tx, referral.organisationId, cohortId);
    const held = referral.cohortId !== null;
    const others = (await this.referrals.outstanding(tx, referral.organisationId, cohortId, tx.now)) - (held ? 1 : 0);
    const used = consumePlacement(quota ?? undefined, held, others);
    if (!quota) throw new NotFoundError('placement quota', `${referral.organisationId}/${cohortId}`);
    quota.used = used;
    await this.placements.saveUsed(tx, quota);
    Object.assign(referral, { status: 'redeemed', redeemedAt: tx.now, menteeId: mentee.id });
    await this.referrals.save(tx, referral);
    tx.record('referral.redeemed', 'referral', referral.id, ['status', 'menteeId']);
    tx.emit({
      contract: ReferralRedeemed,
      key: referral.id,
      data: { referralId: referral.id, organisationId: referral.organisationId, cohortId, menteeId: mentee.id },
    });
  }

  private async recordConsents(tx: Transaction, personId: string, consents: ConsentAnswer[]): Promise<void> {
    for (const consent of consents) {
      await this.consents.insert(tx, { personId, ...consent, changedAt: tx.now });
      tx.emit({
        contract: ConsentChanged,
        key: personId,
        data: { personId, purpose: consent.purpose, granted: consent.granted, noticeVersion: consent.noticeVersion, changedAt: tx.now.toISOString() },
      });
    }
  }
}
