import type { AssignmentOptions, AssignmentProblem, AssignmentResult } from '@cmp/matching-engine';

/** Solves an assignment problem; the adapter decides where (large runs go to a worker thread). */
export abstract class AssignmentSolver {
  abstract solve(problem: AssignmentProblem, options: AssignmentOptions): Promise<AssignmentResult>;
}
