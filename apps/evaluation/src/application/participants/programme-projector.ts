import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
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
import { copenhagenInstant, midpoint } from '../../domain/calendar-date';
import { SurveyInvitations } from '../surveys/survey-invitations';
import { PeopleDirectory } from './people-directory';

/** Local hour at which scheduled surveys go out, so nobody gets one at night. */
const SURVEY_HOUR = 9;

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
    private readonly people: PeopleDirectory,
    private readonly invitations: SurveyInvitations,
  ) {}

  async cohortScheduled(manager: EntityManager, data: CohortScheduledData): Promise<void> {
    await manager.query(
      `INSERT INTO cohorts (id, name, starts_on, ends_on) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, starts_on = EXCLUDED.starts_on, ends_on = EXCLUDED.ends_on`,
      [data.cohortId, data.name, data.startsOn, data.endsOn],
    );
  }

  async menteeApplied(manager: EntityManager, data: MenteeAppliedData): Promise<void> {
    await this.participant(manager, data.menteeId, data.cohortId, { referrer: data.referringOrganisationId ?? null });
  }

  async menteeAccepted(manager: EntityManager, data: MenteeAcceptedData): Promise<void> {
    await this.participant(manager, data.menteeId, data.cohortId, {});
  }

  async menteePlaced(manager: EntityManager, data: MenteePlacedData): Promise<void> {
    await this.participant(manager, data.menteeId, data.cohortId, { referrer: data.referringOrganisationId ?? null, placed: true });
  }

  /** A withdrawal after completion changes nothing: the programme was completed. */
  async menteeWithdrew(manager: EntityManager, data: MenteeWithdrewData): Promise<void> {
    const key = await this.people.existingKey(manager, data.menteeId);
    if (!key) return;
    await manager.query(
      `UPDATE participants SET withdrawn = true WHERE person_key = $1 AND completed_on IS NULL AND ($2::uuid IS NULL OR cohort_id = $2)`,
      [key, data.cohortId ?? null],
    );
  }

  async mentorRegistered(manager: EntityManager, mentorId: string): Promise<void> {
    await this.people.keyOf(manager, mentorId, 'mentor');
  }

  async consentChanged(manager: EntityManager, data: ConsentChangedData): Promise<void> {
    const column = { 'follow-up-surveys': 'follow_up_consent', 'share-outcomes-with-referrer': 'share_outcomes_consent' }[data.purpose as string];
    if (!column) return;
    const key = await this.people.keyOf(manager, data.personId, null);
    if (!key) return;
    await manager.query(`UPDATE people SET ${column} = $2 WHERE key = $1`, [key, data.granted]);
  }

  async matchConfirmed(manager: EntityManager, data: MatchConfirmedData): Promise<void> {
    await this.createMentorship(manager, data);
  }

  private async createMentorship(manager: EntityManager, data: { matchId: string; cohortId: string; menteeId: string; mentorId: string }): Promise<void> {
    const pair = await this.pair(manager, data);
    if (!pair) return;
    await manager.query(
      `INSERT INTO mentorships (match_id, cohort_id, mentee_key, mentor_key, status) VALUES ($1, $2, $3, $4, 'confirmed')
       ON CONFLICT (match_id) DO NOTHING`,
      [data.matchId, data.cohortId, pair.menteeKey, pair.mentorKey],
    );
    await this.participant(manager, data.menteeId, data.cohortId, { placed: true, matched: true });
  }

  async matchEnded(manager: EntityManager, data: MatchEndedData): Promise<void> {
    await manager.query(`UPDATE mentorships SET status = $2 WHERE match_id = $1 AND status = 'confirmed'`, [
      data.matchId,
      data.reason === 'completed' ? 'completed' : 'ended',
    ]);
    if (data.reason !== 'completed') {
      await manager.query(`UPDATE scheduled_surveys SET status = 'cancelled' WHERE match_id = $1 AND status = 'pending'`, [data.matchId]);
    }
  }

  async planCreated(manager: EntityManager, data: PlanCreatedData): Promise<void> {
    const pair = await this.ensureMentorship(manager, data);
    if (!pair) return;
    await manager.query(`UPDATE mentorships SET starts_on = $2, ends_on = $3 WHERE match_id = $1`, [data.matchId, data.startsOn, data.endsOn]);
    await manager.query(
      `INSERT INTO scheduled_surveys (id, kind, match_id, cohort_id, due_at, status) VALUES ($1, 'mid-term', $2, $3, $4, 'pending')
       ON CONFLICT (match_id, kind) DO UPDATE SET due_at = EXCLUDED.due_at WHERE scheduled_surveys.status = 'pending'`,
      [randomUUID(), data.matchId, data.cohortId, copenhagenInstant(midpoint(data.startsOn, data.endsOn), SURVEY_HOUR)],
    );
  }

  async sessionCompleted(manager: EntityManager, data: SessionCompletedData): Promise<void> {
    if (!(await this.ensureMentorship(manager, data))) return;
    await manager.query(`UPDATE mentorships SET sessions_held = GREATEST(COALESCE(sessions_held, 0), $2) WHERE match_id = $1`, [data.matchId, data.sessionsHeld]);
  }

  async mentorshipCompleted(manager: EntityManager, data: MentorshipCompletedData): Promise<void> {
    const pair = await this.ensureMentorship(manager, data);
    if (!pair) return;
    await manager.query(
      `UPDATE mentorships SET status = 'completed', completed_on = $2, sessions_held = GREATEST(COALESCE(sessions_held, 0), COALESCE($3, 0)) WHERE match_id = $1`,
      [data.matchId, data.completedOn, data.sessionsHeld ?? null],
    );
    await this.completeParticipant(manager, pair.menteeKey, data.cohortId, data.completedOn);
    await manager.query(`UPDATE scheduled_surveys SET status = 'cancelled' WHERE match_id = $1 AND status = 'pending'`, [data.matchId]);
    for (const [personKey, role] of [
      [pair.menteeKey, 'mentee'],
      [pair.mentorKey, 'mentor'],
    ] as const) {
      await this.invitations.invite(manager, { kind: 'end-of-programme', personKey, role, cohortId: data.cohortId, matchId: data.matchId });
    }
  }

  async followUpDue(manager: EntityManager, data: FollowUpDueData): Promise<void> {
    const pair = await this.ensureMentorship(manager, data);
    if (!pair) return;
    await this.completeParticipant(manager, pair.menteeKey, data.cohortId, data.completedOn);
    const [person] = await manager.query(`SELECT follow_up_consent FROM people WHERE key = $1`, [pair.menteeKey]);
    if (!person?.follow_up_consent) return;
    const kind = `follow-up-${data.monthsAfterCompletion}` as SurveyKind;
    await this.invitations.invite(manager, { kind, personKey: pair.menteeKey, role: 'mentee', cohortId: data.cohortId, matchId: data.matchId });
  }

  /** Keys of both people of a pair; null when either was erased (the event then changes nothing). */
  private async pair(manager: EntityManager, data: { menteeId: string; mentorId: string }): Promise<{ menteeKey: string; mentorKey: string } | null> {
    const menteeKey = await this.people.keyOf(manager, data.menteeId, 'mentee');
    const mentorKey = await this.people.keyOf(manager, data.mentorId, 'mentor');
    return menteeKey && mentorKey ? { menteeKey, mentorKey } : null;
  }

  /** Scheduling's events may overtake matching's: any of them creates the mentorship it names. */
  private async ensureMentorship(
    manager: EntityManager,
    data: { matchId: string; cohortId: string; menteeId: string; mentorId: string },
  ): Promise<{ menteeKey: string; mentorKey: string } | null> {
    const [existing] = await manager.query(`SELECT mentee_key, mentor_key FROM mentorships WHERE match_id = $1`, [data.matchId]);
    if (existing) return { menteeKey: existing.mentee_key, mentorKey: existing.mentor_key };
    await this.createMentorship(manager, data);
    const [created] = await manager.query(`SELECT mentee_key, mentor_key FROM mentorships WHERE match_id = $1`, [data.matchId]);
    return created ? { menteeKey: created.mentee_key, mentorKey: created.mentor_key } : null;
  }

  private async completeParticipant(manager: EntityManager, menteeKey: string, cohortId: string, completedOn: string): Promise<void> {
    await manager.query(
      `INSERT INTO participants (person_key, cohort_id, placed, matched, completed_on) VALUES ($1, $2, true, true, $3)
       ON CONFLICT (person_key, cohort_id) DO UPDATE SET placed = true, matched = true, completed_on = COALESCE(participants.completed_on, EXCLUDED.completed_on)`,
      [menteeKey, cohortId, completedOn],
    );
  }

  private async participant(
    manager: EntityManager,
    menteeId: string,
    cohortId: string,
    facts: { referrer?: string | null; placed?: boolean; matched?: boolean },
  ): Promise<void> {
    const key = await this.people.keyOf(manager, menteeId, 'mentee');
    if (!key) return;
    await manager.query(
      `INSERT INTO participants (person_key, cohort_id, referring_organisation_id, placed, matched) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (person_key, cohort_id) DO UPDATE SET
         referring_organisation_id = COALESCE(EXCLUDED.referring_organisation_id, participants.referring_organisation_id),
         placed = participants.placed OR EXCLUDED.placed,
         matched = participants.matched OR EXCLUDED.matched`,
      [key, cohortId, facts.referrer ?? null, facts.placed ?? false, facts.matched ?? false],
    );
  }
}
