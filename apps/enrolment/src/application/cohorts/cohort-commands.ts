import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { CohortClosed, CohortOpened, CohortScheduled } from '@cmp/contracts';
import { advanceCohort, CohortStatus, planCohort } from '../../domain/cohort';
import { TransitionRefusedError } from '../../domain/enrolment-error';
import { PLACE_HOLDING_STATUSES } from '../../domain/mentee-lifecycle';
import { CohortEntity, MenteeEntity } from '../../infrastructure/entities';
import { lockCohort, promoteWaitlist } from '../cohort-places/cohort-places';
import { Actor, EnrolmentUnitOfWork } from '../enrolment-unit-of-work';

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
  constructor(private readonly unitOfWork: EnrolmentUnitOfWork) {}

  schedule(actor: Actor, command: ScheduleCohortCommand): Promise<CohortEntity> {
    return this.unitOfWork.run(actor, async (tx) => {
      const plan = planCohort(command);
      const cohort = tx.manager.create(CohortEntity, {
        id: randomUUID(),
        name: command.name,
        ...plan,
        excludeMentorsFromReferringOrganisation: command.excludeMentorsFromReferringOrganisation ?? true,
      });
      await tx.manager.insert(CohortEntity, cohort);
      tx.record('cohort.scheduled', 'cohort', cohort.id, Object.keys(command));
      tx.emit({ contract: CohortScheduled, key: cohort.id, data: scheduledData(cohort) });
      return cohort;
    });
  }

  /** Edits dates or capacity; a larger capacity places waitlisted mentees at once. */
  change(actor: Actor, cohortId: string, command: ChangeCohortCommand): Promise<CohortEntity> {
    return this.unitOfWork.run(actor, async (tx) => {
      const cohort = await lockCohort(tx, cohortId);
      if (cohort.status === 'completed') throw new TransitionRefusedError('a completed cohort cannot be changed');
      const plan = planCohort({
        startsOn: cohort.startsOn,
        endsOn: command.endsOn ?? cohort.endsOn,
        applicationDeadline: command.applicationDeadline ?? cohort.applicationDeadline,
        capacity: command.capacity ?? cohort.capacity,
      });
      const holding = await tx.manager.count(MenteeEntity, { where: { cohortId, status: In([...PLACE_HOLDING_STATUSES]) } });
      if (plan.capacity < holding) throw new TransitionRefusedError(`${holding} mentees already hold places; capacity cannot go below that`);
      Object.assign(cohort, { endsOn: plan.endsOn, applicationDeadline: plan.applicationDeadline, capacity: plan.capacity });
      await tx.manager.save(cohort);
      tx.record('cohort.changed', 'cohort', cohort.id, Object.keys(command));
      tx.emit({ contract: CohortScheduled, key: cohort.id, data: scheduledData(cohort) });
      await promoteWaitlist(tx, cohort);
      return cohort;
    });
  }

  advance(actor: Actor, cohortId: string, to: CohortStatus): Promise<CohortEntity> {
    return this.unitOfWork.run(actor, async (tx) => {
      const cohort = await lockCohort(tx, cohortId);
      cohort.status = advanceCohort(cohort, to);
      await tx.manager.save(cohort);
      tx.record(`cohort.${to}`, 'cohort', cohort.id, ['status']);
      if (to === 'open') tx.emit({ contract: CohortOpened, key: cohort.id, data: { cohortId: cohort.id } });
      if (to === 'matching') {
        const placedMentees = await tx.manager.count(MenteeEntity, { where: { cohortId, status: In([...PLACE_HOLDING_STATUSES]) } });
        tx.emit({ contract: CohortClosed, key: cohort.id, data: { cohortId: cohort.id, placedMentees } });
      }
      return cohort;
    });
  }
}

function scheduledData(cohort: CohortEntity) {
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
