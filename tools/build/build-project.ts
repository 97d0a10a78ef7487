// `nx run <project>:build`: compiles one project's src/ to JavaScript under dist/, keeping the
// repository's layout (apps/enrolment/src/main.ts → dist/apps/enrolment/src/main.js), so the
// relative paths SWC writes for the @cmp/* aliases point at the libraries' own output
// (dist/libs/<lib>/src), which Nx builds first (dependsOn ^build).
//
// The transform is the one the tests use (.swcrc.json: decorator metadata, no define semantics for
// class fields) plus the aliases from tsconfig.base.json; both stay the one place they are set.
// SWC wants the aliases in its own config with an absolute baseUrl, so that config is written to
// tmp/ for each build and handed to the swc CLI.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
/** Tests, test fixtures and helpers that only tests import never ship. */
const NOT_SHIPPED = ['**/*.spec.ts', '**/*.int-spec.ts', '**/test-support/**'];

function buildConfig(): object {
  const swcrc = JSON.parse(readFileSync(join(ROOT, '.swcrc.json'), 'utf8')) as { $schema?: string; jsc: object };
  const { compilerOptions } = JSON.parse(readFileSync(join(ROOT, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  const { $schema: _schema, ...config } = swcrc;
  return { ...config, jsc: { ...swcrc.jsc, baseUrl: ROOT, paths: compilerOptions.paths } };
}

function main(projectRoot: string | undefined): void {
  if (!projectRoot || !/^(apps|libs)\/[a-z0-9-]+$/.test(projectRoot) || !existsSync(join(ROOT, projectRoot, 'src'))) {
    throw new Error(`usage: build-project.ts <apps/name|libs/name> with a src/ folder (got ${projectRoot})`);
  }
  const name = projectRoot.replace('/', '-');
  const configFile = join(ROOT, 'tmp', 'build', `${name}.swcrc.json`);
  mkdirSync(join(ROOT, 'tmp', 'build'), { recursive: true });
  writeFileSync(configFile, JSON.stringify(buildConfig(), null, 2));

  // A file deleted from src/ must not live on in the output.
  const outDir = join(ROOT, 'dist', projectRoot);
  rmSync(outDir, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [
      require.resolve('@swc/cli/bin/swc.js'),
      `${projectRoot}/src`,
      '--out-dir',
      'dist',
      '--config-file',
      relative(ROOT, configFile),
      '--no-swcrc',
      '--ignore',
      NOT_SHIPPED.join(','),
      '--quiet',
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (!existsSync(outDir)) throw new Error(`swc wrote nothing to ${relative(ROOT, outDir)}`);
}

main(process.argv[2]);
