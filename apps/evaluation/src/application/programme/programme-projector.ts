import { Injectable } from '@nestjs/common';
import {
  CohortScheduledData,
  ConsentChangedData,
  FollowUpDueData,
  MatchConfirmedData,
  MatchEndedData,
  MenteeAcceptedData,
  MenteeAppliedData,
  MenteePlacedData,
  MenteeWithdrewData,
  MentorshipCompletedData,
  PlanCreatedData,
  SessionCompletedData,
  SurveyKind,
} from '@cmp/contracts';
import { Transaction } from '@cmp/kernel';
import { copenhagenInstant, midpoint } from '@cmp/kernel';
import { ScheduledSurveyRepository } from '../invitations/scheduled-survey.repository';
import { InvitationCommands } from '../invitations/invitation-commands';
import { EvaluationConsent, PeopleRepository } from '../people/people.repository';
import { keyOfLivePerson } from '../people/person-keys';
import { ParticipantFacts, ProgrammeRepository } from './programme.repository';

/** Copenhagen time at which scheduled surveys go out, so nobody gets one at night. */
const SURVEY_TIME = '09:00';

const CONSENTS: readonly string[] = ['follow-up-surveys', 'share-outcomes-with-referrer'] satisfies EvaluationConsent[];

type Pair = { menteeKey: string; mentorKey: string };

/**
 * Evaluation's picture of the programme, built from enrolment's, matching's and scheduling's
 * events, and the triggers of the surveys:
 *
 * - **mid-term**: a durable timer row at the plan's midpoint (09:00 Copenhagen) from PlanCreated,
 *   cancelled if the mentorship ends early; both mentee and mentor are invited;
 * - **end of programme**: on MentorshipCompleted, to both (the actual end, not the planned one);
 * - **follow-ups** at completion, +3 and +6 months: on scheduling's FollowUpDue, to the mentee,
 *   unless the mentee withdrew consent to follow-up surveys.
 *
 * Every handler runs in the inbox transaction and is idempotent on its own as well (upserts and a
 * unique invitation per person, kind and cohort), since producers may repeat themselves.
 */
@Injectable()
export class ProgrammeProjector {
  constructor(
    private readonly programme: ProgrammeRepository,
    private readonly people: PeopleRepository,
    private readonly scheduledSurveys: ScheduledSurveyRepository,
    private readonly invitations: InvitationCommands,
  ) {}

  async cohortScheduled(tx: Transaction, data: CohortScheduledData): Promise<void> {
    await this.programme.saveCohort(tx, { id: data.cohortId, name: data.name, startsOn: data.startsOn, endsOn: data.endsOn });
  }

  async menteeApplied(tx: Transaction, data: MenteeAppliedData): Promise<void> {
    await this.participant(tx, data.menteeId, data.cohortId, { referringOrganisationId: data.referringOrganisationId ?? null });
  }

  async menteeAccepted(tx: Transaction, data: MenteeAcceptedData): Promise<void> {
    await this.participant(tx, data.menteeId, data.cohortId, {});
  }

  async menteePlaced(tx: Transaction, data: MenteePlacedData): Promise<void> {
    await this.participant(tx, data.menteeId, data.cohortId, { referringOrganisationId: data.referringOrganisationId ?? null, placed: true });
  }

  /** A withdrawal after completion changes nothing: the programme was completed. */
  async menteeWithdrew(tx: Transaction, data: MenteeWithdrewData): Promise<void> {
    const key = await this.people.keyOf(tx, data.menteeId);
    if (!key) return;
    await this.programme.withdrawParticipant(tx, key, data.cohortId ?? null);
  }

  async mentorRegistered(tx: Transaction, mentorId: string): Promise<void> {
    await keyOfLivePerson(this.people, tx, mentorId, 'mentor');
  }

  async consentChanged(tx: Transaction, data: ConsentChangedData): Promise<void> {
    if (!CONSENTS.includes(data.purpose)) return;
    const key = await keyOfLivePerson(this.people, tx, data.personId, null);
    if (!key) return;
    await this.people.setConsent(tx, key, data.purpose as EvaluationConsent, data.granted);
  }

  async matchConfirmed(tx: Transaction, data: MatchConfirmedData): Promise<void> {
    await this.createMentorship(tx, data);
  }

