import { SessionDetails } from '../application/sessions/session-queries';
import { copenhagenIso } from '@cmp/kernel';
import { THEME_TITLES } from '../domain/playbook-themes';

/** Times go out in UTC with their Copenhagen rendering beside them, for people to read. */
export const localTime = (instant: Date | string | null | undefined): string | null => (instant ? copenhagenIso(new Date(instant)) : null);

/** A session as the pair and coordinators see it; the log's text only once it was held. */
export function sessionResponse({ session, history }: SessionDetails) {
  return {
    id: session.id,
    matchId: session.matchId,
    status: session.status,
    theme: session.theme,
    title: session.theme ? THEME_TITLES[session.theme] : null,
    mode: session.mode,
    place: session.place,
    link: session.link,
    proposedBy: session.proposedBy,
    slots: session.slots.map((slot) => ({ ...slot, startsAtLocal: localTime(slot.startsAt), endsAtLocal: localTime(slot.endsAt) })),
    startsAt: session.startsAt?.toISOString() ?? null,
    endsAt: session.endsAt?.toISOString() ?? null,
    startsAtLocal: localTime(session.startsAt),
    endsAtLocal: localTime(session.endsAt),
    sequence: session.sequence,
    cancelledBy: session.cancelledBy,
    cancelReason: session.cancelReason,
    absent: session.absent,
    log:
      session.status === 'completed'
        ? { topics: session.topics, nextSteps: session.nextSteps, introductions: session.introductions, introductionsMade: session.introductionsMade }
        : null,
    history: history.map((step) => ({
      at: step.at.toISOString(),
      action: step.action,
      actor: step.actor,
      startsAt: step.startsAt?.toISOString() ?? null,
      endsAt: step.endsAt?.toISOString() ?? null,
      detail: step.detail,
    })),
  };
}
