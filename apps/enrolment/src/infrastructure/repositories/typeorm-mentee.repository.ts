import { Injectable } from '@nestjs/common';
import { FindOptionsWhere, In, IsNull } from 'typeorm';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import { entityManagerOf } from '@cmp/messaging';
import { Mentee, MenteeFilter, MenteeRepository } from '../../application/mentees/mentee.repository';
import type { Page, PageRequest } from '../../application/page';
import { OPEN_MENTEE_STATUSES, PLACE_HOLDING_STATUSES } from '../../domain/mentee-lifecycle';
import { MenteeEntity } from '../entities';
import { pageOf } from './page-of';

const FOR_UPDATE = { mode: 'pessimistic_write' } as const;

@Injectable()
export class TypeOrmMenteeRepository extends MenteeRepository {
  find(tx: ReadTransaction, menteeId: string): Promise<Mentee | null> {
    return entityManagerOf(tx).findOneBy(MenteeEntity, { id: menteeId });
  }

  lock(tx: Transaction, menteeId: string): Promise<Mentee | null> {
    return entityManagerOf(tx).findOne(MenteeEntity, { where: { id: menteeId }, lock: FOR_UPDATE });
  }

  exists(tx: ReadTransaction, menteeId: string): Promise<boolean> {
    return entityManagerOf(tx).existsBy(MenteeEntity, { id: menteeId });
  }

  hasOpenApplication(tx: ReadTransaction, email: string): Promise<boolean> {
    return entityManagerOf(tx).existsBy(MenteeEntity, { email, status: In([...OPEN_MENTEE_STATUSES]) });
  }

  async insert(tx: Transaction, mentee: Mentee): Promise<void> {
    await entityManagerOf(tx).insert(MenteeEntity, mentee);
  }

  async save(tx: Transaction, mentee: Mentee): Promise<void> {
    await entityManagerOf(tx).save(MenteeEntity, mentee);
  }

  countHoldingPlaces(tx: ReadTransaction, cohortId: string): Promise<number> {
    return entityManagerOf(tx).count(MenteeEntity, { where: { cohortId, status: In([...PLACE_HOLDING_STATUSES]) } });
  }

  lockFirstWaitlisted(tx: Transaction, cohortId: string, take: number): Promise<Mentee[]> {
    return entityManagerOf(tx).find(MenteeEntity, { where: { cohortId, status: 'waitlisted' }, order: { appliedAt: 'ASC', id: 'ASC' }, take, lock: FOR_UPDATE });
  }

  async waitlistPosition(tx: ReadTransaction, mentee: Mentee): Promise<number> {
    const [row] = await entityManagerOf(tx).query(
      `SELECT count(*)::int AS ahead FROM mentees
        WHERE cohort_id = $1 AND status = 'waitlisted' AND (applied_at, id) < ($2, $3)`,
      [mentee.cohortId, mentee.appliedAt, mentee.id],
    );
    return row.ahead + 1;
  }

  async erase(tx: Transaction, menteeId: string, at: Date): Promise<void> {
    await entityManagerOf(tx).update(MenteeEntity, menteeId, {
      name: null,
      email: null,
      phone: null,
      motivation: null,
      statusReason: null,
      countryOfOrigin: null,
      municipality: null,
      lastOccupation: null,
      education: null,
      skills: [],
      availability: [],
      erasedAt: at,
    });
  }

  page(tx: ReadTransaction, page: PageRequest, filter: MenteeFilter): Promise<Page<Mentee>> {
    const where: FindOptionsWhere<MenteeEntity> = { erasedAt: IsNull() };
    if (filter.status) where.status = filter.status as MenteeEntity['status'];
    if (filter.cohortId) where.cohortId = filter.cohortId;
    if (filter.referringOrganisationId) where.referringOrganisationId = filter.referringOrganisationId;
    return pageOf(entityManagerOf(tx), MenteeEntity, page, where, { appliedAt: 'ASC', id: 'ASC' });
  }
}
