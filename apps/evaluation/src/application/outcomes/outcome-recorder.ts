import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OutcomeRecorded, OutcomeSource, OutcomeStatus } from '@cmp/contracts';
import { Outbox } from '@cmp/messaging';
import { Clock, CLOCK } from '@cmp/platform';
import { copenhagenDateOf, IsoDate } from '../../domain/calendar-date';
import { EvaluationError, notFound } from '../../domain/evaluation-error';
import { ReportedOutcome, STATUSES_WITH_START } from '../../domain/surveys/follow-up-outcome';
import { OutcomeEntity } from '../../infrastructure/entities/evaluation.entities';
import { PeopleDirectory } from '../participants/people-directory';

export interface OutcomeToRecord extends ReportedOutcome {
  readonly personKey: string;
  readonly cohortId: string;
  readonly reportedOn: IsoDate;
  readonly source: OutcomeSource;
  readonly sourceNote: string | null;
  readonly followUpMonths: number | null;
  readonly invitationId: string | null;
  readonly recordedBy: string;
}

export interface CoordinatorOutcome extends Omit<ReportedOutcome, 'status'> {
  readonly status: OutcomeStatus;
  readonly menteeId: string;
  readonly cohortId: string;
  readonly reportedOn?: IsoDate;
  /** How the coordinator learnt it ("phone call", "LinkedIn", "the employer told us"). */
  readonly sourceNote: string;
}

/** Employment outcomes: from follow-up answers, from expired follow-ups (no answer), or by hand. */
@Injectable()
export class OutcomeRecorder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PeopleDirectory,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(manager: EntityManager, outcome: OutcomeToRecord): Promise<OutcomeEntity> {
    const now = this.clock();
    const row: OutcomeEntity = {
      id: randomUUID(),
      personKey: outcome.personKey,
      cohortId: outcome.cohortId,
      status: outcome.status,
      hours: outcome.hours,
      terms: outcome.terms,
      sector: outcome.sector,
      occupation: outcome.occupation,
      throughMentorNetwork: outcome.throughMentorNetwork,
      startedOn: outcome.startedOn,
      reportedOn: outcome.reportedOn,
      source: outcome.source,
      sourceNote: outcome.sourceNote,
      followUpMonths: outcome.followUpMonths,
      invitationId: outcome.invitationId,
      recordedAt: now,
      recordedBy: outcome.recordedBy,
    };
    await manager.insert(OutcomeEntity, row);
    const menteeId = await this.people.personIdOf(manager, outcome.personKey);
    if (menteeId) {
      await this.outbox.add(manager, {
        contract: OutcomeRecorded,
        key: menteeId,
        data: {
          outcomeId: row.id,
          menteeId,
          cohortId: row.cohortId,
          status: outcome.status,
          ...(outcome.hours ? { hours: outcome.hours } : {}),
          ...(outcome.terms ? { terms: outcome.terms } : {}),
          ...(row.sector ? { sector: row.sector } : {}),
          ...(row.occupation ? { occupation: row.occupation } : {}),
          ...(row.throughMentorNetwork !== null ? { throughMentorNetwork: row.throughMentorNetwork } : {}),
          ...(row.startedOn ? { startedOn: row.startedOn } : {}),
          source: row.source,
          recordedAt: now.toISOString(),
        },
      });
    }
    return row;
  }

  /** An outcome a coordinator learnt another way; the source is noted with it. */
  recordByCoordinator(actor: string, input: CoordinatorOutcome): Promise<OutcomeEntity> {
    if (STATUSES_WITH_START.includes(input.status) && !input.startedOn) {
      throw new EvaluationError(`an outcome "${input.status}" needs the date it started (startedOn)`, 422, 'invalid-outcome', 'The outcome is incomplete');
    }
    if (input.status !== 'employed' && (input.hours || input.terms)) {
      throw new EvaluationError('hours and terms describe employment only', 422, 'invalid-outcome', 'The outcome is inconsistent');
    }
    return this.dataSource.transaction(async (manager) => {
      const personKey = await this.people.existingKey(manager, input.menteeId);
      const [participant] = personKey
        ? await manager.query(`SELECT 1 FROM participants WHERE person_key = $1 AND cohort_id = $2`, [personKey, input.cohortId])
        : [];
      if (!personKey || !participant) throw notFound(`mentee ${input.menteeId} in cohort`, input.cohortId);
      return this.record(manager, {
        ...input,
        personKey,
        reportedOn: input.reportedOn ?? copenhagenDateOf(this.clock()),
        source: 'coordinator',
        followUpMonths: null,
        invitationId: null,
        recordedBy: actor,
      });
    });
  }

  /** A cohort's outcomes for coordinators; erased people show without an id. */
  list(cohortId: string): Promise<object[]> {
    return this.dataSource.query(
      `SELECT o.id, p.person_id AS "menteeId", o.status, o.hours, o.terms, o.sector, o.occupation,
              o.through_mentor_network AS "throughMentorNetwork", to_char(o.started_on, 'YYYY-MM-DD') AS "startedOn",
              to_char(o.reported_on, 'YYYY-MM-DD') AS "reportedOn", o.source, o.source_note AS "sourceNote",
              o.follow_up_months AS "followUpMonths", o.recorded_at AS "recordedAt", o.recorded_by AS "recordedBy"
       FROM outcomes o JOIN people p ON p.key = o.person_key
       WHERE o.cohort_id = $1 ORDER BY o.reported_on, o.recorded_at`,
      [cohortId],
    );
  }
}
