import { type CustomFieldValue } from './attribute-spec';
import { type USER_EVENT_SPECS, type UserEventAttributes } from './event-attributes';
import { type UserEvent } from './events';
import { GswKey } from './keys';

export type UserEventData = Readonly<Record<string, string | number>>;

type CarriesCustomFields<E extends UserEvent> = (typeof USER_EVENT_SPECS)[E]['customFields'];

export interface UserEventOptions<E extends UserEvent> {
  /** The answered request's `GSW_REFERENCE_ID`, which OCS guarantees to echo unchanged. */
  readonly referenceId?: string | number;
  /** Calling-list fields sent under their `send_attribute` keys; only record-bearing events carry them. */
  readonly customFields?: CarriesCustomFields<E> extends true
    ? Readonly<Record<string, CustomFieldValue>>
    : never;
}

/** Attached data of user event `event`; the type system enforces the table's required keys. */
export function buildUserEventData<E extends UserEvent>(
  event: E,
  attributes: UserEventAttributes<E>,
  options: UserEventOptions<E> = {},
): UserEventData {
  // Protocol attributes are written after custom fields so a misconfigured send_attribute cannot
  // overwrite them.
  const data: Record<string, string | number> = { ...options.customFields };
  for (const [key, value] of Object.entries(
    attributes as Readonly<Record<string, string | number | undefined>>,
  )) {
    if (value !== undefined) data[key] = value;
  }
  data[GswKey.GSW_USER_EVENT] = event;
  if (options.referenceId !== undefined) data[GswKey.GSW_REFERENCE_ID] = options.referenceId;
  return data;
}
