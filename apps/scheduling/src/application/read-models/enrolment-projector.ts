import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CohortScheduledData, PersonErasedData } from '@cmp/contracts';
import { WeeklyWindow } from '../../domain/availability';
import { CohortEntity } from '../../infrastructure/entities/cohort.entity';
import { FeedTokenEntity } from '../../infrastructure/entities/feed-token.entity';
import { PersonAvailabilityEntity } from '../../infrastructure/entities/person-availability.entity';
import { PlanEntity } from '../../infrastructure/entities/plan.entity';
import { PlanLifecycle } from '../plans/plan-lifecycle';

/**
 * Keeps scheduling's read models (cohort dates, availability) in step with enrolment, and reacts
 * to people leaving. Runs in the consumer's inbox transaction; replaying gives the same state.
 */
@Injectable()
export class EnrolmentProjector {
  constructor(private readonly plans: PlanLifecycle) {}

  async cohortScheduled(manager: EntityManager, data: CohortScheduledData): Promise<void> {
    await manager.query(
      `INSERT INTO cohorts (id, starts_on, ends_on) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET starts_on = EXCLUDED.starts_on, ends_on = EXCLUDED.ends_on`,
      [data.cohortId, data.startsOn, data.endsOn],
    );
    await this.plans.alignWithCohort(manager, await manager.findOneByOrFail(CohortEntity, { id: data.cohortId }));
  }

  async availabilityChanged(manager: EntityManager, personId: string, role: 'mentee' | 'mentor', windows: WeeklyWindow[]): Promise<void> {
    await manager.upsert(PersonAvailabilityEntity, { personId, role, windows: windows.map(({ day, start, end }) => ({ day, start, end })) }, ['personId']);
  }

  /** A person left the programme: their mentorships stop, future sessions are cancelled. */
  async withdrew(manager: EntityManager, personId: string, role: 'mentee' | 'mentor'): Promise<void> {
    for (const plan of await this.activePlansOf(manager, personId, role)) {
      await this.plans.endPlan(manager, plan, `the ${role} withdrew from the programme`, 'system');
    }
  }

  /**
   * Erasure: the person's mentorships stop, the personal text of their sessions (log, place,
   * link, reasons), their availability and their feed go; ids, statuses and counts stay for the
   * programme's anonymous statistics.
   */
  async personErased(manager: EntityManager, data: PersonErasedData): Promise<void> {
    for (const plan of await this.activePlansOf(manager, data.personId, data.role)) {
      await this.plans.endPlan(manager, plan, 'erased', 'system');
    }
    const column = data.role === 'mentee' ? 'mentee_id' : 'mentor_id';
    await manager.query(
      `UPDATE sessions SET topics = NULL, next_steps = NULL, introductions = NULL, place = NULL, link = NULL, cancel_reason = NULL WHERE ${column} = $1`,
      [data.personId],
    );
    await manager.query(`UPDATE session_history SET detail = NULL WHERE session_id IN (SELECT id FROM sessions WHERE ${column} = $1)`, [data.personId]);
    await manager.delete(PersonAvailabilityEntity, { personId: data.personId });
    await manager.delete(FeedTokenEntity, { personId: data.personId });
  }

  private activePlansOf(manager: EntityManager, personId: string, role: 'mentee' | 'mentor'): Promise<PlanEntity[]> {
    return manager.find(PlanEntity, {
      where: role === 'mentee' ? { menteeId: personId, status: 'active' } : { mentorId: personId, status: 'active' },
      lock: { mode: 'pessimistic_write' },
    });
  }
}
