import { CohortRhythmSet } from '../application/cohorts/cohort-commands';
import { CohortOverview } from '../application/cohorts/cohort-queries';
import { copenhagenDateOf } from '@cmp/kernel';
import { localTime } from './sessions.responses';

export function cohortOverviewResponse(overview: CohortOverview) {
  const pairs = overview.pairs.map((pair) => ({
    matchId: pair.matchId,
    menteeId: pair.menteeId,
    mentorId: pair.mentorId,
    status: pair.status,
    startsOn: pair.startsOn,
    endsOn: pair.endsOn,
    sessionsPlanned: pair.sessionsPlanned,
    sessionsHeld: pair.sessionsHeld,
    noShows: pair.noShows,
    cancelled: pair.cancelled,
    lastSessionOn: pair.lastHeldAt ? copenhagenDateOf(pair.lastHeldAt) : null,
    nextSessionAt: pair.nextSessionAt?.toISOString() ?? null,
    nextSessionAtLocal: localTime(pair.nextSessionAt),
    atRisk: pair.risk !== null,
    risk: pair.risk,
  }));
  return {
    cohortId: overview.cohortId,
    rhythm: overview.rhythm,
    pairs: pairs.length,
    pairsAtRisk: pairs.filter((pair) => pair.atRisk).length,
    sessionsHeld: pairs.reduce((sum, pair) => sum + pair.sessionsHeld, 0),
    perPair: pairs,
  };
}

export function rhythmResponse({ cohortId, rhythm }: CohortRhythmSet) {
  return { cohortId, rhythm: { kickOffWithinDays: rhythm.kickOffWithinDays, intervalDays: rhythm.intervalDays, sessionMinutes: rhythm.sessionMinutes } };
}
