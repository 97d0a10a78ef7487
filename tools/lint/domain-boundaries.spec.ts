import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** Lints `source` as if it were the file at `path`, with the repository's own ESLint config. */
function lint(path: string, source: string): string[] {
  let output: string;
  try {
    output = execFileSync(join(root, 'node_modules', '.bin', 'eslint'), ['--stdin', '--stdin-filename', path, '-f', 'json'], {
      cwd: root,
      input: source,
      env: { ...process.env, NX_DAEMON: 'false' },
      encoding: 'utf8',
    });
  } catch (error) {
    // ESLint exits 1 when it finds problems; the report is still on stdout.
    output = (error as { stdout: string }).stdout;
  }
  const [report] = JSON.parse(output) as { messages: { ruleId: string; message: string }[] }[];
  return report.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe('the domain layer of a service', () => {
  it.each(['@nestjs/common', 'typeorm', 'kafkajs', '@cmp/messaging'])('may not import %s', (module) => {
    const problems = lint('apps/enrolment/src/domain/mentee.ts', `import * as framework from '${module}';\nexport const used = framework;\n`);
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining(`'${module}' import is restricted`)]));
  });

  it('is also held to it by the module-boundary rule for its project', () => {
    const problems = lint('apps/enrolment/src/domain/mentee.ts', `import { Repository } from 'typeorm';\nexport const used = Repository;\n`);
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^@nx\/enforce-module-boundaries: .*not allowed to import "typeorm"/)]),
    );
  });

  it('may import plain libraries and its own files', () => {
    const problems = lint('apps/enrolment/src/domain/mentee.ts', `import { randomUUID } from 'node:crypto';\nexport const id = randomUUID;\n`);
    expect(problems).toEqual([]);
  });

  it('leaves the other layers free to use the framework', () => {
    const problems = lint('apps/enrolment/src/http/mentee.controller.ts', `import { Controller } from '@nestjs/common';\nexport const used = Controller;\n`);
    expect(problems).toEqual([]);
  });
});

describe('the shared kernel (@cmp/kernel)', () => {
  it('may be imported by the domain layer of a service', () => {
    const problems = lint('apps/enrolment/src/domain/mentee.ts', `import { isStaff } from '@cmp/kernel';\nexport const used = isStaff;\n`);
    expect(problems).toEqual([]);
  });

  it.each(['@nestjs/common', 'typeorm', '@cmp/platform'])('may not import %s itself', (module) => {
    const problems = lint('libs/kernel/src/actor.ts', `import * as framework from '${module}';\nexport const used = framework;\n`);
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining(`'${module}' import is restricted`)]));
  });
});

describe('the application layer of a service', () => {
  const useCase = 'apps/fixture/src/application/cohorts/cohort-commands.ts';

  it.each(['typeorm', 'pg', '@cmp/persistence'])('may not import %s', (module) => {
    const problems = lint(useCase, `import * as orm from '${module}';\nexport const used = orm;\n`);
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining(`'${module}' import is restricted`)]));
  });

  it.each(['../../infrastructure/entities', '../../infrastructure/persistence/cohort.entity', '../infrastructure'])('may not import infrastructure code (%s)', (path) => {
    const problems = lint(useCase, `import * as infrastructure from '${path}';\nexport const used = infrastructure;\n`);
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining(`'${path}' import is restricted`)]));
  });

  it('may import the kernel, its domain and its own ports', () => {
    const problems = lint(
      useCase,
      `import { UnitOfWork } from '@cmp/kernel';\nimport { Cohort } from '../../domain/cohort';\nimport { CohortRepository } from './cohort.repository';\nexport const used = [UnitOfWork, Cohort, CohortRepository];\n`,
    );
    expect(problems).toEqual([]);
  });
});
