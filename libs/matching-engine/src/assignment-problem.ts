/** A mentee waiting for a mentor. */
export interface MenteeInput {
  /** Unique among mentees (mentor ids live in their own namespace). */
  readonly id: string;
}

/** A mentor who can take up to `capacity` mentees at once. */
export interface MentorInput {
  /** Unique among mentors. */
  readonly id: string;
  /** How many mentees this mentor can take; any positive integer (the programme uses 1..3). */
  readonly capacity: number;
}

/** One eligible mentee–mentor pair with its compatibility score. */
export interface EligiblePair {
  /** Id of a mentee listed in {@link AssignmentProblem.mentees}. */
  readonly menteeId: string;
  /** Id of a mentor listed in {@link AssignmentProblem.mentors}. */
  readonly mentorId: string;
  /** Compatibility; any finite number, zero and negative included. Higher is better. */
  readonly score: number;
}

/** The input of one assignment run. */
export interface AssignmentProblem {
  /** Mentees to place; their order does not influence the result. */
  readonly mentees: readonly MenteeInput[];
  /** Mentors with their capacities; their order does not influence the result. */
  readonly mentors: readonly MentorInput[];
  /** Only eligible pairs are listed (sparse); a pair absent here is forbidden. At most one entry per pair. */
  readonly pairs: readonly EligiblePair[];
}

/** How to choose among the feasible assignments. */
export interface AssignmentOptions {
  /**
   * false (default): as many mentees matched as possible, then the highest total score.
   * true: as many mentees matched as possible, then the highest lowest score among the matched
   * pairs, then the highest total score.
   */
  readonly fairness?: boolean;
}

/** One placed mentee. */
export interface Assignment {
  /** The placed mentee. */
  readonly menteeId: string;
  /** The mentor the mentee is placed with. */
  readonly mentorId: string;
  /** The score of this pair, copied from the input. */
  readonly score: number;
}

/** The chosen assignment. */
export interface AssignmentResult {
  /** One entry per matched mentee, ordered by mentee id (UTF-16 code unit order). */
  readonly assignments: Assignment[];
  /** Sum of the scores of `assignments` (0 when nothing is matched). */
  readonly totalScore: number;
  /** Mentees left without a mentor, ordered by id. */
  readonly unmatchedMenteeIds: string[];
  /** Lowest score among `assignments`, or null when nothing is matched. */
  readonly minScore: number | null;
}
