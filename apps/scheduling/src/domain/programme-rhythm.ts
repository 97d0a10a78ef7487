/** How often a pair meets; coordinators can change it per cohort. */
export interface ProgrammeRhythm {
  /** The kick-off is suggested within this many days of the start. */
  readonly kickOffWithinDays: number;
  /** Days between sessions after the kick-off. */
  readonly intervalDays: number;
  /** Length of a suggested session. */
  readonly sessionMinutes: number;
}

/** A kick-off within two weeks, then a one-hour session every two weeks. */
export const DEFAULT_RHYTHM: ProgrammeRhythm = { kickOffWithinDays: 14, intervalDays: 14, sessionMinutes: 60 };

export const RHYTHM_LIMITS = {
  kickOffWithinDays: { min: 1, max: 14 },
  intervalDays: { min: 7, max: 28 },
  sessionMinutes: { min: 30, max: 180 },
} as const;
