export * from './agent-model';
export * from './agent-state';
export * from './call-progress';
export * from './customer-model';
export * from './line-rules';
export * from './seeded-random';
export * from './answer-type-recognition';
