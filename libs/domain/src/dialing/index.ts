export * from './buffer';
export * from './retrieval';
