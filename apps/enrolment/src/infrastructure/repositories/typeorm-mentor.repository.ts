import { Injectable } from '@nestjs/common';
import { FindOptionsWhere, IsNull } from 'typeorm';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import { entityManagerOf } from '@cmp/messaging';
import { Mentor, MentorFilter, MentorRepository } from '../../application/mentors/mentor.repository';
import type { Page, PageRequest } from '../../application/page';
import { MentorEntity } from '../entities';
import { pageOf } from './page-of';

@Injectable()
export class TypeOrmMentorRepository extends MentorRepository {
  find(tx: ReadTransaction, mentorId: string): Promise<Mentor | null> {
    return entityManagerOf(tx).findOneBy(MentorEntity, { id: mentorId });
  }

  lock(tx: Transaction, mentorId: string): Promise<Mentor | null> {
    return entityManagerOf(tx).findOne(MentorEntity, { where: { id: mentorId }, lock: { mode: 'pessimistic_write' } });
  }

  exists(tx: ReadTransaction, mentorId: string): Promise<boolean> {
    return entityManagerOf(tx).existsBy(MentorEntity, { id: mentorId });
  }

  async insert(tx: Transaction, mentor: Omit<Mentor, 'createdAt'>): Promise<Mentor> {
    const manager = entityManagerOf(tx);
    const entity = manager.create(MentorEntity, mentor);
    await manager.insert(MentorEntity, entity);
    return entity;
  }

  async save(tx: Transaction, mentor: Mentor): Promise<void> {
    await entityManagerOf(tx).save(MentorEntity, mentor);
  }

  async erase(tx: Transaction, mentorId: string, at: Date): Promise<void> {
    await entityManagerOf(tx).update(MentorEntity, mentorId, {
      name: null,
      email: null,
      expertise: [],
      availability: [],
      municipality: null,
      status: 'withdrawn',
      erasedAt: at,
    });
  }

  page(tx: ReadTransaction, page: PageRequest, filter: MentorFilter): Promise<Page<Mentor>> {
    const where: FindOptionsWhere<MentorEntity> = { erasedAt: IsNull() };
    if (filter.status) where.status = filter.status as MentorEntity['status'];
    if (filter.employerOrganisationId) where.employerOrganisationId = filter.employerOrganisationId;
    return pageOf(entityManagerOf(tx), MentorEntity, page, where, { createdAt: 'ASC', id: 'ASC' });
  }
}
