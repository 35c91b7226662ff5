// Shared Jest settings. NestJS 12 and some of its dependencies ship ESM only, so @swc/jest
// transforms them to CommonJS too (see docs/DECISIONS.md, "Tests").
const { readFileSync } = require('node:fs');
const path = require('node:path');

const swcrc = JSON.parse(readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
delete swcrc.exclude;
delete swcrc.$schema;
swcrc.jsc.baseUrl = __dirname;

const esmOnly = [
  '@nestjs',
  '@nats-io',
  'jose',
  'uid',
  'file-type',
  'strtok3',
  'token-types',
  'peek-readable',
  'load-esm',
];

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', { ...swcrc, swcrc: false, module: { type: 'commonjs' } }] },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  moduleNameMapper: {
    '^@ocs/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^@ocs/([a-z-]+)/testing$': '<rootDir>/libs/$1/src/testing/index.ts',
  },
  rootDir: __dirname,
};
