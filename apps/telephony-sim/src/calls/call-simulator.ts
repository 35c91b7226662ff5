import {
  type CALL_MODES,
  CallProgress,
  type ConnectCall,
  type DialCall,
  type DialManualCall,
  type GetCall,
  ManualCallProgress,
  type MessageOrigin,
  type PayloadOf,
  type ReleaseCall,
  type ReplyOf,
  type TransferCall,
  type RequestOf,
  TelephonyErrorCode,
} from '@ocs/contracts';
import {
  answerDetection,
  type AnswerState,
  type CallPlan,
  type CallProgressState,
  callResultOf,
  type FinalCallState,
  isFinalCallState,
  mayConnect,
  planCall,
  ringLimitSeconds,
  seededRandom,
  seedOf,
  unconnectedEnd,
} from '@ocs/domain';
import { type Bus, CommandError } from '@ocs/messaging';
import { type AgentBook } from '../agents/agent-book';
import { type SimClock } from './sim-clock';
import { type TelephonySettings } from './telephony-settings';

type DialRequest = RequestOf<typeof DialCall>;
type ManualRequest = RequestOf<typeof DialManualCall>;
type CallAgent = NonNullable<DialRequest['agent']>;
type Progress = PayloadOf<typeof CallProgress>;

/** What was asked for: a record's call (DialCall) or a call the agent dialed himself. */
type CallOrder =
  | { readonly kind: 'record'; readonly request: DialRequest }
  | { readonly kind: 'manual'; readonly request: ManualRequest };

interface ActiveCall {
  readonly callId: string;
  readonly order: CallOrder;
  readonly mode: (typeof CALL_MODES)[number];
  /** A machine or fax answer waits for the dialer's call action (DialCall's holdDetectedAnswers). */
  readonly holdDetectedAnswers: boolean;
  readonly origin: MessageOrigin;
  readonly plan: CallPlan;
  seq: number;
  /** The furthest state before the end, for the call result. */
  reached?: AnswerState | 'established';
  /**
   * A machine or fax answer held for the dialer's call action (DialCall's holdDetectedAnswers);
   * once connected or transferred, the detected answer that still decides the call result.
   */
  detected?: 'answered-machine' | 'answered-fax';
  /** Held for a call action and not acted upon yet. */
  held?: boolean;
  /** The DN a held answer was transferred to. */
  destination?: string;
  /** Simulated time the live answer was reported, for the connect deadline. */
  answeredAt?: number;
  /** The agent the call holds (busy): engaged from the dial, or bridged to it. */
  agent?: CallAgent;
  /** The one pending step; each step schedules the next. */
  cancelNext?: () => void;
  /** Events go out one after the other, so a call's events are stored in order. */
  published: Promise<void>;
  /** The last step reported, for GetCall (record calls only). */
  last?: Progress;
}

export interface CallSimulatorOptions {
  readonly progress?: typeof CallProgress;
  readonly manualProgress?: typeof ManualCallProgress;
  /**
   * A call was bridged to `agent`: how long he talks with a person, when he decides it (a
   * simulated agent); undefined leaves it to the customer model.
   */
  readonly talkSeconds?: (tenant: string, agent: CallAgent) => number | undefined;
  readonly logger?: { warn(fields: object, message: string): void };
}

// Ended calls remembered for idempotency: a retried DialCall comes within seconds, and this many
// calls cover that at any rate the simulator can reach.
const ENDED_CALLS_KEPT = 100_000;

/**
 * The simulated switch: plays each DialCall (and DialManualCall) from the customer model
 * (libs/domain), seeded by the run's seed and the call id, so the same call id has the same
 * customer in every run, whatever else is going on. It publishes every step as CallProgress
 * (ManualCallProgress for manual calls) and applies the line rules: minimum
 * ring time, the connect deadline for live answers, the safe-harbor message. Calls seize and free
 * agents in the agent book: only a ready agent is bridged to, and he is busy until the call ends.
 */
export class CallSimulator {
  private readonly calls = new Map<string, ActiveCall>();
  /** Ended calls by id, with their final step (GetCall; null for manual calls), oldest first. */
  private readonly ended = new Map<string, Progress | null>();
  private readonly progress: typeof CallProgress;
  private readonly manualProgress: typeof ManualCallProgress;

  constructor(
    private readonly settings: TelephonySettings,
    private readonly clock: SimClock,
    private readonly bus: Pick<Bus, 'publish'>,
    private readonly agents: AgentBook,
    private readonly options: CallSimulatorOptions = {},
  ) {
    this.progress = options.progress ?? CallProgress;
    this.manualProgress = options.manualProgress ?? ManualCallProgress;
  }

  /** Calls in progress. */
  get activeCalls(): number {
    return this.calls.size;
  }

