import { type CommandDefinition, type EventDefinition } from './definitions';

export type ContractDefinition = CommandDefinition | EventDefinition;

/** Finds the contract behind a subject, so a transport can validate what arrives on it. */
export interface ContractRegistry {
  get(subject: string): ContractDefinition | undefined;
  readonly definitions: readonly ContractDefinition[];
}

/**
 * Collects commands and events from definitions or whole modules (`import * as Campaigns from
 * './messages/campaign-groups'`); anything else a module exports, such as streams, is ignored.
 */
export function createRegistry(
  ...sources: ReadonlyArray<ContractDefinition | Readonly<Record<string, unknown>>>
): ContractRegistry {
  const bySubject = new Map<string, ContractDefinition>();
  for (const candidate of sources.flatMap((source) =>
    isContract(source) ? [source] : Object.values(source),
  )) {
    if (!isContract(candidate)) continue;
    const known = bySubject.get(candidate.subject);
    if (known && known !== candidate) throw new Error(`Two contracts use the subject ${candidate.subject}`);
    bySubject.set(candidate.subject, candidate);
  }
  return { get: (subject) => bySubject.get(subject), definitions: [...bySubject.values()] };
}

function isContract(value: unknown): value is ContractDefinition {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, subject } = value as Partial<ContractDefinition>;
  return (kind === 'command' || kind === 'event') && typeof subject === 'string';
}
