import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AssignmentOptions, AssignmentProblem, AssignmentResult, solveAssignment } from '@cmp/matching-engine';
import { AssignmentSolver } from '../../application/matches/assignment-solver';

/** The worker is whatever this file is: TypeScript under @swc-node/register, or its build output. */
const WORKER_EXTENSION = extname(__filename);

/** Solves small problems in place and large ones in a worker thread, so the service keeps answering. */
export class WorkerThreadAssignmentSolver extends AssignmentSolver {
  constructor(
    /** Eligible pairs from which a problem goes to a worker thread. */
    private readonly workerThresholdPairs: number,
  ) {
    super();
  }

  solve(problem: AssignmentProblem, options: AssignmentOptions): Promise<AssignmentResult> {
    if (problem.pairs.length < this.workerThresholdPairs) return Promise.resolve(solveAssignment(problem, options));
    return new Promise((resolve, reject) => {
      const worker = new Worker(join(__dirname, `assignment.worker${WORKER_EXTENSION}`), {
        workerData: { problem, options },
        // From source, the worker compiles its TypeScript the same way the service does (SWC,
        // tsconfig paths); compiled (the image, where @swc-node/register is not installed), it
        // is plain JavaScript next to this file.
        execArgv: WORKER_EXTENSION === '.ts' ? ['-r', '@swc-node/register'] : [],
      });
      worker.once('message', (result: AssignmentResult) => {
        resolve(result);
        void worker.terminate();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => code !== 0 && reject(new Error(`assignment worker exited with ${code}`)));
    });
  }
}
