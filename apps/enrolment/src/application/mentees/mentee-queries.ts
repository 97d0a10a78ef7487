import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@cmp/kernel';
import { NotFoundError } from '../../domain/enrolment-error';
import type { Page, PageRequest } from '../page';
import { Mentee, MenteeFilter, MenteeRepository } from './mentee.repository';

/** Erased mentees are neither listed nor found. */
@Injectable()
export class MenteeQueries {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly mentees: MenteeRepository,
  ) {}

  list(page: PageRequest, filter: MenteeFilter): Promise<Page<Mentee>> {
    return this.unitOfWork.read((tx) => this.mentees.page(tx, page, filter));
  }

  get(menteeId: string): Promise<Mentee> {
    return this.unitOfWork.read(async (tx) => {
      const mentee = await this.mentees.find(tx, menteeId);
      if (!mentee || mentee.erasedAt) throw new NotFoundError('mentee', menteeId);
      return mentee;
    });
  }
}
