export * from './record-cancel';
