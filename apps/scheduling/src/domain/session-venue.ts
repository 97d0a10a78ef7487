import { SessionMode } from '@cmp/contracts';
import { InvalidScheduleError } from './scheduling-error';

export interface SessionVenue {
  readonly mode: SessionMode;
  readonly place: string | null;
  readonly link: string | null;
}

/** An in-person session needs a place and an online one a link; the other field stays empty. */
export function venueOf(mode: SessionMode, place?: string | null, link?: string | null): SessionVenue {
  if (mode === 'in-person') {
    if (!place) throw new InvalidScheduleError('an in-person session needs a place');
    if (link) throw new InvalidScheduleError('an in-person session has no meeting link');
    return { mode, place, link: null };
  }
  if (!link) throw new InvalidScheduleError('an online session needs a meeting link');
  if (place) throw new InvalidScheduleError('an online session has no place');
  return { mode, place: null, link };
}
