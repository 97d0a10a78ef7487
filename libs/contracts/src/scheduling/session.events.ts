import { ArrayMinSize, IsArray, IsDateString, IsIn, IsInt, IsOptional, IsString, IsUrl, IsUUID, Length, Min } from 'class-validator';
import { defineEvent } from '../envelope/event-contract';
import { Nested } from '../enrolment/profile-facts';
import { SESSION_THEMES, SessionTheme } from './plan.events';

export const SESSION_PARTICIPANTS = ['mentor', 'mentee'] as const;
export type SessionParticipant = (typeof SESSION_PARTICIPANTS)[number];

export const SESSION_MODES = ['in-person', 'online'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

/** Who a session is between; every session event carries it so consumers need no lookup. */
export class SessionPartiesData {
  @IsUUID() sessionId: string;
  @IsUUID() matchId: string;
  @IsUUID() cohortId: string;
  @IsUUID() menteeId: string;
  @IsUUID() mentorId: string;
}

export class SessionSlot {
  /** UTC instants. */
  @IsDateString() startsAt: string;
  @IsDateString() endsAt: string;
}

/** Where a session happens: a place for in-person sessions, a link for online ones. */
export class SessionVenueData extends SessionPartiesData {
  @IsIn(SESSION_MODES) mode: SessionMode;
  /** In-person: the place, e.g. a café's address. */
  @IsOptional() @IsString() @Length(1, 300) place?: string;
  /** Online: the meeting link. */
  @IsOptional() @IsUrl({ protocols: ['https'], require_protocol: true }) link?: string;
  @IsOptional() @IsIn(SESSION_THEMES) theme?: SessionTheme;
}

export class SessionProposedData extends SessionVenueData {
  @IsIn(SESSION_PARTICIPANTS) proposedBy: SessionParticipant;
  @IsArray() @ArrayMinSize(1) @Nested(() => SessionSlot, { each: true }) slots: SessionSlot[];
}
export const SessionProposed = defineEvent('dk.cmp.scheduling.session-proposed.v1', SessionProposedData);

/**
 * The time of a session is agreed. `sequence` is the iCalendar SEQUENCE of the session's
 * calendar entry (uid `<sessionId>@cmp`), so an invitation built from any later event replaces
 * the earlier one in the recipient's calendar.
 */
export class SessionConfirmedData extends SessionVenueData {
  @IsDateString() startsAt: string;
  @IsDateString() endsAt: string;
  @IsInt() @Min(0) sequence: number;
}
export const SessionConfirmed = defineEvent('dk.cmp.scheduling.session-confirmed.v1', SessionConfirmedData);

export class SessionRescheduledData extends SessionConfirmedData {
  @IsDateString() previousStartsAt: string;
  @IsIn(SESSION_PARTICIPANTS) rescheduledBy: SessionParticipant;
}
export const SessionRescheduled = defineEvent('dk.cmp.scheduling.session-rescheduled.v1', SessionRescheduledData);

export const SESSION_CANCELLERS = ['mentor', 'mentee', 'coordinator', 'system'] as const;
export type SessionCanceller = (typeof SESSION_CANCELLERS)[number];

export class SessionCancelledData extends SessionPartiesData {
  /** The agreed time, when the session had one. */
  @IsOptional() @IsDateString() startsAt?: string;
  @IsOptional() @IsDateString() endsAt?: string;
  @IsInt() @Min(0) sequence: number;
  @IsIn(SESSION_CANCELLERS) cancelledBy: SessionCanceller;
  @IsString() @Length(1, 500) reason: string;
}
export const SessionCancelled = defineEvent('dk.cmp.scheduling.session-cancelled.v1', SessionCancelledData);

/** A session took place. The log's text stays in scheduling; only counts travel. */
export class SessionCompletedData extends SessionPartiesData {
  @IsDateString() startsAt: string;
  @IsDateString() endsAt: string;
  @IsOptional() @IsIn(SESSION_THEMES) theme?: SessionTheme;
  @IsInt() @Min(0) introductionsMade: number;
  /** How many sessions the pair has now held. */
  @IsInt() @Min(1) sessionsHeld: number;
}
export const SessionCompleted = defineEvent('dk.cmp.scheduling.session-completed.v1', SessionCompletedData);

export const NO_SHOW_PARTIES = ['mentor', 'mentee', 'both'] as const;
export type NoShowParty = (typeof NO_SHOW_PARTIES)[number];

export class SessionNoShowData extends SessionPartiesData {
  @IsDateString() startsAt: string;
  @IsIn(NO_SHOW_PARTIES) absent: NoShowParty;
}
export const SessionNoShow = defineEvent('dk.cmp.scheduling.session-no-show.v1', SessionNoShowData);
