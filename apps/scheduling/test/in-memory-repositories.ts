import type { ReadTransaction, Transaction } from '@cmp/kernel';
import { AvailabilityRepository } from '../src/application/availability/availability.repository';
import { Plan, PlanRepository } from '../src/application/plans/plan.repository';
import { PairTally, Session, SessionRepository, SessionStep, SessionStepAction } from '../src/application/sessions/session.repository';
import { TimerKind, TimerRepository, TimerRequest } from '../src/application/timers/timer.repository';
import type { WeeklyWindow } from '../src/domain/availability';
import type { BookedSession } from '../src/domain/session-slot-rules';

/**
 * Scheduling's repository ports as plain maps, for use-case unit tests with @cmp/testing's
 * InMemoryUnitOfWork. Locks are no-ops: one test runs one use case at a time.
 */
export class InMemoryPlans extends PlanRepository {
  readonly rows = new Map<string, Plan>();

  private all(): Plan[] {
    return [...this.rows.values()];
  }

  async ofMatch(_tx: ReadTransaction, matchId: string) {
    return this.all().find((plan) => plan.matchId === matchId) ?? null;
  }
  lockOfMatch(tx: Transaction, matchId: string) {
    return this.ofMatch(tx, matchId);
  }
  async byId(_tx: ReadTransaction, planId: string) {
    return this.rows.get(planId) ?? null;
  }
  lock(tx: Transaction, planId: string) {
    return this.byId(tx, planId);
  }
  async anyOfPerson(_tx: ReadTransaction, personId: string) {
    return this.all().find((plan) => plan.menteeId === personId || plan.mentorId === personId) ?? null;
  }
  async lockActiveOfPerson(_tx: Transaction, personId: string, role: 'mentee' | 'mentor') {
    return this.all().filter((plan) => plan.status === 'active' && (role === 'mentee' ? plan.menteeId : plan.mentorId) === personId);
  }
  async lockActiveAnchoredOnConfirmation(_tx: Transaction, cohortId: string) {
    return this.all().filter((plan) => plan.status === 'active' && plan.cohortId === cohortId && plan.anchoredOn === 'confirmation');
  }
  async inCohort(_tx: ReadTransaction, cohortId: string) {
    return this.all().filter((plan) => plan.cohortId === cohortId);
  }
  async add(_tx: Transaction, plan: Plan) {
    this.rows.set(plan.id, plan);
  }
  async update(_tx: Transaction, plan: Plan) {
    this.rows.set(plan.id, plan);
  }
}

export interface RecordedStep extends SessionStep {
  readonly sessionId: string;
}

export class InMemorySessions extends SessionRepository {
  readonly rows = new Map<string, Session>();
  readonly steps: RecordedStep[] = [];

  private all(): Session[] {
    return [...this.rows.values()];
  }

  async byId(_tx: ReadTransaction, sessionId: string) {
    return this.rows.get(sessionId) ?? null;
  }
  lock(tx: Transaction, sessionId: string) {
    return this.byId(tx, sessionId);
  }
  async ofMatch(_tx: ReadTransaction, matchId: string) {
    return this.all().filter((session) => session.matchId === matchId);
  }
  async ofPerson(_tx: ReadTransaction, personId: string, role: 'mentee' | 'mentor') {
    return this.all().filter((session) => (role === 'mentee' ? session.menteeId : session.mentorId) === personId);
  }
  async lockOpenOfPlan(_tx: Transaction, planId: string) {
    return this.all().filter((session) => session.planId === planId && (session.status === 'proposed' || session.status === 'confirmed'));
  }
  async add(_tx: Transaction, session: Session) {
    this.rows.set(session.id, session);
  }
  async update(_tx: Transaction, session: Session) {
    this.rows.set(session.id, session);
  }
  async lockDiariesOf() {
    // One test runs one use case at a time: there is no other booking to wait for.
  }
  async bookedBy(_tx: ReadTransaction, personId: string, excludeSessionId: string | null): Promise<BookedSession[]> {
    return this.all()
      .filter((session) => session.status === 'confirmed' && session.id !== excludeSessionId && (session.menteeId === personId || session.mentorId === personId))
      .map((session) => ({ id: session.id, startsAt: session.startsAt as Date, endsAt: session.endsAt as Date }));
  }
  async countHeld(_tx: ReadTransaction, matchId: string) {
    return this.all().filter((session) => session.matchId === matchId && session.status === 'completed').length;
  }
  async lastHeldAt(_tx: ReadTransaction, matchId: string) {
    const held = this.all().filter((session) => session.matchId === matchId && session.status === 'completed');
    return held.length === 0 ? null : new Date(Math.max(...held.map((session) => (session.startsAt as Date).getTime())));
  }
  async talliesOfCohort(): Promise<PairTally[]> {
    throw new Error('not kept in memory: the cohort overview is covered by the integration tests');
  }
  async appendStep(tx: Transaction, session: Session, action: SessionStepAction, detail?: Record<string, unknown>) {
    this.steps.push({ sessionId: session.id, at: tx.now, action, actor: tx.actor, startsAt: session.startsAt, endsAt: session.endsAt, detail: detail ?? null });
  }
  async historyOf(_tx: ReadTransaction, sessionId: string) {
    return this.steps.filter((step) => step.sessionId === sessionId);
  }
  async erasePersonalTextOf(tx: Transaction, personId: string, role: 'mentee' | 'mentor') {
    for (const session of await this.ofPerson(tx, personId, role)) {
      this.rows.set(session.id, { ...session, topics: null, nextSteps: null, introductions: null, place: null, link: null, cancelReason: null });
      for (const [index, step] of this.steps.entries()) if (step.sessionId === session.id) this.steps[index] = { ...step, detail: null };
    }
  }
}

export class InMemoryAvailability extends AvailabilityRepository {
  readonly windows = new Map<string, WeeklyWindow[]>();

  async windowsOf(_tx: ReadTransaction, personId: string) {
    return this.windows.get(personId) ?? null;
  }
  async save(_tx: Transaction, personId: string, _role: 'mentee' | 'mentor', windows: readonly WeeklyWindow[]) {
    this.windows.set(personId, [...windows]);
  }
  async erase(_tx: Transaction, personId: string) {
    this.windows.delete(personId);
  }
}

export interface KeptTimer extends TimerRequest {
  status: 'pending' | 'cancelled';
}

export class InMemoryTimers extends TimerRepository {
  readonly rows: KeptTimer[] = [];

  async schedule(_tx: Transaction, ...timers: TimerRequest[]) {
    for (const timer of timers) {
      if (!this.rows.some((kept) => kept.dedupeKey === timer.dedupeKey)) this.rows.push({ ...timer, status: 'pending' });
    }
  }
  async cancelForSession(_tx: Transaction, sessionId: string) {
    for (const timer of this.rows) if (timer.sessionId === sessionId && timer.status === 'pending') timer.status = 'cancelled';
  }
  async cancelForPlan(_tx: Transaction, planId: string, kinds?: readonly TimerKind[]) {
    for (const timer of this.rows) {
      if (timer.planId === planId && timer.status === 'pending' && (!kinds || kinds.includes(timer.kind))) timer.status = 'cancelled';
    }
  }

  pending(kind?: TimerKind): KeptTimer[] {
    return this.rows.filter((timer) => timer.status === 'pending' && (!kind || timer.kind === kind));
  }
}
