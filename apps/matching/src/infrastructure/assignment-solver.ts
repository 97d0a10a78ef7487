import { Injectable } from '@nestjs/common';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AssignmentOptions, AssignmentProblem, AssignmentResult, solveAssignment } from '@cmp/matching-engine';

/** Pairs above which a run is solved off the main thread, so the service keeps answering. */
export const DEFAULT_WORKER_THRESHOLD_PAIRS = 20_000;

/** The worker is whatever this file is: TypeScript under @swc-node/register, or its build output. */
const WORKER_EXTENSION = extname(__filename);

@Injectable()
export class AssignmentSolver {
  constructor(private readonly workerThresholdPairs: number = DEFAULT_WORKER_THRESHOLD_PAIRS) {}

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
