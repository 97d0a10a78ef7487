import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { OrganisationKind, OrganisationRegistered, PlacementsReserved } from '@cmp/contracts';
import { InvalidRequestError, NotFoundError, QuotaExhaustedError, TransitionRefusedError } from '../../domain/enrolment-error';
import { lockCohort } from '../cohort-places/cohort-places';
import { OrganisationEntity, PlacementQuotaEntity } from '../../infrastructure/entities';
import { Actor, EnrolmentUnitOfWork } from '../enrolment-unit-of-work';

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
  constructor(private readonly unitOfWork: EnrolmentUnitOfWork) {}

  register(actor: Actor, command: RegisterOrganisationCommand): Promise<OrganisationEntity> {
    return this.unitOfWork.run(actor, async (tx) => {
      const taken = await tx.manager
        .createQueryBuilder(OrganisationEntity, 'organisation')
        .where('lower(organisation.name) = lower(:name)', { name: command.name })
        .getExists();
      if (taken) throw new TransitionRefusedError(`an organisation named "${command.name}" is already registered`);
      const organisation = tx.manager.create(OrganisationEntity, { id: randomUUID(), name: command.name, kind: command.kind });
      await tx.manager.insert(OrganisationEntity, organisation);
      tx.record('organisation.registered', 'organisation', organisation.id, ['name', 'kind']);
      tx.emit({ contract: OrganisationRegistered, key: organisation.id, data: { organisationId: organisation.id, name: organisation.name, kind: organisation.kind } });
      return organisation;
    });
  }

  /** Adds placements to the organisation's quota in a cohort that has not started. */
  reservePlacements(actor: Actor, command: ReservePlacementsCommand): Promise<PlacementQuotaEntity> {
    return this.unitOfWork.run(actor, async (tx) => {
      if (!Number.isInteger(command.count) || command.count < 1) throw new InvalidRequestError('count must be at least 1');
      const organisation = await tx.manager.findOneBy(OrganisationEntity, { id: command.organisationId });
      if (!organisation) throw new NotFoundError('organisation', command.organisationId);
      if (organisation.kind !== 'company' && organisation.kind !== 'university') {
        throw new TransitionRefusedError(`a ${organisation.kind} does not reserve placements`);
      }
      const cohort = await lockCohort(tx, command.cohortId);
      if (cohort.status === 'running' || cohort.status === 'completed') {
        throw new TransitionRefusedError(`placements cannot be reserved in a ${cohort.status} cohort`);
      }
      // Organisations share the cohort's places: all reservations together fit its capacity.
      const [{ reserved }] = await tx.manager.query(`SELECT coalesce(sum(reserved), 0)::int AS reserved FROM placement_quotas WHERE cohort_id = $1`, [
        cohort.id,
      ]);
      if (reserved + command.count > cohort.capacity) {
        throw new QuotaExhaustedError(`the cohort has ${cohort.capacity} places and ${reserved} are already reserved`);
      }
      await tx.manager.query(
        `INSERT INTO placement_quotas (organisation_id, cohort_id, reserved, used) VALUES ($1, $2, $3, 0)
         ON CONFLICT (organisation_id, cohort_id) DO UPDATE SET reserved = placement_quotas.reserved + EXCLUDED.reserved`,
        [command.organisationId, command.cohortId, command.count],
      );
      const quota = await tx.manager.findOneByOrFail(PlacementQuotaEntity, { organisationId: command.organisationId, cohortId: command.cohortId });
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
