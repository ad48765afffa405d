// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The core (domain, services, command handling) and the command definitions must stay
// platform-neutral: adapters, repositories and the scheduler sit behind interfaces.
const coreForbidden = [
  {
    group: ['discord.js', '@discordjs/*'],
    message: 'The core is platform-neutral: put Discord code in src/adapters/discord.',
  },
  { group: ['@slack/*'], message: 'The core is platform-neutral: put Slack code in src/adapters/slack.' },
  {
    group: ['@prisma/*', 'prisma', 'pg', '@electric-sql/*', 'pglite-prisma-adapter'],
    message: 'The core talks to storage through the repository interfaces in src/core/ports.ts.',
  },
  {
    group: ['node-cron', 'cron-parser'],
    message: 'Scheduling lives in src/scheduler; the core gets a Clock.',
  },
  { group: ['pino'], message: 'The core logs through the Logger port in src/core/ports.ts.' },
  {
    group: ['**/adapters/**', '**/db/**', '**/scheduler/**', '**/main.js', '**/main.ts'],
    message: 'The core must not reach into outer layers.',
  },
];

/**
 * The core may not reach out of src/ at all: not into the command definitions (`commands/`,
 * which import the core), tests or scripts. Seen from a file `depth` folders below src/core,
 * that is any relative import climbing `depth + 2` levels. Tests beside the code are not the core:
 * they may use the shared test doubles in test/support.
 */
const coreDepths = [0, 1, 2, 3];
const coreStaysInSrc = coreDepths.map((depth) => ({
  files: [`src/core/${'*/'.repeat(depth)}*.ts`],
  ignores: ['src/core/**/*.test.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...coreForbidden,
          {
            group: [`${'../'.repeat(depth + 2)}**`],
            message:
              'The core must not import commands/ (or anything outside src/): declare handler arguments in the service and wire it in src/command-routes.ts.',
          },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'src/db/generated',
      'data',
      'coverage',
      'generated',
      '.stryker-tmp',
      'reports',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts', 'commands/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: coreForbidden }] },
  },
  ...coreStaysInSrc,
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
