import { Injectable } from '@nestjs/common';
import { FindOptionsWhere, IsNull } from 'typeorm';
import { NotFoundError } from '../../domain/enrolment-error';
import {
  AuditEntryEntity,
  CohortEntity,
  MenteeEntity,
  MentorEntity,
  OrganisationEntity,
  PlacementQuotaEntity,
  ReferralEntity,
} from '../../infrastructure/entities';
import { EnrolmentUnitOfWork } from '../enrolment-unit-of-work';

export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

export interface PageRequest {
  readonly limit: number;
  readonly offset: number;
}

/** Reads for the gateway: lists are paged and filtered, erased people are never listed. */
@Injectable()
export class EnrolmentQueries {
  constructor(private readonly unitOfWork: EnrolmentUnitOfWork) {}

  organisations(page: PageRequest, kind?: string): Promise<Page<OrganisationEntity>> {
    return this.page(OrganisationEntity, page, kind ? { kind: kind as OrganisationEntity['kind'] } : {}, { name: 'ASC' });
  }

  organisation(id: string): Promise<OrganisationEntity> {
    return this.one(OrganisationEntity, 'organisation', id);
  }

  placements(organisationId: string): Promise<PlacementQuotaEntity[]> {
    return this.unitOfWork.read((manager) => manager.find(PlacementQuotaEntity, { where: { organisationId }, order: { cohortId: 'ASC' } }));
  }

  referrals(organisationId: string, page: PageRequest, status?: string): Promise<Page<ReferralEntity>> {
    return this.page(ReferralEntity, page, { organisationId, ...(status ? { status: status as ReferralEntity['status'] } : {}) }, { createdAt: 'DESC' });
  }

  cohorts(page: PageRequest, status?: string): Promise<Page<CohortEntity>> {
    return this.page(CohortEntity, page, status ? { status: status as CohortEntity['status'] } : {}, { startsOn: 'ASC' });
  }

  cohort(id: string): Promise<CohortEntity> {
    return this.one(CohortEntity, 'cohort', id);
  }

  mentees(page: PageRequest, filter: { status?: string; cohortId?: string; referringOrganisationId?: string }): Promise<Page<MenteeEntity>> {
    const where: FindOptionsWhere<MenteeEntity> = { erasedAt: IsNull() };
    if (filter.status) where.status = filter.status as MenteeEntity['status'];
    if (filter.cohortId) where.cohortId = filter.cohortId;
    if (filter.referringOrganisationId) where.referringOrganisationId = filter.referringOrganisationId;
    return this.page(MenteeEntity, page, where, { appliedAt: 'ASC', id: 'ASC' });
  }

  async mentee(id: string): Promise<MenteeEntity> {
    const mentee = await this.one(MenteeEntity, 'mentee', id);
    if (mentee.erasedAt) throw new NotFoundError('mentee', id);
    return mentee;
  }

  mentors(page: PageRequest, filter: { status?: string; employerOrganisationId?: string }): Promise<Page<MentorEntity>> {
    const where: FindOptionsWhere<MentorEntity> = { erasedAt: IsNull() };
    if (filter.status) where.status = filter.status as MentorEntity['status'];
    if (filter.employerOrganisationId) where.employerOrganisationId = filter.employerOrganisationId;
    return this.page(MentorEntity, page, where, { createdAt: 'ASC', id: 'ASC' });
  }

  async mentor(id: string): Promise<MentorEntity> {
    const mentor = await this.one(MentorEntity, 'mentor', id);
    if (mentor.erasedAt) throw new NotFoundError('mentor', id);
    return mentor;
  }

  auditTrail(entityId: string, page: PageRequest): Promise<Page<AuditEntryEntity>> {
    return this.page(AuditEntryEntity, page, { entityId }, { id: 'ASC' });
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private page<T extends object>(entity: new () => T, { limit, offset }: PageRequest, where: FindOptionsWhere<T>, order: any): Promise<Page<T>> {
    return this.unitOfWork.read(async (manager) => {
      const [items, total] = await manager.findAndCount(entity, { where, order, take: limit, skip: offset });
      return { items, total, limit, offset };
    });
  }

  private one<T extends { id: string }>(entity: new () => T, kind: string, id: string): Promise<T> {
    return this.unitOfWork.read(async (manager) => {
      const found = await manager.findOneBy(entity, { id } as FindOptionsWhere<T>);
      if (!found) throw new NotFoundError(kind, id);
      return found;
    });
  }
}
