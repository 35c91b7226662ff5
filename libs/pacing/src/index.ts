export * from './math/lognormal';
export * from './math/random';

export * from './estimators/forgetting';
export * from './estimators/log-moments';
export * from './estimators/outcome-frequencies';
export * from './estimators/session-estimator';

export * from './compliance/compliance-ledger';
export * from './compliance/rolling-window';

export * from './pacer/abandon-risk';
export * from './pacer/availability';
export * from './pacer/goal';
export * from './pacer/goal-controller';
export * from './pacer/predictive';
export * from './pacer/progressive';
export * from './pacer/types';
export * from './pacer/vicidial';

export * from './sim/agent-model';
export * from './sim/customer-model';
export * from './sim/event-queue';
export * from './sim/scenario';
export * from './sim/simulator';
