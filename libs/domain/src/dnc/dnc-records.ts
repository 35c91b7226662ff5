import { CallResult } from '../genesys/call-result';
import { RecordStatus } from '../genesys/record-status';
import { RecordType } from '../genesys/record-type';
import { normalizeDncCustomerId, normalizeDncPhone } from './dnc-keys';

/**
 * What a record marked Do Not Call becomes: record type No Call (7), back in its calling list
 * (Ready, no longer held) with call result Do Not Call (51). Retrieval only takes dialable record
 * types, so it is never dialed again (reference manual, "Submitting DoNotCall Requests").
 */
export const NO_CALL_RECORD = {
  recordType: RecordType.NoCall,
  recordStatus: RecordStatus.Ready,
  callResult: CallResult.DoNotCall,
} as const;

/** A record as do-not-call screening sees it. */
export interface DncScreenedRecord {
  readonly recordId: string;
  readonly phone: string;
  readonly customerId: string | null;
}

/** The phones and customer ids to ask about for a batch of records, each once (normalized). */
export function dncQuestion(records: readonly DncScreenedRecord[]): {
  phones: string[];
  customerIds: string[];
} {
  const phones = new Set<string>();
  const customerIds = new Set<string>();
  for (const record of records) {
    const phone = normalizeDncPhone(record.phone);
    if (phone !== undefined) phones.add(phone);
    const customerId = record.customerId === null ? undefined : normalizeDncCustomerId(record.customerId);
    if (customerId !== undefined) customerIds.add(customerId);
  }
  return { phones: [...phones], customerIds: [...customerIds] };
}

/** The records of a batch whose phone or customer id is listed (as the registry answered, normalized). */
export function dncListedRecords(
  records: readonly DncScreenedRecord[],
  listed: { readonly phones: readonly string[]; readonly customerIds: readonly string[] },
): DncScreenedRecord[] {
  const phones = new Set(listed.phones);
  const customerIds = new Set(listed.customerIds);
  return records.filter((record) => {
    const phone = normalizeDncPhone(record.phone);
    const customerId = record.customerId === null ? undefined : normalizeDncCustomerId(record.customerId);
    return (
      (phone !== undefined && phones.has(phone)) || (customerId !== undefined && customerIds.has(customerId))
    );
  });
}
