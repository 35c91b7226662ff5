/** Where a do-not-call entry came from: the protocol or tool that asked for it. */
export const DNC_SOURCES = ['desktop', 'http', 'communication-dn', 'api', 'import', 'admin'] as const;

export type DncSource = (typeof DNC_SOURCES)[number];
