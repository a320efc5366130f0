/**
 * One jest config for three tiers: unit specs beside the code, medium specs (test/medium: a repository or service
 * against real PostgreSQL, no processes) and cross-process e2e specs (test/).
 * NestJS 12 and several parsers ship ES modules only, which jest cannot require() on Node 20 (ts-jest also fails on
 * their `import.meta`): @swc/jest compiles them to CommonJS too.
 */
const esmOnly = [
  '@nestjs',
  'htmlparser2',
  'domhandler',
  'domutils',
  'dom-serializer',
  'domelementtype',
  'entities',
  'css-select',
  'css-what',
  'nth-check',
  'boolbase',
  'eld',
  'compromise',
  'linkedom',
  'uhyphen',
  'htmlparser2-ng',
  'html-escaper',
  'cssom',
  'diff',
  'fast-xml-parser',
  'strnum',
  'parse5',
  '@seriousme',
];

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  // Node's environment, plus killing any process a test file left running (test/setup/child-processes.ts).
  testEnvironment: '<rootDir>/test/setup/jest-environment.ts',
  testMatch: [
    '<rootDir>/apps/**/*.spec.ts',
    '<rootDir>/libs/**/*.spec.ts',
    '<rootDir>/bench/**/*.spec.ts',
    '<rootDir>/test/medium/**/*.medium-spec.ts',
    '<rootDir>/test/**/*.e2e-spec.ts',
  ],
  transform: {
    '^.+\\.m?[tj]s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleNameMapper: {
    '^@copydesk/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^@copydesk/pipeline/publish$': '<rootDir>/libs/pipeline/src/publish/index.ts',
  },
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  testTimeout: 60_000,
  // Two cores: two jest workers keep unit specs parallel without starving the e2e child processes.
  maxWorkers: 2,
};