  dial(origin: MessageOrigin, request: DialRequest): ReplyOf<typeof DialCall> {
    const { callId } = request;
    if (this.calls.has(callId) || this.ended.has(callId)) return { callId, duplicate: true };
    const random = seededRandom(seedOf(`${this.settings.seed}:${callId}`));
    // The group's call_answer_type_recognition when the dialer passes it (telephony_preset: this
    // switch's own), else `amd` alone.
    const recognition = request.callAnswerTypeRecognition;
    const detection = recognition
      ? answerDetection(recognition, this.settings.presetRecognition)
      : { amd: request.amd, fax: true };
    const plan = planCall(this.settings.model, random, {
      ...detection,
      ringLimitSeconds: ringLimitSeconds(request.noAnswerTimeoutSeconds, this.settings.rules),
    });
    const call: ActiveCall = {
      callId,
      order: { kind: 'record', request },
      mode: request.mode,
      holdDetectedAnswers: request.holdDetectedAnswers ?? false,
      origin,
      plan,
      seq: 0,
      published: Promise.resolve(),
    };
    // The engaged agent is on the call from the dial: refused before anything is placed.
    if (request.mode === 'engaged-agent') this.seize(call, request.agent!);
    this.place(call);
    return { callId, duplicate: false };
  }

  /**
   * DialManualCall: the agent dials `destination` himself, so he is on the call from the dial
   * (as an engaged agent is) and hears who answers: no call progress detection, every answer is
   * his to talk to. The customer is drawn as for any call, from the call id.
   */
  dialManual(origin: MessageOrigin, request: ManualRequest): ReplyOf<typeof DialManualCall> {
    const { callId } = request;
    if (this.calls.has(callId) || this.ended.has(callId)) return { callId, duplicate: true };
    const random = seededRandom(seedOf(`${this.settings.seed}:${callId}`));
    const plan = planCall(this.settings.model, random, {
      amd: false,
      fax: false,
      ringLimitSeconds: ringLimitSeconds(request.noAnswerTimeoutSeconds, this.settings.rules),
    });
    const call: ActiveCall = {
      callId,
      order: { kind: 'manual', request },
      mode: 'engaged-agent',
      holdDetectedAnswers: false,
      origin,
      plan,
      seq: 0,
      published: Promise.resolve(),
    };
    this.agents.dial(origin, request.agent, callId);
    call.agent = request.agent;
    this.place(call);
    return { callId, duplicate: false };
  }

  connect(request: RequestOf<typeof ConnectCall>): ReplyOf<typeof ConnectCall> {
    const call = this.activeCall(request.callId);
    // A live answer within the connect deadline, or a machine or fax held for a call action.
    const waiting =
      call?.held ||
      (call?.reached === 'answered-person' &&
        mayConnect((this.clock.now() - call.answeredAt!) / 1000, this.settings.rules));
    if (!call || !waiting)
      throw new CommandError(
        TelephonyErrorCode.CallNotConnectable,
        `Call ${request.callId} is not a live answer waiting for an agent`,
      );
    this.seize(call, request.agent);
    call.held = false;
    this.establish(call);
    return { callId: request.callId };
  }

  /** The Transfer call action: a held machine or fax goes to `destination` (no agent). */
  transfer(request: RequestOf<typeof TransferCall>): ReplyOf<typeof TransferCall> {
    const call = this.activeCall(request.callId);
    if (!call?.held)
      throw new CommandError(
        TelephonyErrorCode.CallNotConnectable,
        `Call ${request.callId} is not an answer held for a call action`,
      );
    call.held = false;
    call.destination = request.destination;
    this.establish(call);
    return { callId: request.callId };
  }

  release(request: RequestOf<typeof ReleaseCall>): ReplyOf<typeof ReleaseCall> {
    const call = this.activeCall(request.callId);
    if (!call) return { callId: request.callId, released: false };
    // Hanging up on a live answer nobody was connected to is the dialer dropping it.
    this.finish(call, call.reached === 'answered-person' ? 'dropped' : 'released');
    return { callId: request.callId, released: true };
  }

  /** GetCall: the call's last step, null for a call id never dialed (or long forgotten) or manual. */
  get(request: RequestOf<typeof GetCall>): ReplyOf<typeof GetCall> {
    const { callId } = request;
    return { callId, last: this.calls.get(callId)?.last ?? this.ended.get(callId) ?? null };
  }

  /** Stops every call where it is (nothing more is published) and waits for pending events. */
  async stop(): Promise<void> {
    const calls = [...this.calls.values()];
    this.calls.clear();
    for (const call of calls) call.cancelNext?.();
    await Promise.all(calls.map((call) => call.published));
  }

  /** An active call; CALL_NOT_FOUND for one never dialed, undefined for one that has ended. */
  private activeCall(callId: string): ActiveCall | undefined {
    const call = this.calls.get(callId);
    if (!call && !this.ended.has(callId))
      throw new CommandError(TelephonyErrorCode.CallNotFound, `No call ${callId}`);
    return call;
  }

