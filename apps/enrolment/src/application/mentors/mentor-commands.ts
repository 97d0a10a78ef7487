import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  AvailabilityWindow,
  ContactPublished,
  LanguageSkill,
  MentorPaused,
  MentorProfile,
  MentorRegistered,
  MentorResumed,
  MentorUpdated,
  MentorWithdrew,
  MessageLanguage,
} from '@cmp/contracts';
import { type PendingEvent, type RunOptions, type Transaction, UnitOfWork } from '@cmp/kernel';
import { InvalidRequestError, NotFoundError } from '../../domain/enrolment-error';
import {
  assertAvailability,
  assertCapacity,
  assertMentorEditable,
  MentorStatus,
  pauseMentor,
  resumeMentor,
  withdrawMentor,
} from '../../domain/mentor-availability';
import { CohortRepository } from '../cohorts/cohort.repository';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { Mentor, MentorRepository } from './mentor.repository';

export interface RegisterMentorCommand {
  readonly name: string;
  readonly email: string;
  readonly preferredLanguage: MessageLanguage;
  readonly employerOrganisationId: string;
  readonly occupation: string;
  readonly industry: string;
  readonly yearsOfExperience: number;
  readonly languages: LanguageSkill[];
  readonly expertise: string[];
  readonly capacity: number;
  readonly availability: AvailabilityWindow[];
  readonly cohortIds: string[];
  readonly municipality?: string;
}

export type UpdateMentorCommand = Partial<Pick<RegisterMentorCommand, 'capacity' | 'availability' | 'cohortIds' | 'expertise' | 'languages' | 'occupation' | 'industry' | 'yearsOfExperience' | 'municipality'>>;

@Injectable()
export class MentorCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly mentors: MentorRepository,
    private readonly organisations: OrganisationRepository,
    private readonly cohorts: CohortRepository,
  ) {}

  /** A dry run answers as the registration would (every check, the same errors) and keeps nothing. */
  register(actor: string, command: RegisterMentorCommand, options: RunOptions = {}): Promise<Mentor> {
    return this.unitOfWork.run(actor, async (tx) => {
      assertCapacity(command.capacity);
      assertAvailability(command.availability);
      if (!(await this.organisations.find(tx, command.employerOrganisationId))) {
        throw new NotFoundError('organisation', command.employerOrganisationId);
      }
      await this.assertCohortsExist(tx, command.cohortIds);
      const mentor = await this.mentors.insert(tx, {
        id: randomUUID(),
        ...command,
        municipality: command.municipality ?? null,
        status: 'active',
        erasedAt: null,
      });
      tx.record('mentor.registered', 'mentor', mentor.id, Object.keys(command));
      tx.emit({ contract: MentorRegistered, key: mentor.id, data: { mentorId: mentor.id, profile: mentorProfile(mentor) } });
      tx.emit({
        contract: ContactPublished,
        key: mentor.id,
        data: { personId: mentor.id, role: 'mentor', name: command.name, email: command.email, preferredLanguage: command.preferredLanguage },
      });
      return mentor;
    }, options);
  }

  update(actor: string, mentorId: string, command: UpdateMentorCommand): Promise<Mentor> {
    return this.unitOfWork.run(actor, async (tx) => {
      const mentor = await this.lockMentor(tx, mentorId);
      assertMentorEditable(mentor.status);
      const fields = Object.keys(command).filter((field) => command[field as keyof UpdateMentorCommand] !== undefined);
      if (fields.length === 0) throw new InvalidRequestError('nothing to change');
      if (command.capacity !== undefined) assertCapacity(command.capacity);
      if (command.availability) assertAvailability(command.availability);
      if (command.cohortIds) await this.assertCohortsExist(tx, command.cohortIds);
      Object.assign(mentor, Object.fromEntries(fields.map((field) => [field, command[field as keyof UpdateMentorCommand]])));
      await this.mentors.save(tx, mentor);
      tx.record('mentor.updated', 'mentor', mentor.id, fields);
      tx.emit({ contract: MentorUpdated, key: mentor.id, data: { mentorId: mentor.id, profile: mentorProfile(mentor) } });
      return mentor;
    });
  }

  pause(actor: string, mentorId: string): Promise<Mentor> {
    return this.changeStatus(actor, mentorId, pauseMentor, 'mentor.paused', { contract: MentorPaused, key: mentorId, data: { mentorId } });
  }

  resume(actor: string, mentorId: string): Promise<Mentor> {
    return this.changeStatus(actor, mentorId, resumeMentor, 'mentor.resumed', { contract: MentorResumed, key: mentorId, data: { mentorId } });
  }

  withdraw(actor: string, mentorId: string, reason: string): Promise<Mentor> {
    return this.changeStatus(actor, mentorId, withdrawMentor, 'mentor.withdrew', { contract: MentorWithdrew, key: mentorId, data: { mentorId, reason } });
  }

  private changeStatus<T extends object>(
    actor: string,
    mentorId: string,
    transition: (status: MentorStatus) => MentorStatus,
    action: string,
    event: PendingEvent<T>,
  ): Promise<Mentor> {
    return this.unitOfWork.run(actor, async (tx) => {
      const mentor = await this.lockMentor(tx, mentorId);
      mentor.status = transition(mentor.status);
      await this.mentors.save(tx, mentor);
      tx.record(action, 'mentor', mentor.id, ['status']);
      tx.emit(event);
      return mentor;
    });
  }

  /** An erased mentor is as good as unknown. */
  private async lockMentor(tx: Transaction, mentorId: string): Promise<Mentor> {
    const mentor = await this.mentors.lock(tx, mentorId);
    if (!mentor || mentor.erasedAt) throw new NotFoundError('mentor', mentorId);
    return mentor;
  }

  private async assertCohortsExist(tx: Transaction, cohortIds: string[]): Promise<void> {
    const unique = [...new Set(cohortIds)];
    if ((await this.cohorts.countExisting(tx, unique)) !== unique.length) throw new InvalidRequestError('cohortIds names a cohort that does not exist');
  }
}

/** What matching may know of a mentor: profile facts, no contact details. */
export function mentorProfile(mentor: Mentor): MentorProfile {
  return {
    employerOrganisationId: mentor.employerOrganisationId,
    occupation: mentor.occupation,
    industry: mentor.industry,
    yearsOfExperience: mentor.yearsOfExperience,
    languages: mentor.languages,
    expertise: mentor.expertise,
    capacity: mentor.capacity,
    availability: mentor.availability,
    cohortIds: mentor.cohortIds,
    municipality: mentor.municipality ?? undefined,
  };
}
