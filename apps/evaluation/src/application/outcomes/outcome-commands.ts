import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { OutcomeRecorded, OutcomeSource, OutcomeStatus } from '@cmp/contracts';
import { copenhagenDateOf, IsoDate, Transaction, UnitOfWork } from '@cmp/kernel';
import { InvalidOutcome, NotFound } from '../../domain/evaluation-error';
import { ReportedOutcome, STATUSES_WITH_START } from '../../domain/surveys/follow-up-outcome';
import { PeopleRepository } from '../people/people.repository';
import { ProgrammeRepository } from '../programme/programme.repository';
import { Outcome, OutcomeRepository } from './outcome.repository';

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
export class OutcomeCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly outcomes: OutcomeRepository,
    private readonly people: PeopleRepository,
    private readonly programme: ProgrammeRepository,
  ) {}

  /** Records the outcome in the caller's transaction and announces it, unless the mentee was erased. */
  async record(tx: Transaction, outcome: OutcomeToRecord): Promise<Outcome> {
    const recorded: Outcome = {
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
      recordedAt: tx.now,
      recordedBy: outcome.recordedBy,
    };
    await this.outcomes.add(tx, recorded);
    const menteeId = await this.people.personIdOf(tx, outcome.personKey);
    if (menteeId) {
      tx.emit({
        contract: OutcomeRecorded,
        key: menteeId,
        data: {
          outcomeId: recorded.id,
          menteeId,
          cohortId: recorded.cohortId,
          status: outcome.status,
          ...(outcome.hours ? { hours: outcome.hours } : {}),
          ...(outcome.terms ? { terms: outcome.terms } : {}),
          ...(recorded.sector ? { sector: recorded.sector } : {}),
          ...(recorded.occupation ? { occupation: recorded.occupation } : {}),
          ...(recorded.throughMentorNetwork !== null ? { throughMentorNetwork: recorded.throughMentorNetwork } : {}),
          ...(recorded.startedOn ? { startedOn: recorded.startedOn } : {}),
          source: recorded.source,
          recordedAt: tx.now.toISOString(),
        },
      });
    }
    return recorded;
  }

  /** An outcome a coordinator learnt another way; the source is noted with it. */
  async recordByCoordinator(actor: string, input: CoordinatorOutcome): Promise<Outcome> {
    if (STATUSES_WITH_START.includes(input.status) && !input.startedOn) {
      throw new InvalidOutcome('The outcome is incomplete', `an outcome "${input.status}" needs the date it started (startedOn)`);
    }
    if (input.status !== 'employed' && (input.hours || input.terms)) {
      throw new InvalidOutcome('The outcome is inconsistent', 'hours and terms describe employment only');
    }
    return this.unitOfWork.run(actor, async (tx) => {
      const personKey = await this.people.keyOf(tx, input.menteeId);
      if (!personKey || !(await this.programme.isParticipant(tx, personKey, input.cohortId))) throw new NotFound(`mentee ${input.menteeId} in cohort`, input.cohortId);
      return this.record(tx, {
        ...input,
        personKey,
        reportedOn: input.reportedOn ?? copenhagenDateOf(tx.now),
        source: 'coordinator',
        followUpMonths: null,
        invitationId: null,
        recordedBy: actor,
      });
    });
  }
}
