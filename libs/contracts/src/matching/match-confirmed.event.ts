import { IsDateString, IsUUID } from 'class-validator';
import { defineEvent } from '../envelope/event-contract';

/**
 * A coordinator confirmed a mentor–mentee pair: the mentorship starts. Enrolment marks the
 * mentee active; scheduling plans the programme; notifications introduces the two.
 */
export class MatchConfirmedData {
  @IsUUID() matchId: string;
  @IsUUID() cohortId: string;
  @IsUUID() menteeId: string;
  @IsUUID() mentorId: string;
  @IsDateString() confirmedAt: string;
}
export const MatchConfirmed = defineEvent('dk.cmp.matching.match-confirmed.v1', MatchConfirmedData);
