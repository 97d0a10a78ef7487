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
  MessageLanguage,
  ReferralRedeemed,
} from '@cmp/contracts';
import { assertTakesApplications } from '../../domain/cohort';
import { copenhagenDate } from '../../domain/calendar-date';
import { DuplicateApplicationError, InvalidRequestError, NotFoundError, ReferralUnusableError } from '../../domain/enrolment-error';
import { moveMentee, OPEN_MENTEE_STATUSES } from '../../domain/mentee-lifecycle';
import { assertAvailability } from '../../domain/mentor-availability';
import { consumePlacement } from '../../domain/placement-quota';
import { assertRedeemable, hashReferralCode } from '../../domain/referral';
import { ConsentEntity, MenteeEntity, PlacementQuotaEntity, ReferralEntity } from '../../infrastructure/entities';
import { lockCohort, placeOrWaitlistMentee } from '../cohort-places/cohort-places';
import { Actor, EnrolmentTransaction, EnrolmentUnitOfWork, RunOptions } from '../enrolment-unit-of-work';
import { outstandingReferrals } from '../referrals/referral-commands';
import { In } from 'typeorm';

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
 * A spouse or partner applies. With a referral code the referring organisation has vouched for
 * eligibility: the application is accepted at once and placed (or waitlisted) and the code is
 * consumed with one of the organisation's placements. Without one a coordinator reviews it.
 */
@Injectable()
export class ApplyAsMenteeHandler {
  constructor(private readonly unitOfWork: EnrolmentUnitOfWork) {}

  /** A dry run answers as the application would (every check, the same errors) and keeps nothing. */
  execute(actor: Actor, command: ApplyAsMenteeCommand, options: RunOptions = {}): Promise<MenteeEntity> {
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
      const cohort = await lockCohort(tx, cohortId);
      assertTakesApplications(cohort, copenhagenDate(tx.now));
      const duplicate = await tx.manager.existsBy(MenteeEntity, { email: command.email, status: In([...OPEN_MENTEE_STATUSES]) });
      if (duplicate) throw new DuplicateApplicationError(`${command.email} already has an open application`);

      const mentee = tx.manager.create(MenteeEntity, {
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
      });
      await tx.manager.insert(MenteeEntity, mentee);
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
        await tx.manager.save(mentee);
        tx.emit({ contract: MenteeAccepted, key: mentee.id, data: { menteeId: mentee.id, cohortId } });
        await placeOrWaitlistMentee(tx, cohort, mentee);
      }
      return mentee;
    }, options);
  }

  private async lockReferral(tx: EnrolmentTransaction, code: string): Promise<ReferralEntity> {
    const referral = await tx.manager.findOne(ReferralEntity, { where: { codeHash: hashReferralCode(code) }, lock: { mode: 'pessimistic_write' } });
    if (!referral) throw new ReferralUnusableError('the referral code is not valid');
    return referral;
  }

  private async redeem(tx: EnrolmentTransaction, referral: ReferralEntity, cohortId: string, mentee: MenteeEntity): Promise<void> {
    assertRedeemable(referral, tx.now, cohortId);
    const quota = await tx.manager.findOne(PlacementQuotaEntity, {
      where: { organisationId: referral.organisationId, cohortId },
      lock: { mode: 'pessimistic_write' },
    });
    const held = referral.cohortId !== null;
    const others = await outstandingReferrals(tx, referral.organisationId, cohortId, held ? referral.id : undefined);
    const used = consumePlacement(quota ?? undefined, held, others);
    if (!quota) throw new NotFoundError('placement quota', `${referral.organisationId}/${cohortId}`);
    quota.used = used;
    await tx.manager.save(quota);
    Object.assign(referral, { status: 'redeemed', redeemedAt: tx.now, menteeId: mentee.id });
    await tx.manager.save(referral);
    tx.record('referral.redeemed', 'referral', referral.id, ['status', 'menteeId']);
    tx.emit({
      contract: ReferralRedeemed,
      key: referral.id,
      data: { referralId: referral.id, organisationId: referral.organisationId, cohortId, menteeId: mentee.id },
    });
  }

  private async recordConsents(tx: EnrolmentTransaction, personId: string, consents: ConsentAnswer[]): Promise<void> {
    for (const consent of consents) {
      await tx.manager.insert(ConsentEntity, { personId, ...consent, changedAt: tx.now });
      tx.emit({
        contract: ConsentChanged,
        key: personId,
        data: { personId, purpose: consent.purpose, granted: consent.granted, noticeVersion: consent.noticeVersion, changedAt: tx.now.toISOString() },
      });
    }
  }
}
