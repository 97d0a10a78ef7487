import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { solveAssignment, solveAssignmentWithCertificate, verifyOptimality } from '../src';
import { denseInstance, denseScores, sparseInstance } from './instances';

/**
 * `npm run bench -- matching`: the assignment engine against the `munkres` npm package (and SciPy's
 * `linear_sum_assignment` when python3 has SciPy) on a dense 2,000 × 2,000 problem, and alone on
 * two sparse shapes. Every case runs in its own child process, so each peak RSS
 * (`process.resourceUsage().maxRSS`) belongs to that case alone, and every child builds its
 * instance from the same seed, so all solvers see the same numbers.
 *
 * Timing: `process.hrtime.bigint()` around the public call (`solveAssignment`, which includes
 * validating and indexing the input objects); ours is the median of 3 runs (after one untimed
 * warm-up call, reported as "first call"), as is
 * munkres (on a ready-made cost matrix `max − score`, its input format). Checks: the dense totals
 * must agree to 1e-6 relative (munkres, SciPy, and our general solver on all pairs), and the
 * sparse results must pass `verifyOptimality`, a dual certificate of optimality checked in
 * O(pairs) independently of the solver. A failed check throws, so no RESULT line is printed.
 */
export async function run(args: string[]): Promise<void> {
  const scale = args.includes('--small') ? 0.25 : 1;
  const size = Math.round(2000 * scale);
  const cases = {
    dense: child('dense-ours', scale),
    munkres: child('dense-munkres', scale),
    scipy: scipy(size),
    sparse: child('sparse10k', scale),
    capacity: child('cap5k', scale),
  };

  const line = (text: string): void => {
    process.stdout.write(`${text}\n`);
  };
  const mb = (kb: number): string => `${(kb / 1024).toFixed(0)} MB`;
  const s = (seconds: number): string => seconds.toFixed(3);
  line(`matching benchmark — Node ${process.version}, seeded instances, every case in its own process`);

  const { dense, munkres } = cases;
  line(
    `(a) dense ${size}×${size}, capacity 1, scores uniform in [0, 100): ours ${s(dense.seconds)} s (median of 3: ${dense.runs.map(s).join(', ')}; ` +
      `first call ${s(dense.first)} s), munkres ${s(munkres.seconds)} s (median of 3: ${munkres.runs.map(s).join(', ')}), ratio ${(munkres.seconds / dense.seconds).toFixed(2)}`,
  );
  line(`    Jonker–Volgenant strategy (informational): ${s(dense.extra.jonkerVolgenantSeconds ?? NaN)} s; general solver on all ${size * size} pairs: ${s(dense.extra.generalSeconds ?? NaN)} s`);
  const totals: [string, number][] = [
    ['ours', dense.total],
    ['munkres', munkres.total],
    ['ours, general solver on all pairs', dense.extra.generalTotal ?? NaN],
    ['ours, Jonker–Volgenant', dense.extra.jonkerVolgenantTotal ?? NaN],
  ];
  if (cases.scipy.ok) {
    totals.push(['SciPy linear_sum_assignment', cases.scipy.total]);
    line(`    SciPy linear_sum_assignment ${s(cases.scipy.seconds)} s (inside python, matrix already loaded)`);
  } else {
    line(`    SciPy skipped: ${cases.scipy.reason}`);
  }
  line(`    totals: ${totals.map(([name, total]) => `${name} ${total.toFixed(6)}`).join('; ')}`);
  for (const [name, total] of totals) {
    if (!(Math.abs(total - dense.total) <= 1e-6 * Math.abs(dense.total))) throw new Error(`dense totals disagree: ${name} ${total} vs ours ${dense.total}`);
  }
  line(`    peak RSS: ours ${mb(dense.maxRssKb)} (input objects alone ${mb(dense.inputRssKb)}), munkres ${mb(munkres.maxRssKb)}`);

  for (const [label, result] of [
    [`(b) sparse ${10000 * scale}×${10000 * scale}, 100 eligible mentors each, capacity 1`, cases.sparse],
    [`(c) ${5000 * scale} mentees × ${2500 * scale} mentors of capacity 2, 200 eligible each`, cases.capacity],
  ] as const) {
    line(
      `${label}: ${s(result.seconds)} s (median of 3: ${result.runs.map(s).join(', ')}; first call ${s(result.first)} s), ` +
        `matched ${result.matched}, total ${result.total.toFixed(3)}, certificate ${result.extra.optimal ? `proves optimality (gap ${result.extra.gap})` : 'FAILED'}, ` +
        `peak RSS ${mb(result.maxRssKb)} (input objects alone ${mb(result.inputRssKb)})`,
    );
    if (!result.extra.optimal) throw new Error(`${label}: the optimality certificate failed: ${result.extra.violations}`);
  }

  line(
    `RESULT matching dense2000_s=${s(dense.seconds)} munkres_s=${s(munkres.seconds)} ratio=${(munkres.seconds / dense.seconds).toFixed(2)} ` +
      `sparse10k_s=${s(cases.sparse.seconds)} cap5k_s=${s(cases.capacity.seconds)}`,
  );
}

interface ChildResult {
  seconds: number;
  runs: number[];
  first: number;
  total: number;
  matched: number;
  maxRssKb: number;
  inputRssKb: number;
  extra: {
    optimal?: boolean;
    gap?: number;
    violations?: string;
    generalSeconds?: number;
    generalTotal?: number;
    jonkerVolgenantSeconds?: number;
    jonkerVolgenantTotal?: number;
  };
}

const DENSE_SEED = 20240601;
const SPARSE_SEED = 20240602;
const CAPACITY_SEED = 20240603;

