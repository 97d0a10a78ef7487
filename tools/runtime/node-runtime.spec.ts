// The project runs on one exact Node.js, named in .node-version and nowhere else by hand: the
// version-manager file repeats it, package.json's engines admit it, and every script that starts
// node, npm, npx or a tool installed by npm goes through tools/runtime.sh first, since the
// machine's own node (20 here) comes first on PATH.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const PINNED = read('.node-version').trim();

/** Commands that run JavaScript and so must find the pinned node first on PATH. */
const NODE_COMMAND = /(^|[\s;&|(`])(node|npm|npx|nx|jest|tsc|swc)\s/m;
const SOURCES_RUNTIME = /^\s*(source|\.)\s+("?\$root"?\/)?tools\/runtime\.sh\b|^\s*(source|\.)\s+"\$\(dirname[^)]*\)\/runtime\.sh"/m;

describe('the pinned Node.js runtime', () => {
  it('is one exact version of an LTS line that is still supported (24)', () => {
    expect(PINNED).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Number(PINNED.split('.')[0])).toBeGreaterThanOrEqual(24);
  });

  it('is what this test runs on', () => {
    expect(process.version).toBe(`v${PINNED}`);
  });

  it('is repeated for version managers (.nvmrc) exactly', () => {
    expect(read('.nvmrc').trim()).toBe(PINNED);
  });

  it('satisfies the engines range package.json declares, which refuses Node 20', () => {
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
    expect(engines).toBe(`>=${PINNED.split('.')[0]}`);
  });

  it('is set up by every shell script that runs node, npm or a tool installed with npm', () => {
    const scripts = [
      ...readdirSync(join(ROOT, 'tools')).filter((file) => file.endsWith('.sh')).map((file) => `tools/${file}`),
      '.ci/run',
    ].filter((file) => file !== 'tools/runtime.sh' && file !== 'tools/services.sh');
    const running = scripts.filter((file) => NODE_COMMAND.test(read(file).replace(/^\s*#.*$/gm, '')));
    expect(running).toEqual(expect.arrayContaining(['tools/setup.sh', 'tools/start.sh', 'tools/test.sh', 'tools/bench.sh', '.ci/run']));
    expect(running.filter((file) => !SOURCES_RUNTIME.test(read(file)))).toEqual([]);
  });

  it('is used by every npm script and Nx command that runs node, directly or through a tools/ script', () => {
    const { scripts } = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    const projectCommands = ['apps', 'libs']
      .flatMap((dir) => readdirSync(join(ROOT, dir)).map((project) => `${dir}/${project}/project.json`))
      .concat('tools/project.json')
      .filter((file) => existsSync(join(ROOT, file)))
      .flatMap((file) => {
        const project = JSON.parse(read(file)) as { targets?: Record<string, { options?: { command?: string } }> };
        return Object.entries(project.targets ?? {}).map(([target, { options }]) => [`${file}:${target}`, options?.command ?? ''] as const);
      });
    const direct = [...Object.entries(scripts), ...projectCommands].filter(
      ([, command]) =>
        NODE_COMMAND.test(` ${command} `) &&
        !/\bbash tools\/with-runtime\.sh\b/.test(command) &&
        // jest.preset.js refuses any other runtime, so a jest target cannot run on the wrong one.
        !/^jest\s/.test(command),
    );
    const viaToolsScript = direct.filter(([, command]) => /^bash tools\/[a-z-]+\.sh(\s|$)/.test(command));
    expect(direct.filter((entry) => !viaToolsScript.includes(entry))).toEqual([]);
  });

  it('takes the place of an older node first on PATH, for a script that sources tools/runtime.sh', () => {
    // Already installed by setup (this test runs on it), so nothing is downloaded here.
    const reported = execFileSync('bash', ['-c', 'source tools/runtime.sh && node --version && npm --version'], {
      cwd: ROOT,
      env: { ...process.env, PATH: `/usr/bin:${process.env.PATH ?? ''}` },
      encoding: 'utf8',
    });
    expect(reported.split('\n')[0]).toBe(`v${PINNED}`);
  });
});
