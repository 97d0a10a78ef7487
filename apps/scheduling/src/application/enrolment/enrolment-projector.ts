import { Injectable } from '@nestjs/common';
import { CohortScheduledData, PersonErasedData } from '@cmp/contracts';
import type { Transaction } from '@cmp/kernel';
import { WeeklyWindow } from '../../domain/availability';
import { AvailabilityRepository } from '../availability/availability.repository';
import { CohortRepository } from '../cohorts/cohort.repository';
import { FeedTokenRepository } from '../feeds/feed-token.repository';
import { PlanCommands } from '../plans/plan-commands';
import { PlanRepository } from '../plans/plan.repository';
import { SessionRepository } from '../sessions/session.repository';

/**
 * Keeps scheduling's read models (cohort dates, availability) in step with enrolment, and reacts
 * to people leaving. Runs in the consumer's inbox transaction; replaying gives the same state.
 */
@Injectable()
export class EnrolmentProjector {
  constructor(
    private readonly planCommands: PlanCommands,
    private readonly plans: PlanRepository,
    private readonly sessions: SessionRepository,
    private readonly cohorts: CohortRepository,
    private readonly availability: AvailabilityRepository,
    private readonly feedTokens: FeedTokenRepository,
  ) {}

  async cohortScheduled(tx: Transaction, data: CohortScheduledData): Promise<void> {
    const cohort = await this.cohorts.recordDates(tx, data.cohortId, data.startsOn, data.endsOn);
    await this.planCommands.alignWithCohort(tx, cohort);
  }

  async availabilityChanged(tx: Transaction, personId: string, role: 'mentee' | 'mentor', windows: readonly WeeklyWindow[]): Promise<void> {
    await this.availability.save(tx, personId, role, windows.map(({ day, start, end }) => ({ day, start, end })));
  }

  /** A person left the programme: their mentorships stop, future sessions are cancelled. */
  async withdrew(tx: Transaction, personId: string, role: 'mentee' | 'mentor'): Promise<void> {
    for (const plan of await this.plans.lockActiveOfPerson(tx, personId, role)) {
      await this.planCommands.end(tx, plan, `the ${role} withdrew from the programme`, 'system');
    }
  }

  /**
   * Erasure: the person's mentorships stop, the personal text of their sessions (log, place,
   * link, reasons), their availability and their feed go; ids, statuses and counts stay for the
   * programme's anonymous statistics.
   */
  async personErased(tx: Transaction, data: PersonErasedData): Promise<void> {
    for (const plan of await this.plans.lockActiveOfPerson(tx, data.personId, data.role)) {
      await this.planCommands.end(tx, plan, 'erased', 'system');
    }
    await this.sessions.erasePersonalTextOf(tx, data.personId, data.role);
    await this.availability.erase(tx, data.personId);
    await this.feedTokens.eraseOf(tx, data.personId);
  }
}
