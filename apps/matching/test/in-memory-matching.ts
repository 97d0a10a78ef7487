import type { MenteeProfile, MentorProfile } from '@cmp/contracts';
import type { ReadTransaction, Transaction } from '@cmp/kernel';
import { solveAssignment, type AssignmentOptions, type AssignmentProblem, type AssignmentResult } from '@cmp/matching-engine';
import { InMemoryUnitOfWork } from '@cmp/testing';
import { CandidatePool } from '../src/application/candidates/candidate-pool';
import { CandidateRepository, ForbiddenPair, MenteeStatus, MentorOnRecord, MentorStatus } from '../src/application/candidates/candidate.repository';
import { Cohort, CohortRepository } from '../src/application/cohorts/cohort.repository';
import { AssignmentSolver } from '../src/application/matches/assignment-solver';
import { MatchCommands } from '../src/application/matches/match-commands';
import { Match, MatchParty, MatchRepository, MatchStatus } from '../src/application/matches/match.repository';
import { Rematcher } from '../src/application/matches/rematcher';
import { Run, RunRepository, UnmatchedMentee } from '../src/application/runs/run.repository';
import type { MenteeCandidate } from '../src/domain/candidate';
import { pairKey } from '../src/domain/draft';
import type { ScoringWeights } from '../src/domain/scoring';

/** Matching's repositories as plain maps, for use-case unit tests without a database. */
export class InMemoryCohorts extends CohortRepository {
  readonly rows = new Map<string, Cohort>();
  async find(_tx: ReadTransaction, cohortId: string) {
    return this.rows.get(cohortId) ?? null;
  }
  async upsertScheduled(_tx: ReadTransaction, cohort: Omit<Cohort, 'weights'>) {
    this.rows.set(cohort.id, { weights: null, ...this.rows.get(cohort.id), ...cohort });
  }
  async setWeights(_tx: ReadTransaction, cohortId: string, weights: ScoringWeights) {
    const cohort = this.rows.get(cohortId);
    if (cohort) this.rows.set(cohortId, { ...cohort, weights });
  }
}

interface MenteeRow {
  id: string;
  cohortId: string;
  referringOrganisationId: string | null;
  profile: MenteeProfile | null;
  status: MenteeStatus;
}

interface MentorRow {
  id: string;
  profile: MentorProfile | null;
  status: MentorStatus;
}

export class InMemoryCandidates extends CandidateRepository {
  readonly mentees = new Map<string, MenteeRow>();
  readonly mentors = new Map<string, MentorRow>();
  readonly forbidden = new Set<string>();

  async placeMentee(_tx: ReadTransaction, mentee: Omit<MenteeRow, 'status'>) {
    this.mentees.set(mentee.id, { ...mentee, status: 'placed' });
  }
  async setMenteeStatus(_tx: ReadTransaction, menteeId: string, status: MenteeStatus) {
    const mentee = this.mentees.get(menteeId);
    if (mentee) mentee.status = status;
  }
  async eraseMentee(_tx: ReadTransaction, menteeId: string) {
    const mentee = this.mentees.get(menteeId);
    if (mentee) Object.assign(mentee, { profile: null, status: 'erased' });
  }
  async mentorStatus(_tx: ReadTransaction, mentorId: string) {
    return this.mentors.get(mentorId)?.status ?? null;
  }
  async saveMentor(_tx: ReadTransaction, mentor: MentorRow) {
    this.mentors.set(mentor.id, { ...mentor });
  }
  async setMentorStatus(_tx: ReadTransaction, mentorId: string, status: MentorStatus, from?: MentorStatus) {
    const mentor = this.mentors.get(mentorId);
    if (mentor && (from === undefined || mentor.status === from)) mentor.status = status;
  }
  async eraseMentor(_tx: ReadTransaction, mentorId: string) {
    const mentor = this.mentors.get(mentorId);
    if (mentor) Object.assign(mentor, { profile: null, status: 'withdrawn' });
  }
  async placedMentees(_tx: ReadTransaction, cohortId: string): Promise<MenteeCandidate[]> {
    return [...this.mentees.values()]
      .filter((mentee) => mentee.cohortId === cohortId && mentee.status === 'placed' && mentee.profile !== null)
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((mentee) => ({ id: mentee.id, referringOrganisationId: mentee.referringOrganisationId, profile: mentee.profile as MenteeProfile }));
  }
  async mentorsOnRecord(): Promise<MentorOnRecord[]> {
    return [...this.mentors.values()]
      .filter((mentor) => mentor.profile !== null)
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((mentor) => ({ id: mentor.id, status: mentor.status, profile: mentor.profile as MentorProfile }));
  }
  async forbiddenPairs(_tx: ReadTransaction, cohortId: string) {
    return new Set([...this.forbidden].filter((key) => key.startsWith(`${cohortId}/`)).map((key) => key.slice(cohortId.length + 1)));
  }
  async isForbidden(_tx: ReadTransaction, pair: ForbiddenPair) {
    return this.forbidden.has(`${pair.cohortId}/${pairKey(pair.menteeId, pair.mentorId)}`);
  }
  async forbid(_tx: ReadTransaction, pair: ForbiddenPair) {
    this.forbidden.add(`${pair.cohortId}/${pairKey(pair.menteeId, pair.mentorId)}`);
  }
}

export class InMemoryMatches extends MatchRepository {
  readonly rows = new Map<string, Match>();

