import { Injectable } from '@nestjs/common';
import { MenteePlaced, MenteeProfile, MenteeWaitlisted } from '@cmp/contracts';
import type { Transaction } from '@cmp/kernel';
import { NotFoundError } from '../../domain/enrolment-error';
import { moveMentee, placeOrWaitlist } from '../../domain/mentee-lifecycle';
import { Mentee, MenteeRepository } from '../mentees/mentee.repository';
import { Cohort, CohortRepository } from './cohort.repository';

/** Who holds a cohort's places: every change goes through the locked cohort row. */
@Injectable()
export class CohortPlaces {
  constructor(
    private readonly cohorts: CohortRepository,
    private readonly mentees: MenteeRepository,
  ) {}

  /** Locks the cohort row: every change to who holds its places goes through this lock. */
  async lockCohort(tx: Transaction, cohortId: string): Promise<Cohort> {
    const cohort = await this.cohorts.lock(tx, cohortId);
    if (!cohort) throw new NotFoundError('cohort', cohortId);
    return cohort;
  }

  /** An accepted mentee takes a free place in the (locked) cohort, or joins its waiting list. */
  async placeOrWaitlist(tx: Transaction, cohort: Cohort, mentee: Mentee): Promise<void> {
    const held = await this.mentees.countHoldingPlaces(tx, cohort.id);
    if (placeOrWaitlist(held, cohort.capacity) === 'placed') {
      await this.place(tx, cohort, mentee);
      return;
    }
    mentee.status = moveMentee(mentee.status, 'waitlisted');
    await this.mentees.save(tx, mentee);
    const position = await this.mentees.waitlistPosition(tx, mentee);
    tx.record('mentee.waitlisted', 'mentee', mentee.id, ['status']);
    tx.emit({ contract: MenteeWaitlisted, key: mentee.id, data: { menteeId: mentee.id, cohortId: cohort.id, position } });
  }

  /** Gives freed places to waitlisted mentees, oldest application first. */
  async promoteWaitlist(tx: Transaction, cohort: Cohort): Promise<void> {
    const free = cohort.capacity - (await this.mentees.countHoldingPlaces(tx, cohort.id));
    if (free <= 0) return;
    for (const mentee of await this.mentees.lockFirstWaitlisted(tx, cohort.id, free)) await this.place(tx, cohort, mentee);
  }

  private async place(tx: Transaction, cohort: Cohort, mentee: Mentee): Promise<void> {
    mentee.status = moveMentee(mentee.status, 'placed');
    mentee.placedAt = tx.now;
    await this.mentees.save(tx, mentee);
    tx.record('mentee.placed', 'mentee', mentee.id, ['status', 'placedAt']);
    tx.emit({
      contract: MenteePlaced,
      key: mentee.id,
      data: {
        menteeId: mentee.id,
        cohortId: cohort.id,
        referringOrganisationId: mentee.referringOrganisationId ?? undefined,
        profile: menteeProfile(mentee),
      },
    });
  }
}

/** What matching may know of a mentee: profile facts, no contact details. */
export function menteeProfile(mentee: Mentee): MenteeProfile {
  return {
    countryOfOrigin: mentee.countryOfOrigin as string,
    municipality: mentee.municipality as string,
    languages: mentee.languages,
    education: mentee.education as MenteeProfile['education'],
    yearsOfExperience: mentee.yearsOfExperience,
    lastOccupation: mentee.lastOccupation ?? undefined,
    targetOccupations: mentee.targetOccupations,
    targetIndustries: mentee.targetIndustries,
    skills: mentee.skills,
    availability: mentee.availability,
    preferences: mentee.preferences,
  };
}
