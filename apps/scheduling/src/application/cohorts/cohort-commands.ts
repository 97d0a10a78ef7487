import { Injectable } from '@nestjs/common';
import { type Actor, callerName, UnitOfWork } from '@cmp/kernel';
import { requireStaff } from '../../domain/access-rules';
import { ProgrammeRhythm } from '../../domain/programme-rhythm';
import { CohortRepository } from './cohort.repository';

export interface CohortRhythmSet {
  readonly cohortId: string;
  readonly rhythm: ProgrammeRhythm;
}

/** A coordinator's rhythm for a cohort; plans created from then on follow it. */
@Injectable()
export class CohortCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly cohorts: CohortRepository,
  ) {}

  async setRhythm(actor: Actor, cohortId: string, rhythm: ProgrammeRhythm): Promise<CohortRhythmSet> {
    requireStaff(actor, 'change a cohort’s rhythm');
    const kept: ProgrammeRhythm = { kickOffWithinDays: rhythm.kickOffWithinDays, intervalDays: rhythm.intervalDays, sessionMinutes: rhythm.sessionMinutes };
    // The cohort's dates may not have arrived yet; the rhythm waits for them.
    await this.unitOfWork.run(callerName(actor), (tx) => this.cohorts.setRhythm(tx, cohortId, kept));
    return { cohortId, rhythm: kept };
  }
}
