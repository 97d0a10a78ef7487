import { IsBoolean, IsDateString, IsInt, IsString, IsUUID, Length, Min } from 'class-validator';
import { defineEvent } from '../envelope/event-contract';

export class CohortScheduledData {
  @IsUUID() cohortId: string;
  @IsString() @Length(1, 200) name: string;
  /** First day of the programme (date, Europe/Copenhagen). */
  @IsDateString({ strict: true }) startsOn: string;
  /** Last day; by default four months after the start. */
  @IsDateString({ strict: true }) endsOn: string;
  @IsDateString({ strict: true }) applicationDeadline: string;
  /** Mentees the cohort can take. */
  @IsInt() @Min(1) capacity: number;
  /** No mentor may be matched with a mentee referred by the mentor's own employer. */
  @IsBoolean() excludeMentorsFromReferringOrganisation: boolean;
}
export const CohortScheduled = defineEvent('dk.cmp.enrolment.cohort-scheduled.v1', CohortScheduledData);

export class CohortOpenedData {
  @IsUUID() cohortId: string;
}
export const CohortOpened = defineEvent('dk.cmp.enrolment.cohort-opened.v1', CohortOpenedData);

/** Applications are closed: the cohort moves on to matching. */
export class CohortClosedData {
  @IsUUID() cohortId: string;
  /** Mentees placed in the cohort when it closed. */
  @IsInt() @Min(0) placedMentees: number;
}
export const CohortClosed = defineEvent('dk.cmp.enrolment.cohort-closed.v1', CohortClosedData);
