export * from './enumeration';

export * from './genesys/call-result';
export * from './genesys/contact-info-type';
export * from './genesys/dial-mode';
export * from './genesys/group-campaign-status';
export * from './genesys/mandatory-fields';
export * from './genesys/optimization-method';
export * from './genesys/predictive-algorithm';
export * from './genesys/record-status';
export * from './genesys/record-type';

export * from './fields/custom-fields';
export * from './fields/field-data-type';
export * from './fields/field-definition';
export * from './fields/field-error';
export * from './fields/field-value';

export * from './time/daily-window';
export * from './time/genesys-date-time';
export * from './time/local-date-time';
export * from './time/time-zones';
export * from './time/zone-clock';

export * from './treatments/treatment';
export * from './treatments/treatment-outcome';
export * from './filters/filter-criteria';
export * from './dnc';
export * from './callbacks/callback';
export * from './callbacks/callback-time';
export * from './dialing';
export * from './campaign-groups';
export * from './records';
export * from './telephony';