  private async createMentorship(tx: Transaction, data: { matchId: string; cohortId: string; menteeId: string; mentorId: string }): Promise<void> {
    const pair = await this.pair(tx, data);
    if (!pair) return;
    await this.programme.addMentorship(tx, { matchId: data.matchId, cohortId: data.cohortId, ...pair });
    await this.participant(tx, data.menteeId, data.cohortId, { placed: true, matched: true });
  }

  async matchEnded(tx: Transaction, data: MatchEndedData): Promise<void> {
    await this.programme.closeMentorship(tx, data.matchId, data.reason === 'completed' ? 'completed' : 'ended');
    if (data.reason !== 'completed') await this.scheduledSurveys.cancelPendingOf(tx, data.matchId);
  }

  async planCreated(tx: Transaction, data: PlanCreatedData): Promise<void> {
    const pair = await this.ensureMentorship(tx, data);
    if (!pair) return;
    await this.programme.planMentorship(tx, data.matchId, data.startsOn, data.endsOn);
    await this.scheduledSurveys.schedule(tx, 'mid-term', data.matchId, data.cohortId, copenhagenInstant(midpoint(data.startsOn, data.endsOn), SURVEY_TIME));
  }

  async sessionCompleted(tx: Transaction, data: SessionCompletedData): Promise<void> {
    if (!(await this.ensureMentorship(tx, data))) return;
    await this.programme.recordSessionsHeld(tx, data.matchId, data.sessionsHeld);
  }

  async mentorshipCompleted(tx: Transaction, data: MentorshipCompletedData): Promise<void> {
    const pair = await this.ensureMentorship(tx, data);
    if (!pair) return;
    await this.programme.completeMentorship(tx, data.matchId, data.completedOn, data.sessionsHeld ?? null);
    await this.programme.completeParticipant(tx, pair.menteeKey, data.cohortId, data.completedOn);
    await this.scheduledSurveys.cancelPendingOf(tx, data.matchId);
    for (const [personKey, role] of [
      [pair.menteeKey, 'mentee'],
      [pair.mentorKey, 'mentor'],
    ] as const) {
      await this.invitations.invite(tx, { kind: 'end-of-programme', personKey, role, cohortId: data.cohortId, matchId: data.matchId });
    }
  }

  async followUpDue(tx: Transaction, data: FollowUpDueData): Promise<void> {
    const pair = await this.ensureMentorship(tx, data);
    if (!pair) return;
    await this.programme.completeParticipant(tx, pair.menteeKey, data.cohortId, data.completedOn);
    if (!(await this.people.followUpConsentOf(tx, pair.menteeKey))) return;
    const kind = `follow-up-${data.monthsAfterCompletion}` as SurveyKind;
    await this.invitations.invite(tx, { kind, personKey: pair.menteeKey, role: 'mentee', cohortId: data.cohortId, matchId: data.matchId });
  }

  /** Keys of both people of a pair; null when either was erased (the event then changes nothing). */
  private async pair(tx: Transaction, data: { menteeId: string; mentorId: string }): Promise<Pair | null> {
    const menteeKey = await keyOfLivePerson(this.people, tx, data.menteeId, 'mentee');
    const mentorKey = await keyOfLivePerson(this.people, tx, data.mentorId, 'mentor');
    return menteeKey && mentorKey ? { menteeKey, mentorKey } : null;
  }

  /** Scheduling's events may overtake matching's: any of them creates the mentorship it names. */
  private async ensureMentorship(tx: Transaction, data: { matchId: string; cohortId: string; menteeId: string; mentorId: string }): Promise<Pair | null> {
    const existing = await this.programme.mentorship(tx, data.matchId);
    if (existing) return { menteeKey: existing.menteeKey, mentorKey: existing.mentorKey };
    await this.createMentorship(tx, data);
    const created = await this.programme.mentorship(tx, data.matchId);
    return created ? { menteeKey: created.menteeKey, mentorKey: created.mentorKey } : null;
  }

  private async participant(tx: Transaction, menteeId: string, cohortId: string, facts: ParticipantFacts): Promise<void> {
    const key = await keyOfLivePerson(this.people, tx, menteeId, 'mentee');
    if (!key) return;
    await this.programme.mergeParticipant(tx, key, cohortId, facts);
  }
}
