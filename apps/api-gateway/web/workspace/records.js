// Reading the outbound data the Service Client API returns: interactions, records, fields.

/** The interaction id in a reply or event: an interaction, or an object holding one. */
export function interactionIdOf(value) {
  if (!value || typeof value !== 'object') return undefined;
  return value.interactionId ?? value.interaction?.interactionId;
}

/** The outbound attributes (GSW_*) of an interaction, a record, or an object holding one. */
export function recordOf(value) {
  if (!value || typeof value !== 'object') return {};
  const interaction = value.interaction ?? value;
  return interaction.userData ?? interaction.outboundRecord ?? interaction.record ?? interaction;
}

/** The record handle of a record or interaction, as a number. */
export function recordHandleOf(value) {
  const handle = value?.recordHandle ?? recordOf(value).GSW_RECORD_HANDLE;
  return handle === undefined || handle === null ? undefined : Number(handle);
}

/**
 * The records of a getChainedRecords reply or a RECORDS_RETRIEVED event: the reference shows
 * them as `[{ records: [...] }]`, an event's interaction as `chainedRecords`.
 */
export function chainedRecordsOf(data) {
  if (!data) return [];
  if (Array.isArray(data))
    return data.flatMap((item) => (Array.isArray(item?.records) ? item.records : [item]));
  if (Array.isArray(data.records)) return data.records;
  if (Array.isArray(data.chainedRecords)) return data.chainedRecords;
  if (Array.isArray(data.interaction?.chainedRecords)) return data.interaction.chainedRecords;
  return [];
}

/**
 * Whether an interaction is a call the agent dialed (voice.dial) rather than a record: it names
 * the number dialed (dnis) and carries no record.
 */
export function isManualCall(interaction) {
  return !!interaction && typeof interaction.dnis === 'string' && recordHandleOf(interaction) === undefined;
}

/** The name of a campaign of a getCampaigns reply (objects or plain names). */
export function campaignNameOf(campaign) {
  if (typeof campaign === 'string') return campaign;
  return campaign?.name ?? campaign?.campaignName ?? campaign?.campaign ?? '';
}

/**
 * A datetime-local value (YYYY-MM-DDTHH:MM) in the rescheduleRecord format, MM/DD/YYYY HH:MM.
 * The agent types the customer's local time, which is what the method expects.
 */
export function rescheduleDateOf(local) {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!match) throw new Error('Enter a date and time for the callback.');
  const [, year, month, day, hour, minute] = match;
  return `${month}/${day}/${year} ${hour}:${minute}`;
}

/**
 * The value of a field input as updateRecordFields wants it: per the field's valueType
 * (string, number or boolean).
 */
export function fieldValueOf(field, input) {
  if (field.valueType === 'boolean') return input.checked;
  if (field.valueType === 'number') {
    if (input.value.trim() === '') return null;
    const number = Number(input.value);
    if (!Number.isFinite(number)) throw new Error(`${labelOf(field)} must be a number.`);
    return number;
  }
  return input.value;
}

/** What people see for a field. */
export function labelOf(field) {
  return field.displayName || field.name;
}
