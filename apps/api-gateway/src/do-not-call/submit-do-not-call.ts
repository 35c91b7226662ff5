import { AddDoNotCall, MarkDoNotCallRecords, type RequestOf } from '@ocs/contracts';
import { type BusClient } from '@ocs/messaging';

/** A DoNotCall as every edge (desktop, OCS HTTP, Communication DN) asks for it. */
export interface DoNotCallSubmission {
  readonly tenant: string;
  /** Which records: by handle, or by phone / customer id, with the chain attribute. */
  readonly marking: RequestOf<typeof MarkDoNotCallRecords>;
  /** GSW_MESSAGE, kept for the DNC log. */
  readonly message?: string;
  /** GSW_DURATION: the entries expire after it. */
  readonly durationSeconds?: number;
  readonly source: RequestOf<typeof AddDoNotCall>['source'];
  readonly timeoutMs: number;
}

/**
 * The manual's DoNotCall, in the order that never leaves a listed value dialable: by record handle,
 * record-dispatcher first marks the record (with AllChain its chain) No Call and ends its handles,
 * then the phones it names are listed; by phone or customer id, the value is listed first (from then
 * on retrieval screens it out), then the matching records of loaded groups become No Call and the
 * desktops holding one get RecordCancel. Both steps are idempotent, so a caller may repeat a request
 * that failed half way.
 */
export async function submitDoNotCall(
  client: Pick<BusClient, 'request'>,
  submission: DoNotCallSubmission,
): Promise<void> {
  const { tenant, marking, timeoutMs } = submission;
  const origin = { tenant };
  const options = { timeoutMs };
  const listing = {
    message: submission.message,
    durationSeconds: submission.durationSeconds,
    agentId: marking.agentId,
    source: submission.source,
  };
  const { handle, phone, customerId } = marking.by;
  if (handle !== undefined) {
    const marked = await client.request(MarkDoNotCallRecords, marking, origin, options);
    if (marked.phones.length > 0) {
      await client.request(
        AddDoNotCall,
        { ...listing, phones: marked.phones, customerIds: [] },
        origin,
        options,
      );
    }
    return;
  }
  await client.request(
    AddDoNotCall,
    {
      ...listing,
      phones: phone === undefined ? [] : [phone],
      customerIds: customerId === undefined ? [] : [customerId],
    },
    origin,
    options,
  );
  await client.request(MarkDoNotCallRecords, marking, origin, options);
}
