import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUrl, Length, Matches, ValidateNested } from 'class-validator';
import {
  NO_SHOW_PARTIES,
  NoShowParty,
  SESSION_MODES,
  SESSION_PARTICIPANTS,
  SESSION_THEMES,
  SessionMode,
  SessionParticipant,
  SessionTheme,
} from '@cmp/contracts';
import { MAX_PROPOSED_SLOTS } from '../domain/session';

/** Instants must carry their offset, so nobody's local clock is guessed at. */
const WITH_OFFSET = /(Z|[+-]\d\d:\d\d)$/;
const OFFSET_MESSAGE = 'must be an ISO 8601 instant with Z or an offset, e.g. 2027-03-02T16:00:00Z';

export class TimeSlotRequest {
  @IsISO8601({ strict: true }) @Matches(WITH_OFFSET, { message: `startsAt ${OFFSET_MESSAGE}` }) readonly startsAt: string;
  @IsISO8601({ strict: true }) @Matches(WITH_OFFSET, { message: `endsAt ${OFFSET_MESSAGE}` }) readonly endsAt: string;
}

export class InstantRequest {
  @IsISO8601({ strict: true }) @Matches(WITH_OFFSET, { message: `startsAt ${OFFSET_MESSAGE}` }) readonly startsAt: string;
}

export class ProposeSessionRequest {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_PROPOSED_SLOTS) @ValidateNested({ each: true }) @Type(() => TimeSlotRequest) readonly slots: TimeSlotRequest[];
  @IsIn(SESSION_MODES) readonly mode: SessionMode;
  /** In person: where, e.g. a café's address. */
  @IsOptional() @IsString() @Length(1, 300) readonly place?: string;
  /** Online: the meeting link. */
  @IsOptional() @IsUrl({ protocols: ['https'], require_protocol: true }) readonly link?: string;
  @IsOptional() @IsIn(SESSION_THEMES) readonly theme?: SessionTheme;
  /** Coordinators only: which of the pair the proposal is from. */
  @IsOptional() @IsIn(SESSION_PARTICIPANTS) readonly onBehalfOf?: SessionParticipant;
}

export class ConfirmSessionRequest extends InstantRequest {}

export class RescheduleSessionRequest extends TimeSlotRequest {
  @IsOptional() @IsString() @Length(1, 500) readonly reason?: string;
  /** Coordinators only: which of the pair asked for the new time. */
  @IsOptional() @IsIn(SESSION_PARTICIPANTS) readonly onBehalfOf?: SessionParticipant;
}

export class CancelSessionRequest {
  @IsString() @Length(1, 500) readonly reason: string;
}

/** The short log of a session held. */
export class CompleteSessionRequest {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @IsString({ each: true }) @Length(1, 200, { each: true }) readonly topics: string[];
  @IsString() @Length(0, 2000) readonly nextSteps: string;
  /** People or companies the mentor introduced the mentee to. */
  @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 200, { each: true }) readonly introductions: string[];
}

export class NoShowRequest {
  @IsIn(NO_SHOW_PARTIES) readonly absent: NoShowParty;
}
