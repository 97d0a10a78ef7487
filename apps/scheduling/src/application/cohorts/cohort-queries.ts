import { Injectable } from '@nestjs/common';
import { type Actor, UnitOfWork } from '@cmp/kernel';
import { requireStaff } from '../../domain/access-rules';
import { copenhagenDateOf } from '@cmp/kernel';
import { DEFAULT_RHYTHM, ProgrammeRhythm } from '../../domain/programme-rhythm';
import { StallVerdict, stallVerdict } from '../../domain/stall-rule';
import { PlanRepository, PlanStatus } from '../plans/plan.repository';
import { SessionRepository } from '../sessions/session.repository';
import { CohortRepository } from './cohort.repository';

export interface PairProgress {
  readonly matchId: string;
  readonly menteeId: string;
  readonly mentorId: string;
  readonly status: PlanStatus;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly sessionsPlanned: number;
  readonly sessionsHeld: number;
  readonly noShows: number;
  readonly cancelled: number;
  readonly lastHeldAt: Date | null;
  readonly nextSessionAt: Date | null;
  /** Why the pair is at risk of stalling, or `null` when it is not (or not active, or not started). */
  readonly risk: StallVerdict | null;
}

export interface CohortOverview {
  readonly cohortId: string;
  readonly rhythm: ProgrammeRhythm;
  readonly pairs: readonly PairProgress[];
}

@Injectable()
export class CohortQueries {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly plans: PlanRepository,
    private readonly sessions: SessionRepository,
    private readonly cohorts: CohortRepository,
  ) {}

  /** Coordinators' view of a cohort: sessions held per pair and which pairs are at risk. */
  overview(actor: Actor, cohortId: string): Promise<CohortOverview> {
    requireStaff(actor, 'see a cohort overview');
    return this.unitOfWork.read(async (tx) => {
      const now = tx.now;
      const cohort = await this.cohorts.byId(tx, cohortId);
      const plans = await this.plans.inCohort(tx, cohortId);
      const tallies = new Map((await this.sessions.talliesOfCohort(tx, cohortId, now)).map((tally) => [tally.matchId, tally]));
      const pairs = plans.map((plan): PairProgress => {
        const tally = tallies.get(plan.matchId);
        const lastHeldAt = tally?.lastHeldAt ?? null;
        return {
          matchId: plan.matchId,
          menteeId: plan.menteeId,
          mentorId: plan.mentorId,
          status: plan.status,
          startsOn: plan.startsOn,
          endsOn: plan.endsOn,
          sessionsPlanned: plan.plannedSessions.length,
          sessionsHeld: tally?.held ?? 0,
          noShows: tally?.noShows ?? 0,
          cancelled: tally?.cancelled ?? 0,
          lastHeldAt,
          nextSessionAt: tally?.nextAt ?? null,
          risk: plan.status === 'active' && plan.startsOn <= copenhagenDateOf(now) ? stallVerdict(plan.startsOn, lastHeldAt, now) : null,
        };
      });
      return { cohortId, rhythm: cohort?.rhythm ?? DEFAULT_RHYTHM, pairs };
    });
  }
}
