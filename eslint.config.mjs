import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

// Libraries that perform I/O. Pure libraries (tag kind:pure) may not import them.
const ioModules = [
  'pg',
  'pg-*',
  '@prisma/*',
  '@nats-io/*',
  'nats',
  '@nestjs/*',
  'pino',
  '@opentelemetry/sdk-*',
  'node:fs',
  'fs',
  'node:net',
  'net',
  'node:http',
  'http',
  'node:child_process',
  'child_process',
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'dist/**',
      'tmp/**',
      'coverage/**',
      '.nx/**',
      'libs/persistence/src/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { plugins: { '@nx': nx } },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            // Apps never import each other: they meet only through libs (contracts on the bus).
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            // Pure libraries hold the rules and do no I/O.
            { sourceTag: 'kind:pure', onlyDependOnLibsWithTags: ['kind:pure'] },
            { sourceTag: 'kind:io', onlyDependOnLibsWithTags: ['kind:pure', 'kind:io'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
    },
  },
  {
    files: [
      'libs/contracts/src/**/*.ts',
      'libs/desktop-protocol/src/**/*.ts',
      'libs/domain/src/**/*.ts',
      'libs/pacing/src/**/*.ts',
    ],
    ignores: ['**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ioModules }] },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The gateway's browser files (workspace, SDK, samples, consoles): plain browser scripts and
    // ES modules, served as they are, without a bundler.
    files: ['apps/api-gateway/web/**/*.js'],
    languageOptions: { sourceType: 'module', globals: { ...globals.browser } },
  },
  prettier,
);
