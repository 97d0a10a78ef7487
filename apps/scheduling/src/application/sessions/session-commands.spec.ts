import { SessionCancelled, SessionCompleted } from '@cmp/contracts';
import { InMemoryUnitOfWork } from '@cmp/testing';
import { ForbiddenError, TransitionRefusedError } from '../../domain/scheduling-error';
import { nextStallCheck } from '../../domain/stall-rule';
import { InMemoryAvailability, InMemoryPlans, InMemorySessions, InMemoryTimers } from '../../../test/in-memory-repositories';
import { MatchingProjector } from '../matching/matching-projector';
import { PlanCommands } from '../plans/plan-commands';
import { Plan } from '../plans/plan.repository';
import { ProgrammeTimers } from '../timers/programme-timers';
import { SessionCancellation } from './session-cancellation';
import { SessionCommands } from './session-commands';

const MENTEE = '11111111-1111-4111-8111-111111111111';
const MENTOR = '22222222-2222-4222-8222-222222222222';
const mentee = { role: 'mentee', id: MENTEE } as const;
const mentor = { role: 'mentor', id: MENTOR } as const;

const plan: Plan = {
  id: 'plan-1',
  matchId: 'match-1',
  cohortId: 'cohort-1',
  menteeId: MENTEE,
  mentorId: MENTOR,
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

const slot = (iso: string) => ({ startsAt: new Date(iso), endsAt: new Date(new Date(iso).getTime() + 60 * 60_000) });

/** Scheduling's use cases wired as the module wires them, on in-memory repositories and a clock the test moves. */
function scheduling() {
  let now = new Date('2027-03-02T08:00:00Z');
  const unitOfWork = new InMemoryUnitOfWork(() => now);
  const plans = new InMemoryPlans();
  const sessions = new InMemorySessions();
  const timers = new InMemoryTimers();
  const programmeTimers = new ProgrammeTimers(timers, sessions);
  const cancellation = new SessionCancellation(sessions, timers);
  const commands = new SessionCommands(unitOfWork, plans, sessions, new InMemoryAvailability(), timers, programmeTimers, cancellation);
  const planCommands = new PlanCommands(plans, { byId: async () => null } as never, new InMemoryAvailability(), timers, programmeTimers, cancellation);
  const matching = new MatchingProjector(planCommands, plans);
  plans.rows.set(plan.id, plan);
  /** A session the mentor proposed and the mentee confirmed. */
  const confirmedSession = async (iso: string) => {
    const proposed = await commands.propose(mentor, plan.matchId, { slots: [slot(iso)], mode: 'online', link: 'https://meet.example/abc' });
    return commands.confirm(mentee, proposed.id, new Date(iso));
  };
  return { unitOfWork, plans, sessions, timers, commands, matching, confirmedSession, moveClockTo: (iso: string) => (now = new Date(iso)) };
}

describe('session use cases', () => {
  it('cancels a confirmed session: the step names who asked, its reminders stop, SessionCancelled leaves', async () => {
    const { commands, sessions, timers, unitOfWork, confirmedSession } = scheduling();
    const session = await confirmedSession('2027-03-09T16:00:00Z');
    expect(timers.pending('session-reminder').length).toBeGreaterThan(0);

    const cancelled = await commands.cancel(mentee, session.id, 'I am ill');

    expect(cancelled).toMatchObject({ status: 'cancelled', cancelledBy: 'mentee', cancelReason: 'I am ill', sequence: 1 });
    expect(sessions.steps.at(-1)).toMatchObject({ action: 'cancelled', actor: `mentee:${MENTEE}`, detail: { reason: 'I am ill' } });
    expect(timers.pending('session-reminder')).toEqual([]);
    expect(unitOfWork.emittedOf(SessionCancelled.type)).toEqual([
      expect.objectContaining({ sessionId: session.id, cancelledBy: 'mentee', reason: 'I am ill', sequence: 1, startsAt: '2027-03-09T16:00:00.000Z' }),
    ]);
  });

  it('refuses someone outside the pair, and a cancelled session cannot be cancelled again, without writing or emitting', async () => {
    const { commands, unitOfWork, confirmedSession } = scheduling();
    const session = await confirmedSession('2027-03-09T16:00:00Z');
    await expect(commands.cancel({ role: 'mentee', id: '33333333-3333-4333-8333-333333333333' }, session.id, 'not mine')).rejects.toThrow(ForbiddenError);
    await commands.cancel(mentor, session.id, 'travelling');
    await expect(commands.cancel(mentee, session.id, 'again')).rejects.toThrow(TransitionRefusedError);
    expect(unitOfWork.emittedOf(SessionCancelled.type)).toHaveLength(1);
  });

  it('ending a plan cancels, through the same step, its proposals and its future sessions, but not one under way', async () => {
    const { matching, sessions, unitOfWork, commands, confirmedSession, moveClockTo } = scheduling();
    const underWay = await confirmedSession('2027-03-09T16:00:00Z');
    const future = await confirmedSession('2027-03-23T16:00:00Z');
    const proposal = await commands.propose(mentee, plan.matchId, { slots: [slot('2027-04-06T16:00:00Z')], mode: 'in-person', place: 'Café Norden' });
    moveClockTo('2027-03-09T16:30:00Z');

    await unitOfWork.run('system', (tx) => matching.matchEnded(tx, { matchId: plan.matchId, reason: 'ended' } as never));

    expect(sessions.rows.get(underWay.id)?.status).toBe('confirmed');
    expect(sessions.rows.get(future.id)).toMatchObject({ status: 'cancelled', cancelledBy: 'system', cancelReason: 'the match ended (ended)' });
    expect(sessions.rows.get(proposal.id)).toMatchObject({ status: 'cancelled', cancelledBy: 'system' });
    expect(sessions.steps.filter((step) => step.action === 'cancelled').map((step) => step.actor)).toEqual(['system', 'system']);
    expect(unitOfWork.emittedOf(SessionCancelled.type).map((data) => (data as { sessionId: string }).sessionId).sort()).toEqual([future.id, proposal.id].sort());
  });

  it('a session held counts for the pair and moves the next stall check', async () => {
    const { commands, timers, unitOfWork, confirmedSession, moveClockTo } = scheduling();
    const session = await confirmedSession('2027-03-09T16:00:00Z');
    await unitOfWork.run('system', (tx) => timers.schedule(tx, { kind: 'stall-check', dedupeKey: 'stall-check:before', planId: plan.id, dueAt: new Date('2027-03-15T08:00:00Z') }));
    const now = moveClockTo('2027-03-09T17:30:00Z');

    await commands.complete(mentor, session.id, { topics: ['goals'], nextSteps: 'draft a CV', introductions: ['Acme'] });

    expect(unitOfWork.emittedOf(SessionCompleted.type)).toEqual([expect.objectContaining({ sessionId: session.id, sessionsHeld: 1, introductionsMade: 1 })]);
    expect(timers.rows.find((timer) => timer.dedupeKey === 'stall-check:before')?.status).toBe('cancelled');
    expect(timers.pending('stall-check').map((timer) => timer.dueAt)).toEqual([nextStallCheck(plan.startsOn, new Date('2027-03-09T16:00:00Z'), now)]);
  });
});
