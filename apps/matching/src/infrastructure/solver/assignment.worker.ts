import { parentPort, workerData } from 'node:worker_threads';
import { AssignmentOptions, AssignmentProblem, solveAssignment } from '@cmp/matching-engine';

/** Runs one assignment off the service's main thread (see WorkerThreadAssignmentSolver). */
const { problem, options } = workerData as { problem: AssignmentProblem; options: AssignmentOptions };
parentPort?.postMessage(solveAssignment(problem, options));
