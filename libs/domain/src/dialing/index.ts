export * from './buffer';
export * from './retrieval';
export * from './silent-call';
