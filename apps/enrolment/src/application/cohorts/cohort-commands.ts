import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CohortClosed, CohortOpened, CohortScheduled } from '@cmp/contracts';
import { UnitOfWork } from '@cmp/kernel';
import { advanceCohort, CohortStatus, planCohort } from '../../domain/cohort';
import { TransitionRefusedError } from '../../domain/enrolment-error';
import { MenteeRepository } from '../mentees/mentee.repository';
import { CohortPlaces } from './cohort-places';
import { Cohort, CohortRepository } from './cohort.repository';

export interface ScheduleCohortCommand {
  readonly name: string;
  readonly startsOn: string;
  readonly endsOn?: string;
  readonly applicationDeadline: string;
  readonly capacity: number;
  readonly excludeMentorsFromReferringOrganisation?: boolean;
}

export interface ChangeCohortCommand {
  readonly endsOn?: string;
  readonly applicationDeadline?: string;
  readonly capacity?: number;
}

@Injectable()
export class CohortCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly cohorts: CohortRepository,
    private readonly mentees: MenteeRepository,
    private readonly places: CohortPlaces,
  ) {}

  schedule(actor: string, command: ScheduleCohortCommand): Promise<Cohort> {
    return this.unitOfWork.run(actor, async (tx) => {
      const plan = planCohort(command);
      const cohort = await this.cohorts.insert(tx, {
        id: randomUUID(),
        name: command.name,
        ...plan,
        excludeMentorsFromReferringOrganisation: command.excludeMentorsFromReferringOrganisation ?? true,
      });
      tx.record('cohort.scheduled', 'cohort', cohort.id, Object.keys(command));
      tx.emit({ contract: CohortScheduled, key: cohort.id, data: scheduledData(cohort) });
      return cohort;
    });
  }

  /** Edits dates or capacity; a larger capacity places waitlisted mentees at once. */
  change(actor: string, cohortId: string, command: ChangeCohortCommand): Promise<Cohort> {
    return this.unitOfWork.run(actor, async (tx) => {
      const cohort = await this.places.lockCohort(tx, cohortId);
      if (cohort.status === 'completed') throw new TransitionRefusedError('a completed cohort cannot be changed');
      const plan = planCohort({
        startsOn: cohort.startsOn,
        endsOn: command.endsOn ?? cohort.endsOn,
        applicationDeadline: command.applicationDeadline ?? cohort.applicationDeadline,
        capacity: command.capacity ?? cohort.capacity,
      });
      const holding = await this.mentees.countHoldingPlaces(tx, cohortId);
      if (plan.capacity < holding) throw new TransitionRefusedError(`${holding} mentees already hold places; capacity cannot go below that`);
      Object.assign(cohort, { endsOn: plan.endsOn, applicationDeadline: plan.applicationDeadline, capacity: plan.capacity });
      await this.cohorts.save(tx, cohort);
      tx.record('cohort.changed', 'cohort', cohort.id, Object.keys(command));
      tx.emit({ contract: CohortScheduled, key: cohort.id, data: scheduledData(cohort) });
      await this.places.promoteWaitlist(tx, cohort);
      return cohort;
    });
  }

  advance(actor: string, cohortId: string, to: CohortStatus): Promise<Cohort> {
    return this.unitOfWork.run(actor, async (tx) => {
      const cohort = await this.places.lockCohort(tx, cohortId);
      cohort.status = advanceCohort(cohort, to);
      await this.cohorts.save(tx, cohort);
      tx.record(`cohort.${to}`, 'cohort', cohort.id, ['status']);
      if (to === 'open') tx.emit({ contract: CohortOpened, key: cohort.id, data: { cohortId: cohort.id } });
      if (to === 'matching') {
        const placedMentees = await this.mentees.countHoldingPlaces(tx, cohortId);
        tx.emit({ contract: CohortClosed, key: cohort.id, data: { cohortId: cohort.id, placedMentees } });
      }
      return cohort;
    });
  }
}

function scheduledData(cohort: Cohort) {
  return {
    cohortId: cohort.id,
    name: cohort.name,
    startsOn: cohort.startsOn,
    endsOn: cohort.endsOn,
    applicationDeadline: cohort.applicationDeadline,
    capacity: cohort.capacity,
    excludeMentorsFromReferringOrganisation: cohort.excludeMentorsFromReferringOrganisation,
  };
}
