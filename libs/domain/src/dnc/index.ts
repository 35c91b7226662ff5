export * from './dnc-source';
export * from './dnc-keys';
export * from './dnc-index';
export * from './dnc-records';
