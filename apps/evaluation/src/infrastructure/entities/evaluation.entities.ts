import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SurveyQuestion } from '../../domain/surveys/survey-question';

/** The only link between a pseudonymous key and a person; erasure sets `personId` to null. */
@Entity('people')
export class PersonEntity {
  @PrimaryColumn('uuid') key: string;
  @Column('uuid', { nullable: true }) personId: string | null;
  @Column('text', { nullable: true }) role: string | null;
  @Column('boolean') followUpConsent: boolean;
  @Column('boolean') shareOutcomesConsent: boolean;
  @Column('timestamptz', { nullable: true }) erasedAt: Date | null;
}

@Entity('cohorts')
export class CohortEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('date') startsOn: string;
  @Column('date') endsOn: string;
}

@Entity('participants')
export class ParticipantEntity {
  @PrimaryColumn('uuid') personKey: string;
  @PrimaryColumn('uuid') cohortId: string;
  @Column('uuid', { nullable: true }) referringOrganisationId: string | null;
  @Column('boolean') placed: boolean;
  @Column('boolean') matched: boolean;
  @Column('boolean') withdrawn: boolean;
  @Column('date', { nullable: true }) completedOn: string | null;
}

@Entity('mentorships')
export class MentorshipEntity {
  @PrimaryColumn('uuid') matchId: string;
  @Column('uuid') cohortId: string;
  @Column('uuid') menteeKey: string;
  @Column('uuid') mentorKey: string;
  @Column('text') status: 'confirmed' | 'ended' | 'completed';
  @Column('date', { nullable: true }) startsOn: string | null;
  @Column('date', { nullable: true }) endsOn: string | null;
  @Column('date', { nullable: true }) completedOn: string | null;
  @Column('int', { nullable: true }) sessionsHeld: number | null;
}

@Entity('surveys')
export class SurveyEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') slug: string;
  @Column('int') version: number;
  @Column('text') title: string;
  @Column('jsonb') questions: SurveyQuestion[];
  @Column('timestamptz') createdAt: Date;
  @Column('text') createdBy: string;
}

@Entity('scheduled_surveys')
export class ScheduledSurveyEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') kind: string;
  @Column('uuid') matchId: string;
  @Column('uuid') cohortId: string;
  @Column('timestamptz') dueAt: Date;
  @Column('text') status: 'pending' | 'sent' | 'cancelled';
}

export type InvitationStatus = 'sent' | 'answered' | 'expired' | 'withdrawn';

@Entity('invitations')
export class InvitationEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') surveyId: string;
  @Column('text') kind: string;
  @Column('uuid') personKey: string;
  @Column('text') role: string;
  @Column('uuid') cohortId: string;
  @Column('uuid', { nullable: true }) matchId: string | null;
  @Column('text') status: InvitationStatus;
  @Column('timestamptz') sentAt: Date;
  @Column('timestamptz', { nullable: true }) remindAt: Date | null;
  @Column('timestamptz', { nullable: true }) remindedAt: Date | null;
  @Column('timestamptz') expiresAt: Date;
  @Column('timestamptz', { nullable: true }) answeredAt: Date | null;
  @Column('timestamptz', { nullable: true }) closedAt: Date | null;
}

/** Only the SHA-256 of a link's token is kept; a reminder adds a fresh token beside the first. */
@Entity('invitation_tokens')
export class InvitationTokenEntity {
  @PrimaryColumn('text') tokenHash: string;
  @Column('uuid') invitationId: string;
  @Column('timestamptz') issuedAt: Date;
}

@Entity('responses')
export class ResponseEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') invitationId: string;
  @Column('uuid') surveyId: string;
  @Column('text') kind: string;
  @Column('uuid') cohortId: string;
  @Column('text') role: string;
  @Column('jsonb') answers: Record<string, unknown>;
  @Column('int', { nullable: true }) satisfaction: number | null;
  @Column('int', { nullable: true }) recommendation: number | null;
  @Column('timestamptz') answeredAt: Date;
}

@Entity('outcomes')
export class OutcomeEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') personKey: string;
  @Column('uuid') cohortId: string;
  @Column('text') status: string;
  @Column('text', { nullable: true }) hours: string | null;
  @Column('text', { nullable: true }) terms: string | null;
  @Column('text', { nullable: true }) sector: string | null;
  @Column('text', { nullable: true }) occupation: string | null;
  @Column('boolean', { nullable: true }) throughMentorNetwork: boolean | null;
  @Column('date', { nullable: true }) startedOn: string | null;
  @Column('date') reportedOn: string;
  @Column('text') source: 'survey' | 'coordinator';
  @Column('text', { nullable: true }) sourceNote: string | null;
  @Column('int', { nullable: true }) followUpMonths: number | null;
  @Column('uuid', { nullable: true }) invitationId: string | null;
  @Column('timestamptz') recordedAt: Date;
  @Column('text') recordedBy: string;
}

@Entity('published_reports')
export class PublishedReportEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid') cohortId: string;
  @Column('jsonb') kpis: object;
  @Column('timestamptz') publishedAt: Date;
  @Column('text') publishedBy: string;
}

export const EVALUATION_ENTITIES = [
  PersonEntity,
  CohortEntity,
  ParticipantEntity,
  MentorshipEntity,
  SurveyEntity,
  ScheduledSurveyEntity,
  InvitationEntity,
  InvitationTokenEntity,
  ResponseEntity,
  OutcomeEntity,
  PublishedReportEntity,
];
