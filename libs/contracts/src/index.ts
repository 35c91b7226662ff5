export * from './envelope';
export * from './definitions';
export * from './reply';
export * from './registry';
export * from './messages';
