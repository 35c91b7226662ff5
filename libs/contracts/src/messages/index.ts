// One file per domain; each declares its streams, commands and events with defineCommand/defineEvent.
export * from './campaign-groups';
export * from './campaign-group-sessions';
export * from './dialing-sessions';
export * from './agents';
export * from './records';
export * from './callbacks';
export * from './do-not-call';
export * from './comm-dn';
export * from './telephony';
export * from './automatic-dialing';
export * from './pacing';
export * from './record-imports';
export * from './web-services';
