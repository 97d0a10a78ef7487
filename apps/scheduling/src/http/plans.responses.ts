import { PlanDetails } from '../application/plans/plan-queries';
import { PROGRAMME_ZONE } from '@cmp/kernel';
import { THEME_TITLES } from '../domain/playbook-themes';
import { localTime, sessionResponse } from './sessions.responses';

export function planResponse({ plan, sessionsHeld, sessions }: PlanDetails) {
  return {
    planId: plan.id,
    matchId: plan.matchId,
    cohortId: plan.cohortId,
    menteeId: plan.menteeId,
    mentorId: plan.mentorId,
    status: plan.status,
    endedReason: plan.endedReason,
    startsOn: plan.startsOn,
    endsOn: plan.endsOn,
    timeZone: PROGRAMME_ZONE,
    rhythm: plan.rhythm,
    plannedSessions: plan.plannedSessions.map((planned) => ({
      ...planned,
      title: THEME_TITLES[planned.theme],
      suggestedStartsAtLocal: localTime(planned.suggestedStartsAt),
    })),
    sessionsHeld,
    sessions: sessions.map(sessionResponse),
  };
}
