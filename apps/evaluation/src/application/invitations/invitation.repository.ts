import type { PersonRole, SurveyKind } from '@cmp/contracts';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import type { Answers, SurveyQuestion } from '../../domain/surveys/survey-question';

export type InvitationStatus = 'sent' | 'answered' | 'expired' | 'withdrawn';

export interface Invitation {
  readonly id: string;
  readonly surveyId: string;
  readonly kind: SurveyKind;
  readonly personKey: string;
  readonly role: PersonRole;
  readonly cohortId: string;
  readonly matchId: string | null;
  readonly status: InvitationStatus;
  readonly sentAt: Date;
  readonly remindAt: Date | null;
  readonly remindedAt: Date | null;
  readonly expiresAt: Date;
  readonly answeredAt: Date | null;
  readonly closedAt: Date | null;
}

export interface SurveyResponse {
  readonly id: string;
  readonly invitationId: string;
  readonly surveyId: string;
  readonly kind: SurveyKind;
  readonly cohortId: string;
  readonly role: PersonRole;
  readonly answers: Answers;
  readonly satisfaction: number | null;
  readonly recommendation: number | null;
  readonly answeredAt: Date;
}

/** A stored response with the questions it answered, so free text can be told apart. */
export interface AnsweredQuestions {
  readonly responseId: string;
  readonly answers: Answers;
  readonly questions: SurveyQuestion[];
}

/** How many of a cohort's invitations of one kind are in one status. */
export interface InvitationCount {
  readonly kind: string;
  readonly status: InvitationStatus;
  readonly count: number;
}

/** Invitations, the hashes of their link tokens, and the one response each may get. */
export abstract class InvitationRepository {
  /** Adds the invitation unless the person already has one of its kind in its cohort; says whether it was added. */
  abstract addIfNew(tx: Transaction, invitation: Invitation): Promise<boolean>;
  abstract addToken(tx: Transaction, tokenHash: string, invitationId: string, issuedAt: Date): Promise<void>;
  /**
   * The invitation a link's token hash belongs to. `lock` holds the invitation's row until the
   * transaction ends, so two simultaneous answers queue and the second sees the first.
   */
  abstract byTokenHash(tx: ReadTransaction, tokenHash: string, options: { lock: boolean }): Promise<Invitation | null>;
  abstract markAnswered(tx: Transaction, invitationId: string, at: Date): Promise<void>;
  abstract markReminded(tx: Transaction, invitationId: string, at: Date): Promise<void>;
  abstract markExpired(tx: Transaction, invitationId: string, at: Date): Promise<void>;
  /**
   * Up to `limit` open, unreminded invitations whose reminder is due and that have not expired,
   * locked for this transaction and skipped by any other (so each reminder is sent once).
   */
  abstract claimDueReminders(tx: Transaction, now: Date, limit: number): Promise<Invitation[]>;
  /** Up to `limit` open invitations past their expiry, claimed like reminders. */
  abstract claimExpired(tx: Transaction, now: Date, limit: number): Promise<Invitation[]>;
  /** Deletes every link token of the person's invitations. */
  abstract deleteTokensOf(tx: Transaction, personKey: string): Promise<void>;
  abstract withdrawOpenOf(tx: Transaction, personKey: string, at: Date): Promise<void>;
  abstract countsOfCohort(tx: ReadTransaction, cohortId: string): Promise<InvitationCount[]>;
  abstract addResponse(tx: Transaction, response: SurveyResponse): Promise<void>;
  abstract responsesOf(tx: ReadTransaction, personKey: string): Promise<AnsweredQuestions[]>;
  abstract replaceAnswers(tx: Transaction, responseId: string, answers: Answers): Promise<void>;
}
