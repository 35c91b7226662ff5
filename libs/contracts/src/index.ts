export * from './envelope';
export * from './definitions';
export * from './messages';
