import { IsISO8601, Matches } from 'class-validator';

/** Instants must carry their offset, so nobody's local clock is guessed at. */
const WITH_OFFSET = /(Z|[+-]\d\d:\d\d)$/;
const OFFSET_MESSAGE = 'must be an ISO 8601 instant with Z or an offset, e.g. 2027-03-02T16:00:00Z';

export class TimeSlotRequest {
  @IsISO8601({ strict: true }) @Matches(WITH_OFFSET, { message: `startsAt ${OFFSET_MESSAGE}` }) readonly startsAt: string;
  @IsISO8601({ strict: true }) @Matches(WITH_OFFSET, { message: `endsAt ${OFFSET_MESSAGE}` }) readonly endsAt: string;
}

export class InstantRequest {
  @IsISO8601({ strict: true }) @Matches(WITH_OFFSET, { message: `startsAt ${OFFSET_MESSAGE}` }) readonly startsAt: string;
}
