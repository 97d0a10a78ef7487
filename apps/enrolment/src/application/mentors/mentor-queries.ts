import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@cmp/kernel';
import { NotFoundError } from '../../domain/enrolment-error';
import type { Page, PageRequest } from '../page';
import { Mentor, MentorFilter, MentorRepository } from './mentor.repository';

/** Erased mentors are neither listed nor found. */
@Injectable()
export class MentorQueries {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly mentors: MentorRepository,
  ) {}

  list(page: PageRequest, filter: MentorFilter): Promise<Page<Mentor>> {
    return this.unitOfWork.read((tx) => this.mentors.page(tx, page, filter));
  }

  get(mentorId: string): Promise<Mentor> {
    return this.unitOfWork.read(async (tx) => {
      const mentor = await this.mentors.find(tx, mentorId);
      if (!mentor || mentor.erasedAt) throw new NotFoundError('mentor', mentorId);
      return mentor;
    });
  }
}
