export * from './comm-dn-error';
export * from './campaign-group-lifecycle';
