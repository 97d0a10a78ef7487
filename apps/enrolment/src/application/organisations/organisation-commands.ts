import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { OrganisationKind, OrganisationRegistered, PlacementsReserved } from '@cmp/contracts';
import { UnitOfWork } from '@cmp/kernel';
import { InvalidRequestError, NotFoundError, QuotaExhaustedError, TransitionRefusedError } from '../../domain/enrolment-error';
import { CohortPlaces } from '../cohorts/cohort-places';
import { PlacementQuota, PlacementRepository } from '../placements/placement.repository';
import { Organisation, OrganisationRepository } from './organisation.repository';

export interface RegisterOrganisationCommand {
  readonly name: string;
  readonly kind: OrganisationKind;
}

export interface ReservePlacementsCommand {
  readonly organisationId: string;
  readonly cohortId: string;
  readonly count: number;
}

@Injectable()
export class OrganisationCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly organisations: OrganisationRepository,
    private readonly placements: PlacementRepository,
    private readonly places: CohortPlaces,
  ) {}

  register(actor: string, command: RegisterOrganisationCommand): Promise<Organisation> {
    return this.unitOfWork.run(actor, async (tx) => {
      if (await this.organisations.nameTaken(tx, command.name)) throw new TransitionRefusedError(`an organisation named "${command.name}" is already registered`);
      const organisation = await this.organisations.insert(tx, { id: randomUUID(), name: command.name, kind: command.kind });
      tx.record('organisation.registered', 'organisation', organisation.id, ['name', 'kind']);
      tx.emit({ contract: OrganisationRegistered, key: organisation.id, data: { organisationId: organisation.id, name: organisation.name, kind: organisation.kind } });
      return organisation;
    });
  }

  /** Adds placements to the organisation's quota in a cohort that has not started. */
  reservePlacements(actor: string, command: ReservePlacementsCommand): Promise<PlacementQuota> {
    return this.unitOfWork.run(actor, async (tx) => {
      if (!Number.isInteger(command.count) || command.count < 1) throw new InvalidRequestError('count must be at least 1');
      const organisation = await this.organisations.find(tx, command.organisationId);
      if (!organisation) throw new NotFoundError('organisation', command.organisationId);
      if (organisation.kind !== 'company' && organisation.kind !== 'university') {
        throw new TransitionRefusedError(`a ${organisation.kind} does not reserve placements`);
      }
      const cohort = await this.places.lockCohort(tx, command.cohortId);
      if (cohort.status === 'running' || cohort.status === 'completed') {
        throw new TransitionRefusedError(`placements cannot be reserved in a ${cohort.status} cohort`);
      }
      // Organisations share the cohort's places: all reservations together fit its capacity.
      const reserved = await this.placements.reservedInCohort(tx, cohort.id);
      if (reserved + command.count > cohort.capacity) {
        throw new QuotaExhaustedError(`the cohort has ${cohort.capacity} places and ${reserved} are already reserved`);
      }
      const quota = await this.placements.reserve(tx, command.organisationId, command.cohortId, command.count);
      tx.record('placements.reserved', 'organisation', command.organisationId, ['placements']);
      tx.emit({
        contract: PlacementsReserved,
        key: command.organisationId,
        data: { organisationId: command.organisationId, cohortId: command.cohortId, added: command.count, reserved: quota.reserved },
      });
      return quota;
    });
  }
}
