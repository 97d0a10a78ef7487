import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { MATCH_END_REASONS, MatchEndReason } from '@cmp/contracts';
import { MATCH_STATUSES, MatchStatus } from '../application/matches/match.repository';

export class RejectRequest {
  @IsString() @Length(1, 500) readonly reason: string;
}

export class SetPairRequest {
  @IsUUID() readonly menteeId: string;
  @IsUUID() readonly mentorId: string;
}

export class EndMatchRequest {
  @IsIn(MATCH_END_REASONS) readonly reason: MatchEndReason;
}

export class MatchListQuery {
  @IsOptional() @IsIn(MATCH_STATUSES) readonly status?: MatchStatus;
}
