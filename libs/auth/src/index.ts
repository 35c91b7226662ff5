export * from './desktop-token';
