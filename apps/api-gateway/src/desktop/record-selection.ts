import { type recordSelectionSchema } from '@ocs/contracts';
import { GswKey as K } from '@ocs/desktop-protocol';
import { DEFAULT_CHAIN_ATTR, isChainAttr } from '@ocs/domain';
import { type z } from 'zod';

/** The attached data RequestRecordCancel and DoNotCall share to name records. */
export interface RecordSelectionAttributes {
  readonly [K.GSW_RECORD_HANDLE]?: number;
  readonly [K.GSW_PHONE]?: string;
  readonly [K.GSW_CUSTOMER_ID]?: string;
  readonly [K.GSW_CHAIN_ATTR]?: string;
  readonly [K.GSW_CAMPAIGN_NAME]?: string;
  readonly [K.GSW_CAMPAIGN_GROUP_NAME]?: string;
  readonly [K.GSW_CALLING_LIST]?: string;
}

export type RecordSelection = z.infer<typeof recordSelectionSchema>;

/**
 * The records a desktop's RequestRecordCancel or DoNotCall names, for its agent: every identifier
 * it sent (record-dispatcher takes the handle, else the phone, else the customer id), the chain
 * scope (AllChain by default) and the campaign, group and list that narrow it. A description of
 * the 103 error when the chain attribute is unknown or no identifier is left once blanks are dropped.
 */
export function recordSelectionOf(
  agentId: string,
  attributes: RecordSelectionAttributes,
  campaignGroupName = attributes[K.GSW_CAMPAIGN_GROUP_NAME],
): { ok: true; selection: RecordSelection } | { ok: false; description: string } {
  const handle = attributes[K.GSW_RECORD_HANDLE];
  const phone = nonBlank(attributes[K.GSW_PHONE]);
  const customerId = nonBlank(attributes[K.GSW_CUSTOMER_ID]);
  const chain = attributes[K.GSW_CHAIN_ATTR];
  if (chain !== undefined && !isChainAttr(chain)) {
    return { ok: false, description: `${K.GSW_CHAIN_ATTR} must be AllChain or RecordOnly` };
  }
  if (handle === undefined && phone === undefined && customerId === undefined) {
    return { ok: false, description: `${K.GSW_PHONE} or ${K.GSW_CUSTOMER_ID} must not be blank` };
  }
  const selection: RecordSelection = {
    by: {
      ...(handle === undefined ? {} : { handle }),
      ...(phone === undefined ? {} : { phone }),
      ...(customerId === undefined ? {} : { customerId }),
    },
    chain: chain ?? DEFAULT_CHAIN_ATTR,
    agentId,
    ...optionalString('campaignName', attributes[K.GSW_CAMPAIGN_NAME]),
    ...optionalString('campaignGroupName', campaignGroupName),
    ...optionalString('callingList', attributes[K.GSW_CALLING_LIST]),
  };
  return { ok: true, selection };
}

/** A value with its surrounding blanks dropped; undefined when nothing is left. */
export function nonBlank(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** `{ [name]: value }` for a value that is set and not empty, else nothing. */
export function optionalString<N extends string>(
  name: N,
  value: string | undefined,
): Partial<Record<N, string>> {
  return value === undefined || value === '' ? {} : ({ [name]: value } as Record<N, string>);
}
