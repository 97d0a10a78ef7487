/**
 * Dual values of the assignment LP in the ordered group ℤ × ℝ (compared lexicographically).
 *
 * The primal gives every matched pair the weight `(1, score)`: one "unit" for the matched mentee,
 * which outranks any amount of score, then the score. Maximising the sum of these weights is
 * exactly "as many mentees matched as possible, then the highest total score", with no big-M
 * constant to lose floating-point precision to. A dual value is `units` whole units plus `value`.
 */
export interface LexDuals {
  readonly menteeUnits: Int32Array;
  readonly menteeValue: Float64Array;
  readonly mentorUnits: Int32Array;
  readonly mentorValue: Float64Array;
}

/** What a solver returns, indexed by id rank (see {@link IndexedProblem}). */
export interface MatchingSolution {
  /** Mentor rank of each mentee, or -1 when the mentee is unmatched. */
  readonly mentorOf: Int32Array;
  /** Score of each matched mentee's pair (0 when unmatched). */
  readonly scoreOf: Float64Array;
  /** A dual solution proving optimality (see `verifyOptimality`). */
  readonly duals: LexDuals;
}

export const UNMATCHED = -1;
