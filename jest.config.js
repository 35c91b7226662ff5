// Two suites: unit tests live beside the code (src/**/*.spec.ts) and need no I/O;
// integration tests live in test/ folders (*.int-spec.ts) and use the real Postgres and NATS.
const preset = require('./jest.preset');

module.exports = {
  reporters: ['default', '<rootDir>/tools/jest/summary-reporter.js'],
  projects: [
    {
      ...preset,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs}/*/src/**/*.spec.ts', '<rootDir>/{tools,test}/**/*.spec.ts'],
    },
    {
      ...preset,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/*/test/**/*.int-spec.ts', '<rootDir>/test/**/*.int-spec.ts'],
    },
  ],
};
