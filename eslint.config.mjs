import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// Which project may depend on which. Apps never import each other (no `type:app` target is
// allowed anywhere); libraries never import apps.
const depConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib'] },
];

// A service's domain is plain TypeScript: the framework, the ORM and the broker stay outside.
const frameworkImports = ['@nestjs/*', 'typeorm', 'kafkajs', 'pg', '@cmp/messaging', '@cmp/persistence', '@cmp/platform'];

// Use cases depend on repository ports and the kernel's unit of work, never on the ORM, the
// driver or infrastructure code: repositories in infrastructure/ own every query.
const persistenceImports = ['typeorm', 'pg', '@cmp/persistence'];
const infrastructureImports = ['**/infrastructure', '**/infrastructure/**'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/node_modules', '**/dist', '**/.cache', '**/.data', '**/tmp', '**/*.js', '**/*.mjs'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: false, allow: [], depConstraints }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'off',
    },
  },
  {
    files: ['apps/*/src/domain/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: depConstraints.map((constraint) =>
            constraint.sourceTag === 'type:app'
              ? { ...constraint, bannedExternalImports: frameworkImports }
              : constraint,
          ),
        },
      ],
      'no-restricted-imports': ['error', { patterns: frameworkImports.map((group) => ({ group: [group], message: 'domain code stays free of frameworks, the ORM and the broker' })) }],
    },
  },
  {
    // The kernel is what domain code shares (the actor), so it is held to the domain's rule.
    files: ['libs/kernel/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: frameworkImports.map((group) => ({ group: [group], message: 'the kernel is imported by domain code, so it stays free of frameworks, the ORM and the broker' })) }],
    },
  },
  {
    files: ['apps/*/src/application/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: persistenceImports, message: 'use cases reach the database through repository ports and the unit of work (@cmp/kernel)' },
            { group: infrastructureImports, message: 'use cases depend on ports; infrastructure implements them' },
          ],
        },
      ],
    },
  },
];
