import { In } from 'typeorm';
import { MenteePlaced, MenteeProfile, MenteeWaitlisted } from '@cmp/contracts';
import { NotFoundError } from '../../domain/enrolment-error';
import { moveMentee, PLACE_HOLDING_STATUSES, placeOrWaitlist } from '../../domain/mentee-lifecycle';
import { CohortEntity, MenteeEntity } from '../../infrastructure/entities';
import { EnrolmentTransaction } from '../enrolment-unit-of-work';

/** Locks the cohort row: every change to who holds its places goes through this lock. */
export async function lockCohort(tx: EnrolmentTransaction, cohortId: string): Promise<CohortEntity> {
  const cohort = await tx.manager.findOne(CohortEntity, { where: { id: cohortId }, lock: { mode: 'pessimistic_write' } });
  if (!cohort) throw new NotFoundError('cohort', cohortId);
  return cohort;
}

export function menteeProfile(mentee: MenteeEntity): MenteeProfile {
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

/** An accepted mentee takes a free place in the (locked) cohort, or joins its waiting list. */
export async function placeOrWaitlistMentee(tx: EnrolmentTransaction, cohort: CohortEntity, mentee: MenteeEntity): Promise<void> {
  const held = await tx.manager.count(MenteeEntity, { where: { cohortId: cohort.id, status: In([...PLACE_HOLDING_STATUSES]) } });
  const next = placeOrWaitlist(held, cohort.capacity);
  if (next === 'placed') {
    await place(tx, cohort, mentee);
    return;
  }
  mentee.status = moveMentee(mentee.status, 'waitlisted');
  await tx.manager.save(mentee);
  const position = await waitlistPosition(tx, mentee);
  tx.record('mentee.waitlisted', 'mentee', mentee.id, ['status']);
  tx.emit({ contract: MenteeWaitlisted, key: mentee.id, data: { menteeId: mentee.id, cohortId: cohort.id, position } });
}

/** Gives freed places to waitlisted mentees, oldest application first. */
export async function promoteWaitlist(tx: EnrolmentTransaction, cohort: CohortEntity): Promise<void> {
  const held = await tx.manager.count(MenteeEntity, { where: { cohortId: cohort.id, status: In([...PLACE_HOLDING_STATUSES]) } });
  const free = cohort.capacity - held;
  if (free <= 0) return;
  const waiting = await tx.manager.find(MenteeEntity, {
    where: { cohortId: cohort.id, status: 'waitlisted' },
    order: { appliedAt: 'ASC', id: 'ASC' },
    take: free,
    lock: { mode: 'pessimistic_write' },
  });
  for (const mentee of waiting) await place(tx, cohort, mentee);
}

async function place(tx: EnrolmentTransaction, cohort: CohortEntity, mentee: MenteeEntity): Promise<void> {
  mentee.status = moveMentee(mentee.status, 'placed');
  mentee.placedAt = tx.now;
  await tx.manager.save(mentee);
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

async function waitlistPosition(tx: EnrolmentTransaction, mentee: MenteeEntity): Promise<number> {
  const [row] = await tx.manager.query(
    `SELECT count(*)::int AS ahead FROM mentees
      WHERE cohort_id = $1 AND status = 'waitlisted' AND (applied_at, id) < ($2, $3)`,
    [mentee.cohortId, mentee.appliedAt, mentee.id],
  );
  return row.ahead + 1;
}
