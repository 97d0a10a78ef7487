import { IsDateString, IsUUID } from 'class-validator';
import { defineEvent } from '../envelope/event-contract';

/** The four-month programme of a pair reached its end. */
export class MentorshipCompletedData {
  @IsUUID() matchId: string;
  @IsUUID() cohortId: string;
  @IsUUID() menteeId: string;
  @IsUUID() mentorId: string;
  /** Date (Europe/Copenhagen) the programme ended. */
  @IsDateString({ strict: true }) completedOn: string;
}
export const MentorshipCompleted = defineEvent('dk.cmp.scheduling.mentorship-completed.v1', MentorshipCompletedData);