  private where(test: (match: Match) => boolean): Match[] {
    return [...this.rows.values()].filter(test).map((match) => ({ ...match }));
  }
  private countPerMentor(test: (match: Match) => boolean): Map<string, number> {
    const counts = new Map<string, number>();
    for (const match of this.rows.values()) if (test(match)) counts.set(match.mentorId, (counts.get(match.mentorId) ?? 0) + 1);
    return counts;
  }
  private static isParty(match: Match, party: MatchParty): boolean {
    return 'menteeId' in party ? match.menteeId === party.menteeId : match.mentorId === party.mentorId;
  }

  async lock(_tx: ReadTransaction, matchId: string) {
    return this.where((match) => match.id === matchId)[0] ?? null;
  }
  async lockOpenProposalsOfRun(_tx: ReadTransaction, runId: string, matchIds?: readonly string[]) {
    return this.where((match) => match.runId === runId && match.status === 'proposed' && (!matchIds || matchIds.includes(match.id))).sort((a, b) =>
      a.menteeId.localeCompare(b.menteeId),
    );
  }
  async lockOpenProposalOf(_tx: ReadTransaction, menteeId: string) {
    return this.where((match) => match.menteeId === menteeId && match.status === 'proposed')[0] ?? null;
  }
  async lockConfirmed(_tx: ReadTransaction, which: MatchParty | { readonly matchId: string }) {
    return this.where((match) => match.status === 'confirmed' && ('matchId' in which ? match.id === which.matchId : InMemoryMatches.isParty(match, which)));
  }
  async openProposalsOf(_tx: ReadTransaction, party: MatchParty) {
    return this.where((match) => match.status === 'proposed' && InMemoryMatches.isParty(match, party));
  }
  async insert(_tx: ReadTransaction, matches: readonly Match[]) {
    for (const match of matches) this.rows.set(match.id, { ...match });
  }
  async saveDecision(_tx: ReadTransaction, match: Match) {
    const row = this.rows.get(match.id);
    if (row) Object.assign(row, { status: match.status, reason: match.reason, decidedAt: match.decidedAt });
  }
  async supersedeOpenProposalsOfCohort(_tx: ReadTransaction, cohortId: string, at: Date) {
    for (const match of this.rows.values()) if (match.cohortId === cohortId && match.status === 'proposed') Object.assign(match, { status: 'superseded', decidedAt: at });
  }
  async menteesWith(_tx: ReadTransaction, cohortId: string, statuses: readonly MatchStatus[]) {
    return new Set(this.where((match) => match.cohortId === cohortId && statuses.includes(match.status)).map((match) => match.menteeId));
  }
  async confirmedPerMentor() {
    return this.countPerMentor((match) => match.status === 'confirmed');
  }
  async proposedPerMentor(_tx: ReadTransaction, cohortId: string) {
    return this.countPerMentor((match) => match.status === 'proposed' && match.cohortId === cohortId);
  }
  async ofRun(_tx: ReadTransaction, runId: string) {
    return this.where((match) => match.runId === runId);
  }
  async ofCohort(_tx: ReadTransaction, cohortId: string, status?: MatchStatus) {
    return this.where((match) => match.cohortId === cohortId && (!status || match.status === status));
  }
  async ofPerson(_tx: ReadTransaction, personId: string) {
    return this.where((match) => match.menteeId === personId || match.mentorId === personId);
  }
}

export class InMemoryRuns extends RunRepository {
  readonly rows = new Map<string, Run>();
  async find(_tx: ReadTransaction, runId: string) {
    return this.rows.get(runId) ?? null;
  }
  async isRunning(_tx: ReadTransaction, cohortId: string) {
    return [...this.rows.values()].some((run) => run.cohortId === cohortId && run.status === 'running');
  }
  async insert(_tx: ReadTransaction, run: Run) {
    this.rows.set(run.id, run);
  }
  async setProgress(_tx: ReadTransaction, runId: string, progress: number) {
    this.update(runId, { progress });
  }
  async complete(_tx: ReadTransaction, runId: string, result: { totalScore: number; unmatched: UnmatchedMentee[]; finishedAt: Date }) {
    this.update(runId, { status: 'completed', progress: 100, ...result });
  }
  async fail(_tx: ReadTransaction, runId: string, error: string, finishedAt: Date) {
    this.update(runId, { status: 'failed', error, finishedAt });
  }
  private update(runId: string, changes: Partial<Run>) {
    const run = this.rows.get(runId);
    if (run) this.rows.set(runId, { ...run, ...changes });
  }
}

/** Solves in place: the worker thread is the adapter's concern, not the use cases'. */
export class InPlaceAssignmentSolver extends AssignmentSolver {
  async solve(problem: AssignmentProblem, options: AssignmentOptions): Promise<AssignmentResult> {
    return solveAssignment(problem, options);
  }
}

/** The transaction a test arranges its data in: the in-memory repositories ignore it. */
export const ARRANGE: Transaction = { actor: 'system:test', now: new Date(0), emit: () => undefined, record: () => undefined };

/** The match use cases wired to in-memory repositories. */
export function inMemoryMatching(now = new Date('2026-03-02T09:00:00Z')) {
  const unitOfWork = new InMemoryUnitOfWork(() => now);
  const cohorts = new InMemoryCohorts();
  const candidates = new InMemoryCandidates();
  const matches = new InMemoryMatches();
  const runs = new InMemoryRuns();
  const pool = new CandidatePool(candidates, matches);
  const rematcher = new Rematcher(cohorts, candidates, pool, matches, new InPlaceAssignmentSolver());
  const commands = new MatchCommands(unitOfWork, matches, cohorts, candidates, pool, rematcher, runs);
  return { unitOfWork, cohorts, candidates, matches, runs, commands };
}
