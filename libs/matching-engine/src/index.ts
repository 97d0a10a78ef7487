export type {
  Assignment,
  AssignmentOptions,
  AssignmentProblem,
  AssignmentResult,
  EligiblePair,
  MenteeInput,
  MentorInput,
} from './assignment-problem';
export { AssignmentInputError } from './assignment-input.error';
export { solveAssignment, solveAssignmentWithCertificate, type SolveOutcome, type SolverStrategy } from './solve-assignment';
export { verifyOptimality, type AssignmentCertificate, type DualValue, type OptimalityReport } from './optimality-certificate';
