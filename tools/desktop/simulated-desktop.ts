/**
 * The desktop half of a simulated agent, free of I/O: what a desktop working Progressive and
 * Predictive calls sends in answer to what it gets. The telephony half (talk time, the call's end)
 * is telephony-sim's; this half makes the agent ready, and for each call it was given
 * (EventEstablished) sends RecordProcessed once the call is released, with a call result drawn
 * from a distribution, then makes the agent ready again. So records are finalized by desktops
 * over the gateway's protocol, as in production with record_processed on.
 */
import {
  AgentEvent,
  CallEvent,
  DesktopAgentState,
  GswKey as K,
  OcsKey,
  RequestType,
  UserEvent,
} from '@ocs/desktop-protocol';
import { CallResult, pickWeighted } from '@ocs/domain';
import { type Frame, parseCallResult } from './desktop-session';

/** Call results by weight (any scale), keyed by the GSW_CALL_RESULT value. */
export type CallResultWeights = Readonly<Record<string, number>>;

export const DEFAULT_CALL_RESULTS: CallResultWeights = { [CallResult.Answer]: 1 };

export interface SimulatedDesktopCounts {
  established: number;
  released: number;
  /** RecordProcessed acknowledged. */
  processed: number;
  /** RecordProcessed or agent state requests answered with an error. */
  failed: number;
}

interface HeldCall {
  readonly handle: number;
  readonly campaignName: unknown;
  readonly callingList: unknown;
  readonly applicationId: unknown;
}

export class SimulatedDesktop {
  readonly counts: SimulatedDesktopCounts = { established: 0, released: 0, processed: 0, failed: 0 };
  private nextReferenceId = 1;
  private readonly calls = new Map<unknown, HeldCall>();
  /** Reference ids of the RecordProcessed requests waiting for their answer. */
  private readonly processing = new Set<number>();

  constructor(
    private readonly callResults: CallResultWeights,
    /** A number in [0, 1) per draw: seeded for repeatable runs. */
    private readonly random: () => number,
  ) {}

  /** The frames to send once the desktop is logged in: ready for calls. */
  start(): Frame[] {
    return [this.ready()];
  }

  /** The frames to send in answer to `frame`. */
  receive(frame: Frame): Frame[] {
    const callEvent = frame[OcsKey.OCS_CALL_EVENT];
    if (callEvent === CallEvent.EventEstablished) {
      this.counts.established++;
      this.calls.set(frame[OcsKey.OCS_CALL_ID], {
        handle: frame[K.GSW_RECORD_HANDLE] as number,
        campaignName: frame[K.GSW_CAMPAIGN_NAME],
        callingList: frame[K.GSW_CALLING_LIST],
        applicationId: frame[K.GSW_APPLICATION_ID],
      });
      return [];
    }
    if (callEvent === CallEvent.EventReleased) {
      this.counts.released++;
      const call = this.calls.get(frame[OcsKey.OCS_CALL_ID]);
      this.calls.delete(frame[OcsKey.OCS_CALL_ID]);
      // Without record_processed OCS finalized the record: only back to work.
      if (!call || frame[OcsKey.OCS_RECORD_PROCESSED_REQUIRED] !== 1) return [this.ready()];
      return [this.recordProcessed(call)];
    }
    const reference = frame[K.GSW_REFERENCE_ID];
    if (typeof reference === 'number' && this.processing.delete(reference)) {
      if (frame[K.GSW_USER_EVENT] === UserEvent.RecordProcessedAcknowledge) this.counts.processed++;
      else this.counts.failed++;
      // The record is done: the after-call work with it.
      return [this.ready()];
    }
    if (frame[OcsKey.OCS_AGENT_EVENT] === AgentEvent.AgentStateError) this.counts.failed++;
    return [];
  }

  private ready(): Frame {
    return { [OcsKey.OCS_AGENT_STATE]: DesktopAgentState.Ready, [OcsKey.OCS_REFERENCE_ID]: this.reference() };
  }

  private recordProcessed(call: HeldCall): Frame {
    const referenceId = this.reference();
    this.processing.add(referenceId);
    return {
      [K.GSW_AGENT_REQ_TYPE]: RequestType.RecordProcessed,
      [K.GSW_APPLICATION_ID]: call.applicationId,
      [K.GSW_CAMPAIGN_NAME]: call.campaignName,
      [K.GSW_CALLING_LIST]: call.callingList,
      [K.GSW_RECORD_HANDLE]: call.handle,
      [K.GSW_CALL_RESULT]: Number(pickWeighted(this.callResults, this.random())),
      [K.GSW_REFERENCE_ID]: referenceId,
    };
  }

  private reference(): number {
    return this.nextReferenceId++;
  }
}

/** `answer:8,wrong_party:1,7:1`: call results (numbers or names) with their weights. */
export function parseCallResultWeights(text: string): CallResultWeights {
  const weights: Record<string, number> = {};
  for (const part of text.split(',').map((item) => item.trim())) {
    const [name, weight, ...rest] = part.split(':');
    const value = Number(weight);
    if (!name || rest.length > 0 || !(value >= 0) || weight?.trim() === '')
      throw new Error(`"${part}" is not <call result>:<weight>`);
    weights[String(parseCallResult(name.trim()))] = value;
  }
  if (!Object.values(weights).some((weight) => weight > 0))
    throw new Error('at least one call result needs a positive weight');
  return weights;
}
