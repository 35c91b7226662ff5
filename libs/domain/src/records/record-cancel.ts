import { literalGuard } from '../enumeration';
import { CallResult } from '../genesys/call-result';
import { RecordStatus } from '../genesys/record-status';

/** GSW_CHAIN_ATTR: cancel the whole chain of a matching record (the default) or the record alone. */
export const CHAIN_ATTRS = ['AllChain', 'RecordOnly'] as const;
export type ChainAttr = (typeof CHAIN_ATTRS)[number];
export const isChainAttr = literalGuard(CHAIN_ATTRS);
export const DEFAULT_CHAIN_ATTR: ChainAttr = 'AllChain';

/** What a canceled record becomes: status Canceled (5), call result Cancel Record (52). */
export const CANCELED_RECORD = {
  recordStatus: RecordStatus.Canceled,
  callResult: CallResult.CancelRecord,
} as const;

/** What a record left on a desktop past stale_clean_timeout becomes: Stale (4), call result Stale (46). */
export const STALE_RECORD = { recordStatus: RecordStatus.Stale, callResult: CallResult.Stale } as const;

/**
 * GSW_MESSAGE of a RecordCancelAcknowledge when records matched by phone or customer id stay on a
 * desktop (reference manual, RecordCancelAcknowledge).
 */
export const INCOMPLETE_CANCEL_MESSAGE = 'Incomplete processing: record(s) on desktop';

/** The identifiers a RequestRecordCancel may carry. */
export interface RecordCancelIdentifiers {
  readonly handle?: number;
  readonly phone?: string;
  readonly customerId?: string;
}

/** The one identifier a cancellation goes by. */
export type RecordCancelKey =
  | { readonly by: 'handle'; readonly handle: number }
  | { readonly by: 'phone'; readonly phone: string }
  | { readonly by: 'customerId'; readonly customerId: string };

/**
 * The identifier that decides a cancellation when a request carries several: record handle
 * (highest), then phone, then customer id (reference manual, RequestRecordCancel note b).
 * Undefined when the request carries none.
 */
export function recordCancelKey(identifiers: RecordCancelIdentifiers): RecordCancelKey | undefined {
  if (identifiers.handle !== undefined) return { by: 'handle', handle: identifiers.handle };
  if (identifiers.phone !== undefined && identifiers.phone !== '')
    return { by: 'phone', phone: identifiers.phone };
  if (identifiers.customerId !== undefined && identifiers.customerId !== '')
    return { by: 'customerId', customerId: identifiers.customerId };
  return undefined;
}

/** Only records that may still be dialed are canceled: Ready, or Retrieved by a session. */
export function isCancelableStatus(recordStatus: number): boolean {
  return recordStatus === RecordStatus.Ready || recordStatus === RecordStatus.Retrieved;
}

/** A record of a chain touched by a cancellation, with where a session holds it. */
export interface ChainRecordHolding {
  readonly recordId: string;
  readonly chainKey: string;
  readonly recordStatus: number;
  /** Whether the request's identifier matched this record itself. */
  readonly matched: boolean;
  /** Where a session holds the record; absent when none does. */
  readonly holding?: {
    readonly handle: number;
    readonly state: 'buffered' | 'desktop';
    readonly agentId: string | null;
  };
}

export interface CancelPlan {
  /** Records to mark Canceled. */
  readonly cancel: string[];
  /** Handles that end with their records (buffered ones, and the requester's own by handle). */
  readonly endHandles: number[];
  /** Records left alone because they are on a desktop the desktop has to be told about. */
  readonly onDesktop: ChainRecordHolding[];
}

/**
 * Which records a cancellation marks. With AllChain every open record of a matched record's chain
 * is canceled, with RecordOnly only the matched records. A record held in a session's buffer is
 * canceled and its handle ends. A record on a desktop is canceled only when it is one of
 * `ownHandles` (a cancel by GSW_RECORD_HANDLE of the desktop holding it); any other record on a
 * desktop is left to that desktop (RecordCancel notification, "Incomplete processing").
 */
export function planCancel(
  records: readonly ChainRecordHolding[],
  chain: ChainAttr,
  ownHandles: ReadonlySet<number> = new Set(),
): CancelPlan {
  const matchedChains = new Set(records.filter((record) => record.matched).map((record) => record.chainKey));
  const plan: CancelPlan = { cancel: [], endHandles: [], onDesktop: [] };
  for (const record of records) {
    const inScope = record.matched || (chain === 'AllChain' && matchedChains.has(record.chainKey));
    if (!inScope || !isCancelableStatus(record.recordStatus)) continue;
    const holding = record.holding;
    if (holding?.state === 'desktop' && !ownHandles.has(holding.handle)) {
      plan.onDesktop.push(record);
      continue;
    }
    plan.cancel.push(record.recordId);
    if (holding) plan.endHandles.push(holding.handle);
  }
  return plan;
}

/**
 * The instant before which a record delivered to a desktop, and not updated since, is Stale under
 * `stale_clean_timeout`; null when the option is 0 (never).
 */
export function staleCutoff(now: Date, staleCleanTimeoutSeconds: number): Date | null {
  if (!(staleCleanTimeoutSeconds > 0)) return null;
  return new Date(now.getTime() - staleCleanTimeoutSeconds * 1000);
}
