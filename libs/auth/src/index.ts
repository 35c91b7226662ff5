export * from './desktop-token';
export * from './supervisor-token';
