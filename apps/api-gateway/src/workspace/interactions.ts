import { type KeyAllowList, readableUserData } from './user-data-access';
import { type InteractionEvent, type InteractionStep, eventsOf, type PreviewMode } from './preview-events';
import { type RescheduleNote } from './reschedule-date';
import { type CustomFieldDefinition, type RecordData } from './record-fields';

/** What every voice interaction of the workspace has: its state, user data and call. Pure state. */
interface VoiceInteraction {
  /** The workspace's own id (the reference: a client-side id, lost on the next session). */
  readonly interactionId: string;
  /** Attached data: the record's keys as strings, or voice.dial's, then what setUserData wrote. */
  readonly userData: Record<string, unknown>;
  state: string;
  previousState: string;
  callType: string;
  capabilities: readonly string[];
  /** The call placed or bridged for it, while there is one. */
  callId?: string;
  /** The call's result once it ended; for a record, setCallResult's. Undefined until then. */
  callResult?: number;
  /** blockMarkdone's warning while mark done is blocked. */
  markdoneBlocked?: string;
}

/**
 * One outbound record the agent works, as the Service Client API shows it: an interaction of the
 * voice media with the record's user data. Its interactionId is the workspace's own; the record
 * keeps its handle (GSW_RECORD_HANDLE) toward OCS. Pure state, no I/O.
 */
export interface OutboundInteraction extends VoiceInteraction {
  readonly mode: PreviewMode;
  readonly handle: number;
  /** The record as OCS sent it (PreviewRecord, ScheduledCall, EventEstablished ...). */
  readonly record: RecordData;
  /** ChainedRecord frames received for it (getChainedRecords). */
  chainedRecords?: RecordData[];
  doNotCall: boolean;
  /** rescheduleRecord, sent as RecordReschedule for `handle` at mark done. */
  reschedule?: RescheduleNote & { readonly handle: number };
  /** getRecordFields: the calling list's fields, read once. */
  customFields?: readonly CustomFieldDefinition[];
  /** updateRecordFields, as desktop user data for RecordProcessed. */
  readonly updatedFields: Record<string, string | number>;
  /** The record left the desk (rejected, canceled, finalized by OCS): mark done only removes it. */
  finished: boolean;
}

/** A call the agent dialed himself (voice.dial): no record, nothing for OCS at mark done. */
export interface ManualInteraction extends VoiceInteraction {
  readonly mode: 'manual';
  /** The number or DN dialed. */
  readonly destination: string;
}

export type Interaction = OutboundInteraction | ManualInteraction;

export function isRecordInteraction(interaction: Interaction): interaction is OutboundInteraction {
  return interaction.mode !== 'manual';
}

/** The record's keys as user data values: the reference's samples show strings. */
export function recordUserData(record: RecordData): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [key, typeof value === 'number' ? String(value) : value]),
  );
}

/** Applies a step of the preview events table; returns the events to send, in order. */
export function advance(interaction: Interaction, step: InteractionStep): InteractionEvent[] {
  const events = [...eventsOf(interaction.mode, step)];
  for (const event of events) {
    interaction.previousState = interaction.state;
    interaction.state = event.state;
    interaction.callType = event.callType;
    interaction.capabilities = event.capabilities;
  }
  return events;
}

/** The `interaction.Interaction` object a client is given: only the user data it may read. */
export function interactionView(
  interaction: Interaction,
  readAllowed: KeyAllowList,
  override?: Pick<InteractionEvent, 'state' | 'callType' | 'capabilities'> & { previousState: string },
): Record<string, unknown> {
  const phone = isRecordInteraction(interaction) ? interaction.record['GSW_PHONE'] : undefined;
  return {
    interactionId: interaction.interactionId,
    media: 'voice',
    parentInteractionId: null,
    state: override?.state ?? interaction.state,
    previousState: override?.previousState ?? interaction.previousState,
    capabilities: override?.capabilities ?? interaction.capabilities,
    callType: override?.callType ?? interaction.callType,
    direction: 'OUT',
    // The reference's dialed-call example names the call by its destination (`name`, `dnis`).
    ...(isRecordInteraction(interaction)
      ? { name: typeof phone === 'string' ? phone : '' }
      : { name: interaction.destination, dnis: interaction.destination }),
    userData: readableUserData(readAllowed, interaction.userData),
    ...(!isRecordInteraction(interaction) || interaction.chainedRecords === undefined
      ? {}
      : {
          // Record data, not user data: the read allow-list applies to userData only.
          chainedRecords: [interaction.record, ...interaction.chainedRecords],
        }),
    isMainCaseInteraction: true,
  };
}

/** The interactions of one workspace, by interactionId and by record handle. */
export class Interactions {
  private nextId = 1;
  private readonly byId = new Map<string, Interaction>();

  add(mode: PreviewMode, handle: number, record: RecordData, initialState = 'UNKNOWN'): OutboundInteraction {
    const interaction: OutboundInteraction = {
      interactionId: String(this.nextId++),
      mode,
      handle,
      record,
      userData: recordUserData(record),
      state: initialState,
      previousState: 'UNKNOWN',
      callType: 'OUTBOUND',
      capabilities: [],
      doNotCall: false,
      updatedFields: {},
      finished: false,
    };
    this.byId.set(interaction.interactionId, interaction);
    return interaction;
  }

  /** A call the agent dials (voice.dial), before its first step. */
  addManual(destination: string, userData: Record<string, unknown>): ManualInteraction {
    const interaction: ManualInteraction = {
      interactionId: String(this.nextId++),
      mode: 'manual',
      destination,
      userData: { ...userData },
      state: 'UNKNOWN',
      previousState: 'UNKNOWN',
      callType: 'OUTBOUND',
      capabilities: [],
    };
    this.byId.set(interaction.interactionId, interaction);
    return interaction;
  }

  get(interactionId: unknown): Interaction | undefined {
    return typeof interactionId === 'string' || typeof interactionId === 'number'
      ? this.byId.get(String(interactionId))
      : undefined;
  }

  byHandle(handle: number): OutboundInteraction | undefined {
    for (const interaction of this.byId.values()) {
      if (!isRecordInteraction(interaction)) continue;
      if (interaction.handle === handle) return interaction;
      if (interaction.chainedRecords?.some((record) => record['GSW_RECORD_HANDLE'] === handle))
        return interaction;
    }
    return undefined;
  }

  byCall(callId: string): Interaction | undefined {
    return [...this.byId.values()].find((interaction) => interaction.callId === callId);
  }

  remove(interaction: Interaction): void {
    this.byId.delete(interaction.interactionId);
  }

  all(): Interaction[] {
    return [...this.byId.values()];
  }

  /** The outbound records among them. */
  records(): OutboundInteraction[] {
    return this.all().filter(isRecordInteraction);
  }
}
