import type { NoShowParty, SessionCanceller, SessionMode, SessionParticipant, SessionTheme } from '@cmp/contracts';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import type { SessionStatus } from '../../domain/session';
import type { BookedSession } from '../../domain/session-slot-rules';

/** A proposed slot as kept: instants as ISO strings. */
export interface StoredSlot {
  readonly startsAt: string;
  readonly endsAt: string;
}

/** One meeting of a pair. The log's text (topics, next steps, introductions) is personal and erasable. */
export interface Session {
  readonly id: string;
  readonly planId: string;
  readonly matchId: string;
  readonly cohortId: string;
  readonly menteeId: string;
  readonly mentorId: string;
  readonly status: SessionStatus;
  readonly theme: SessionTheme | null;
  readonly mode: SessionMode;
  readonly place: string | null;
  readonly link: string | null;
  readonly proposedBy: SessionParticipant;
  readonly slots: readonly StoredSlot[];
  readonly startsAt: Date | null;
  readonly endsAt: Date | null;
  /** iCalendar SEQUENCE of the session's calendar entry. */
  readonly sequence: number;
  readonly cancelledBy: SessionCanceller | null;
  readonly cancelReason: string | null;
  readonly absent: NoShowParty | null;
  readonly topics: readonly string[] | null;
  readonly nextSteps: string | null;
  readonly introductions: readonly string[] | null;
  /** Kept when the log's text is erased, for the programme's anonymous counts. */
  readonly introductionsMade: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export type SessionStepAction = 'proposed' | 'confirmed' | 'rescheduled' | 'cancelled' | 'completed' | 'no-show';

/** One step of a session's history; rescheduling and cancelling never lose the earlier times. */
export interface SessionStep {
  readonly at: Date;
  readonly action: SessionStepAction;
  /** Who acted, as the gateway named them (`mentor:<id>`), or `system`. */
  readonly actor: string;
  readonly startsAt: Date | null;
  readonly endsAt: Date | null;
  readonly detail: Record<string, unknown> | null;
}

/** Per pair of a cohort: what happened to their sessions so far. */
export interface PairTally {
  readonly matchId: string;
  readonly held: number;
  readonly noShows: number;
  readonly cancelled: number;
  readonly lastHeldAt: Date | null;
  /** The next confirmed session after the given instant. */
  readonly nextAt: Date | null;
}

/** Sessions and their history. Methods named `lock…` hold the rows until the transaction ends. */
export abstract class SessionRepository {
  abstract byId(tx: ReadTransaction, sessionId: string): Promise<Session | null>;
  abstract lock(tx: Transaction, sessionId: string): Promise<Session | null>;
  /** The match's sessions in the order they were created. */
  abstract ofMatch(tx: ReadTransaction, matchId: string): Promise<Session[]>;
  /** The person's sessions in diary order, for their calendar feed. */
  abstract ofPerson(tx: ReadTransaction, personId: string, role: 'mentee' | 'mentor'): Promise<Session[]>;
  /** The plan's proposed and confirmed sessions. */
  abstract lockOpenOfPlan(tx: Transaction, planId: string): Promise<Session[]>;
  abstract add(tx: Transaction, session: Session): Promise<void>;
  abstract update(tx: Transaction, session: Session): Promise<void>;

  /**
   * Serialises bookings per person across all their mentorships (a mentor may have three), so
   * two requests cannot both pass the overlap check.
   */
  abstract lockDiariesOf(tx: Transaction, personIds: readonly string[]): Promise<void>;
  /** The person's confirmed sessions, except `excludeSessionId`. */
  abstract bookedBy(tx: ReadTransaction, personId: string, excludeSessionId: string | null): Promise<BookedSession[]>;

  abstract countHeld(tx: ReadTransaction, matchId: string): Promise<number>;
  /** The start of the last session the pair held, if any. */
  abstract lastHeldAt(tx: ReadTransaction, matchId: string): Promise<Date | null>;
  abstract talliesOfCohort(tx: ReadTransaction, cohortId: string, now: Date): Promise<PairTally[]>;

  /** Appends a step (by the transaction's actor, at its time) with the session's times as they now stand. */
  abstract appendStep(tx: Transaction, session: Session, action: SessionStepAction, detail?: Record<string, unknown>): Promise<void>;
  abstract historyOf(tx: ReadTransaction, sessionId: string): Promise<SessionStep[]>;

  /** Erasure: the log's text, place, link, reasons and step details of every session of the person. */
  abstract erasePersonalTextOf(tx: Transaction, personId: string, role: 'mentee' | 'mentor'): Promise<void>;
}