function child(kind: string, scale: number): ChildResult {
  const root = join(__dirname, '..', '..', '..');
  const outcome = spawnSync(process.execPath, ['-r', '@swc-node/register', __filename, '--child', kind, String(scale)], {
    cwd: root,
    env: { ...process.env, SWC_NODE_PROJECT: join(root, 'tsconfig.json') },
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (outcome.status !== 0) throw new Error(`benchmark case ${kind} failed (${outcome.status ?? outcome.signal}):\n${outcome.stderr}`);
  const last = outcome.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as ChildResult;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeIt<T>(work: () => T): { seconds: number; value: T } {
  const started = process.hrtime.bigint();
  const value = work();
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, value };
}

/** Runs one case in this (child) process and prints its result as one JSON line. */
async function runChild(kind: string, scale: number): Promise<void> {
  const size = Math.round(2000 * scale);
  let result: ChildResult;
  if (kind === 'dense-munkres') {
    const { munkres } = await import('munkres');
    const scores = denseScores(size, DENSE_SEED);
    let max = -Infinity;
    for (const value of scores) max = Math.max(max, value);
    const cost: number[][] = [];
    for (let i = 0; i < size; i++) cost.push(Array.from(scores.subarray(i * size, (i + 1) * size), (value) => max - value));
    const inputRssKb = process.resourceUsage().maxRSS;
    const runs: number[] = [];
    let total = 0;
    let matched = 0;
    for (let k = 0; k < 3; k++) {
      const { seconds, value } = timeIt(() => munkres(cost));
      runs.push(seconds);
      total = value.reduce((sum, [row, column]) => sum + scores[row * size + column], 0);
      matched = value.length;
    }
    result = { seconds: median(runs), runs, first: runs[0], total, matched, maxRssKb: process.resourceUsage().maxRSS, inputRssKb, extra: {} };
  } else {
    const problem =
      kind === 'dense-ours'
        ? denseInstance(size, DENSE_SEED).problem
        : kind === 'sparse10k'
          ? sparseInstance(10000 * scale, 10000 * scale, 1, 100, SPARSE_SEED)
          : sparseInstance(5000 * scale, 2500 * scale, 2, 200, CAPACITY_SEED);
    const inputRssKb = process.resourceUsage().maxRSS;
    const first = timeIt(() => solveAssignment(problem));
    const runs: number[] = [];
    let timedResult = first.value;
    for (let k = 0; k < 3; k++) {
      const timed = timeIt(() => solveAssignment(problem));
      runs.push(timed.seconds);
      timedResult = timed.value;
    }
    const maxRssKb = process.resourceUsage().maxRSS;
    // The certificate comes from a further (untimed) run; the result must be the very same.
    const outcome = solveAssignmentWithCertificate(problem);
    if (JSON.stringify(outcome.result) !== JSON.stringify(timedResult)) throw new Error(`${kind}: the certified run differs from the timed one`);
    const extra: ChildResult['extra'] = {};
    if (kind === 'dense-ours') {
      const general = timeIt(() => solveAssignmentWithCertificate(problem, {}, 'sparse'));
      extra.generalSeconds = general.seconds;
      extra.generalTotal = general.value.result.totalScore;
      const jonkerVolgenant = timeIt(() => solveAssignmentWithCertificate(problem, {}, 'jonker-volgenant'));
      extra.jonkerVolgenantSeconds = jonkerVolgenant.seconds;
      extra.jonkerVolgenantTotal = jonkerVolgenant.value.result.totalScore;
    }
    const report = verifyOptimality(problem, outcome.result, outcome.certificate);
    extra.optimal = report.optimal;
    extra.gap = report.gap;
    extra.violations = report.violations.join('; ');
    result = {
      seconds: median(runs),
      runs,
      first: first.seconds,
      total: outcome.result.totalScore,
      matched: outcome.result.assignments.length,
      maxRssKb,
      inputRssKb,
      extra,
    };
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** SciPy on the same matrix, if python3 can import it; never installs anything. */
function scipy(size: number): { ok: true; seconds: number; total: number } | { ok: false; reason: string } {
  const probe = spawnSync('python3', ['-c', 'import scipy, numpy'], { encoding: 'utf8' });
  if (probe.status !== 0) return { ok: false, reason: probe.error ? String(probe.error) : 'python3 cannot import scipy' };
  const directory = mkdtempSync(join(tmpdir(), 'matching-bench-'));
  try {
    const scores = denseScores(size, DENSE_SEED);
    const file = join(directory, 'scores.f64');
    writeFileSync(file, Buffer.from(scores.buffer, scores.byteOffset, scores.byteLength));
    const script = [
      'import json, sys, time, numpy',
      'from scipy.optimize import linear_sum_assignment',
      `scores = numpy.fromfile(sys.argv[1], dtype="<f8").reshape(${size}, ${size})`,
      'started = time.perf_counter()',
      'rows, cols = linear_sum_assignment(scores, maximize=True)',
      'seconds = time.perf_counter() - started',
      'print(json.dumps({"seconds": seconds, "total": float(scores[rows, cols].sum())}))',
    ].join('\n');
    const outcome = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
    if (outcome.status !== 0) return { ok: false, reason: `python3 failed: ${outcome.stderr.trim().split('\n').pop()}` };
    const parsed = JSON.parse(outcome.stdout.trim()) as { seconds: number; total: number };
    return { ok: true, ...parsed };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const at = process.argv.indexOf('--child');
  if (at >= 0) {
    runChild(process.argv[at + 1], Number(process.argv[at + 2] ?? 1)).catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    });
  }
}
