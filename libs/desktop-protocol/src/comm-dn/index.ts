export * from './comm-dn-keys';
export * from './comm-dn-requests';
export * from './comm-dn-events';
export * from './comm-dn-groups';
