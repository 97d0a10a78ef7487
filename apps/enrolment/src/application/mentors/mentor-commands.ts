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
import { In } from 'typeorm';
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
import { OutgoingEvent } from '@cmp/messaging';
import { CohortEntity, MentorEntity, OrganisationEntity } from '../../infrastructure/entities';
import { Actor, EnrolmentTransaction, EnrolmentUnitOfWork, RunOptions } from '../enrolment-unit-of-work';

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
  constructor(private readonly unitOfWork: EnrolmentUnitOfWork) {}

  /** A dry run answers as the registration would (every check, the same errors) and keeps nothing. */
  register(actor: Actor, command: RegisterMentorCommand, options: RunOptions = {}): Promise<MentorEntity> {
    return this.unitOfWork.run(actor, async (tx) => {
      assertCapacity(command.capacity);
      assertAvailability(command.availability);
      if (!(await tx.manager.existsBy(OrganisationEntity, { id: command.employerOrganisationId }))) {
        throw new NotFoundError('organisation', command.employerOrganisationId);
      }
      await assertCohortsExist(tx, command.cohortIds);
      const mentor = tx.manager.create(MentorEntity, {
        id: randomUUID(),
        ...command,
        municipality: command.municipality ?? null,
        status: 'active',
        erasedAt: null,
      });
      await tx.manager.insert(MentorEntity, mentor);
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

  update(actor: Actor, mentorId: string, command: UpdateMentorCommand): Promise<MentorEntity> {
    return this.unitOfWork.run(actor, async (tx) => {
      const mentor = await lockMentor(tx, mentorId);
      assertMentorEditable(mentor.status);
      const fields = Object.keys(command).filter((field) => command[field as keyof UpdateMentorCommand] !== undefined);
      if (fields.length === 0) throw new InvalidRequestError('nothing to change');
      if (command.capacity !== undefined) assertCapacity(command.capacity);
      if (command.availability) assertAvailability(command.availability);
      if (command.cohortIds) await assertCohortsExist(tx, command.cohortIds);
      Object.assign(mentor, Object.fromEntries(fields.map((field) => [field, command[field as keyof UpdateMentorCommand]])));
      await tx.manager.save(mentor);
      tx.record('mentor.updated', 'mentor', mentor.id, fields);
      tx.emit({ contract: MentorUpdated, key: mentor.id, data: { mentorId: mentor.id, profile: mentorProfile(mentor) } });
      return mentor;
    });
  }

  pause(actor: Actor, mentorId: string): Promise<MentorEntity> {
    return this.changeStatus(actor, mentorId, pauseMentor, 'mentor.paused', { contract: MentorPaused, key: mentorId, data: { mentorId } });
  }

  resume(actor: Actor, mentorId: string): Promise<MentorEntity> {
    return this.changeStatus(actor, mentorId, resumeMentor, 'mentor.resumed', { contract: MentorResumed, key: mentorId, data: { mentorId } });
  }

  withdraw(actor: Actor, mentorId: string, reason: string): Promise<MentorEntity> {
    return this.changeStatus(actor, mentorId, withdrawMentor, 'mentor.withdrew', { contract: MentorWithdrew, key: mentorId, data: { mentorId, reason } });
  }

  private changeStatus<T extends object>(
    actor: Actor,
    mentorId: string,
    transition: (status: MentorStatus) => MentorStatus,
    action: string,
    event: OutgoingEvent<T>,
  ): Promise<MentorEntity> {
    return this.unitOfWork.run(actor, async (tx) => {
      const mentor = await lockMentor(tx, mentorId);
      mentor.status = transition(mentor.status);
      await tx.manager.save(mentor);
      tx.record(action, 'mentor', mentor.id, ['status']);
      tx.emit(event);
      return mentor;
    });
  }
}

export function mentorProfile(mentor: MentorEntity): MentorProfile {
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

async function lockMentor(tx: EnrolmentTransaction, mentorId: string): Promise<MentorEntity> {
  const mentor = await tx.manager.findOne(MentorEntity, { where: { id: mentorId }, lock: { mode: 'pessimistic_write' } });
  if (!mentor || mentor.erasedAt) throw new NotFoundError('mentor', mentorId);
  return mentor;
}

async function assertCohortsExist(tx: EnrolmentTransaction, cohortIds: string[]): Promise<void> {
  const unique = [...new Set(cohortIds)];
  const found = await tx.manager.countBy(CohortEntity, { id: In(unique) });
  if (found !== unique.length) throw new InvalidRequestError('cohortIds names a cohort that does not exist');
}