  /** `dialing` goes out at once (the plan's first step), so every call's events start with it. */
  private place(call: ActiveCall): void {
    this.calls.set(call.callId, call);
    this.emit(call, 'dialing');
    this.playSteps(call, this.clock.now(), 1);
  }

  /** Emits the plan's steps from `index` on, each at the dial time plus its offset. */
  private playSteps(call: ActiveCall, dialedAt: number, index: number): void {
    const step = call.plan.steps[index];
    this.after(call, dialedAt + step.at * 1000, () => {
      if (isFinalCallState(step.state)) return this.finish(call, step.state);
      if (index < call.plan.steps.length - 1) {
        this.emit(call, step.state);
        return this.playSteps(call, dialedAt, index + 1);
      }
      this.answered(call, step.state as AnswerState);
    });
  }

  private answered(call: ActiveCall, state: AnswerState): void {
    call.reached = state;
    call.answeredAt = this.clock.now();
    this.emit(call, state);
    if (state !== 'answered-person') {
      // The dialer hangs up on what AMD or the fax tone says is no person, unless it asked to
      // decide (the treatments' call actions); then the switch waits for it, a while.
      if (!call.holdDetectedAnswers) return this.finish(call, 'released');
      call.detected = state;
      call.held = true;
      const timeout = call.answeredAt + this.settings.callActionTimeoutSeconds * 1000;
      return this.after(call, timeout, () => this.finish(call, 'released'));
    }
    const { mode } = call;
    if (mode === 'ivr' || mode === 'engaged-agent') return this.establish(call);
    // A reserved agent no longer ready leaves the answer to ConnectCall, like any other.
    const agent = call.order.kind === 'record' ? call.order.request.agent : undefined;
    if (agent && this.agents.isReady(call.origin.tenant, agent)) {
      this.seize(call, agent);
      return this.establish(call);
    }
    const end = unconnectedEnd(call.plan.patienceSeconds, this.settings.rules);
    this.after(call, call.answeredAt + end.after * 1000, () => this.finish(call, end.state));
  }

  private seize(call: ActiveCall, agent: CallAgent): void {
    this.agents.seize(call.origin, agent, call.callId);
    call.agent = agent;
  }

  /**
   * Bridged (to the call's agent, or the IVR): the answerer stays on for its talk time, or a person
   * for as long as a simulated agent talks, then the call is released.
   */
  private establish(call: ActiveCall): void {
    call.reached = 'established';
    this.emit(call, 'established');
    const { agent, origin, plan } = call;
    // Asked for every bridged call, so a simulated agent wraps up even after an undetected machine,
    // which plays its message to the end whatever he would have said.
    const agentTalk = agent ? this.options.talkSeconds?.(origin.tenant, agent) : undefined;
    const talk = plan.answeredBy === 'person' ? (agentTalk ?? plan.talkSeconds) : plan.talkSeconds;
    this.after(call, this.clock.now() + talk * 1000, () => this.finish(call, 'released'));
  }

  private finish(call: ActiveCall, state: FinalCallState): void {
    call.cancelNext?.();
    // A connected or transferred machine or fax keeps the detector's verdict as its result.
    this.emit(call, state, callResultOf(state, call.detected ?? call.reached));
    if (call.agent) this.agents.free(call.origin, call.agent, call.callId, call.reached === 'established');
    this.calls.delete(call.callId);
    this.ended.set(call.callId, call.last ?? null);
    if (this.ended.size > ENDED_CALLS_KEPT) this.ended.delete(this.ended.keys().next().value!);
  }

  private after(call: ActiveCall, at: number, task: () => void): void {
    call.cancelNext?.();
    call.cancelNext = this.clock.at(at, () => {
      call.cancelNext = undefined;
      task();
    });
  }

  private emit(call: ActiveCall, state: CallProgressState, callResult: number | null = null): void {
    const { callId, order } = call;
    const at = new Date(this.clock.now()).toISOString();
    const seq = ++call.seq;
    let publish: () => Promise<unknown>;
    if (order.kind === 'manual') {
      const { agent, destination } = order.request;
      const event = { callId, agent, destination, seq, state, at, callResult };
      publish = () => this.bus.publish(this.manualProgress, event, call.origin);
    } else {
      const { campaignGroupDbid, recordHandle } = order.request;
      const event: Progress = {
        callId,
        campaignGroupDbid,
        recordHandle,
        seq,
        state,
        at,
        // An engaged agent holds the call from the dial, but is reported from the bridge on.
        agent: call.reached === 'established' ? call.agent : undefined,
        destination: call.reached === 'established' ? call.destination : undefined,
        callResult,
        answeredBy: call.reached ? call.plan.answeredBy : undefined,
      };
      call.last = event;
      publish = () => this.bus.publish(this.progress, event, call.origin);
    }
    call.published = call.published.then(publish).then(
      () => undefined,
      (error: unknown) =>
        this.options.logger?.warn({ err: error, callId, state }, 'Call progress not published'),
    );
  }
}
