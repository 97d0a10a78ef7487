import { FollowUpDue, MentorshipCompleted, SessionCancelled } from '@cmp/contracts';
import { InMemoryUnitOfWork } from '@cmp/testing';
import { InMemoryPlans, InMemorySessions, InMemoryTimers } from '../../../test/in-memory-repositories';
import { Plan } from '../plans/plan.repository';
import { SessionCancellation } from '../sessions/session-cancellation';
import { Session } from '../sessions/session.repository';
import { ProgrammeTimers } from './programme-timers';
import { TimerHandlers } from './timer-handlers';

const plan: Plan = {
  id: 'plan-1',
  matchId: 'match-1',
  cohortId: 'cohort-1',
  menteeId: 'mentee-1',
  mentorId: 'mentor-1',
  confirmedAt: new Date('2027-03-01T08:00:00Z'),
  startsOn: '2027-03-01',
  endsOn: '2027-06-30',
  anchoredOn: 'cohort',
  rhythm: { kickOffWithinDays: 14, intervalDays: 14, sessionMinutes: 60 },
  plannedSessions: [],
  status: 'active',
  endedReason: null,
  lastStalledAt: null,
  createdAt: new Date('2027-03-01T08:00:00Z'),
};

const session = (id: string, status: Session['status'], startsAt: string | null): Session => ({
  id,
  planId: plan.id,
  matchId: plan.matchId,
  cohortId: plan.cohortId,
  menteeId: plan.menteeId,
  mentorId: plan.mentorId,
  status,
  theme: null,
  mode: 'online',
  place: null,
  link: 'https://meet.example/abc',
  proposedBy: 'mentor',
  slots: [{ startsAt: startsAt ?? '2027-07-02T16:00:00.000Z', endsAt: '2027-07-02T17:00:00.000Z' }],
  startsAt: startsAt ? new Date(startsAt) : null,
  endsAt: startsAt ? new Date(new Date(startsAt).getTime() + 3_600_000) : null,
  sequence: 0,
  cancelledBy: null,
  cancelReason: null,
  absent: null,
  topics: null,
  nextSteps: null,
  introductions: null,
  introductionsMade: 0,
  createdAt: plan.createdAt,
  updatedAt: plan.createdAt,
});

describe('the programme-end timer', () => {
  it('completes the plan, cancels what is still open, says MentorshipCompleted and arms the follow-ups', async () => {
    const unitOfWork = new InMemoryUnitOfWork(() => new Date('2027-07-01T00:00:00Z'));
    const plans = new InMemoryPlans();
    const sessions = new InMemorySessions();
    const timers = new InMemoryTimers();
    const handlers = new TimerHandlers(plans, sessions, timers, new ProgrammeTimers(timers, sessions), new SessionCancellation(sessions, timers));
    plans.rows.set(plan.id, plan);
    for (const kept of [session('held', 'completed', '2027-03-10T16:00:00Z'), session('open', 'proposed', null)]) sessions.rows.set(kept.id, kept);

    await unitOfWork.run('system', (tx) => handlers.fire(tx, { id: 'timer-1', kind: 'programme-end', planId: plan.id, sessionId: null, payload: {} }));

    expect(plans.rows.get(plan.id)?.status).toBe('completed');
    expect(sessions.rows.get('open')).toMatchObject({ status: 'cancelled', cancelledBy: 'system', cancelReason: 'the programme ended' });
    expect(unitOfWork.emitted.map((event) => event.contract.type)).toEqual([SessionCancelled.type, MentorshipCompleted.type]);
    expect(unitOfWork.emittedOf(MentorshipCompleted.type)).toEqual([expect.objectContaining({ completedOn: '2027-06-30', sessionsHeld: 1 })]);
    expect(timers.pending('follow-up').map((timer) => timer.payload?.monthsAfterCompletion)).toEqual([0, 3, 6]);

    // Firing it again (a retried timer) finds the plan completed and does nothing.
    await unitOfWork.run('system', (tx) => handlers.fire(tx, { id: 'timer-1', kind: 'programme-end', planId: plan.id, sessionId: null, payload: {} }));
    expect(unitOfWork.emitted).toHaveLength(2);
    expect(unitOfWork.emittedOf(FollowUpDue.type)).toEqual([]);
  });
});
