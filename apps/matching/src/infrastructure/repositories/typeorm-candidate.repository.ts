import type { MenteeProfile, MentorProfile } from '@cmp/contracts';
import { Injectable } from '@nestjs/common';
import { IsNull, Not } from 'typeorm';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import { entityManagerOf } from '@cmp/messaging';
import {
  CandidateRepository,
  ForbiddenPair,
  MenteeStatus,
  MentorOnRecord,
  MentorStatus,
} from '../../application/candidates/candidate.repository';
import type { MenteeCandidate } from '../../domain/candidate';
import { pairKey } from '../../domain/draft';
import { ForbiddenPairEntity } from '../entities/forbidden-pair.entity';
import { MenteeEntity } from '../entities/mentee.entity';
import { MentorEntity } from '../entities/mentor.entity';

@Injectable()
export class TypeOrmCandidateRepository extends CandidateRepository {
  async placeMentee(
    tx: Transaction,
    mentee: { readonly id: string; readonly cohortId: string; readonly referringOrganisationId: string | null; readonly profile: MenteeProfile },
  ): Promise<void> {
    await entityManagerOf(tx).upsert(MenteeEntity, { ...mentee, status: 'placed' }, ['id']);
  }

  async setMenteeStatus(tx: Transaction, menteeId: string, status: MenteeStatus): Promise<void> {
    await entityManagerOf(tx).update(MenteeEntity, { id: menteeId }, { status });
  }

  async eraseMentee(tx: Transaction, menteeId: string): Promise<void> {
    await entityManagerOf(tx).update(MenteeEntity, { id: menteeId }, { profile: null, status: 'erased' });
  }

  async mentorStatus(tx: ReadTransaction, mentorId: string): Promise<MentorStatus | null> {
    return (await entityManagerOf(tx).findOneBy(MentorEntity, { id: mentorId }))?.status ?? null;
  }

  async saveMentor(tx: Transaction, mentor: { readonly id: string; readonly profile: MentorProfile; readonly status: MentorStatus }): Promise<void> {
    await entityManagerOf(tx).upsert(MentorEntity, { ...mentor }, ['id']);
  }

  async setMentorStatus(tx: Transaction, mentorId: string, status: MentorStatus, from?: MentorStatus): Promise<void> {
    await entityManagerOf(tx).update(MentorEntity, { id: mentorId, ...(from ? { status: from } : {}) }, { status });
  }

  async eraseMentor(tx: Transaction, mentorId: string): Promise<void> {
    await entityManagerOf(tx).update(MentorEntity, { id: mentorId }, { profile: null, status: 'withdrawn' });
  }

  async placedMentees(tx: ReadTransaction, cohortId: string): Promise<MenteeCandidate[]> {
    const mentees = await entityManagerOf(tx).find(MenteeEntity, { where: { cohortId, status: 'placed', profile: Not(IsNull()) }, order: { id: 'ASC' } });
    return mentees.map((mentee) => ({ id: mentee.id, referringOrganisationId: mentee.referringOrganisationId, profile: mentee.profile as MenteeProfile }));
  }

  async mentorsOnRecord(tx: ReadTransaction): Promise<MentorOnRecord[]> {
    const mentors = await entityManagerOf(tx).find(MentorEntity, { where: { profile: Not(IsNull()) }, order: { id: 'ASC' } });
    return mentors.map((mentor) => ({ id: mentor.id, status: mentor.status, profile: mentor.profile as MentorProfile }));
  }

  async forbiddenPairs(tx: ReadTransaction, cohortId: string): Promise<Set<string>> {
    const pairs = await entityManagerOf(tx).findBy(ForbiddenPairEntity, { cohortId });
    return new Set(pairs.map((pair) => pairKey(pair.menteeId, pair.mentorId)));
  }

  isForbidden(tx: ReadTransaction, pair: ForbiddenPair): Promise<boolean> {
    return entityManagerOf(tx).existsBy(ForbiddenPairEntity, { ...pair });
  }

  async forbid(tx: Transaction, pair: ForbiddenPair): Promise<void> {
    await entityManagerOf(tx).upsert(ForbiddenPairEntity, { ...pair }, ['cohortId', 'menteeId', 'mentorId']);
  }
}
