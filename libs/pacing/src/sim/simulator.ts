import {
  ComplianceLedger,
  type ComplianceOptions,
  DEFAULT_COMPLIANCE,
} from '../compliance/compliance-ledger';
import {
  DEFAULT_ESTIMATOR_OPTIONS,
  type EstimatorOptions,
  SessionEstimator,
} from '../estimators/session-estimator';
import { Random } from '../math/random';
import { CONNECT_GRACE_SECONDS } from '../pacer/predictive';
import type { AgentStatus, AgentView, CallView, Pacer, PacingState } from '../pacer/types';
import { type AgentWork, drawAgentWork } from './agent-model';
import { type CustomerResponse, drawCustomer } from './customer-model';
import { EventQueue } from './event-queue';
import { type Scenario, trueEstimates } from './scenario';

/**
 * What a partial oracle is told, to measure what each piece of the oracle's knowledge is worth
 * (the benchmark's `--decompose`): the true outcome and duration distributions instead of the
 * estimators', and the exact remaining time of agents in the listed states.
 */
export interface OracleKnowledge {
  readonly distributions: boolean;
  readonly remaining: readonly ('talking' | 'wrap')[];
}

/** The oracle: everything. */
export const FULL_KNOWLEDGE: OracleKnowledge = { distributions: true, remaining: ['talking', 'wrap'] };
/** A real dialer: estimates and time in state only. */
export const NO_KNOWLEDGE: OracleKnowledge = { distributions: false, remaining: [] };

export interface SimulationOptions {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly pacer: Pacer;
  /**
   * The oracle's view (`true`): exact remaining handle times for every busy agent and the true
   * distributions; or only some of that knowledge.
   */
  readonly oracle?: boolean | OracleKnowledge;
  readonly compliance?: ComplianceOptions;
  readonly estimator?: EstimatorOptions;
}

/** One replication's counts over the shift. */
export interface RunResult {
  readonly dials: number;
  /** Calls AMD passed as live: connected in time or abandoned (the US denominator). */
  readonly liveAnswers: number;
  readonly abandoned: number;
  /** Live answers AMD hung up on as machines (abandons under UK rules). */
  readonly falsePositives: number;
  readonly connects: number;
  readonly talkSeconds: number;
  /** Talk and wrap-up inside the shift. */
  readonly busySeconds: number;
  readonly agentSeconds: number;
  /** Each agent's idle wait before each connect. */
  readonly waits: number[];
}

interface Agent {
  status: AgentStatus;
  since: number;
  readyAt: number;
  hint: { sentAt: number; value: number } | undefined;
}

interface Call {
  readonly dialAt: number;
  readonly customer: CustomerResponse;
  readonly work: AgentWork;
  waiting: boolean;
}

type SimEvent =
  | { kind: 'resolve'; call: Call }
  | { kind: 'deadline'; call: Call }
  | { kind: 'talkEnd'; agent: Agent }
  | { kind: 'ready'; agent: Agent }
  | { kind: 'tick' };

/** Pacers are asked every second, and at once when an agent frees or an attempt ends. */
const TICK_SECONDS = 1;

/**
 * A seeded discrete-event simulation of one shift of one campaign with one pacer: faster than real
 * time, pure, and with common random numbers (the k-th call dialed meets the same customer and the
 * same handle time under every pacer). Agents stay logged in all shift and take the longest-waiting
 * live call at once; a live call finds an agent within 2 s or is abandoned.
 */
export function simulate(options: SimulationOptions): RunResult {
  const { scenario, pacer } = options;
  const knowledge = knowledgeOf(options.oracle ?? false);
  const shift = scenario.shiftSeconds;
  const random = new Random(options.seed);
  const estimator = new SessionEstimator(options.estimator ?? DEFAULT_ESTIMATOR_OPTIONS);
  const ledger = new ComplianceLedger(options.compliance ?? DEFAULT_COMPLIANCE);
  const queue = new EventQueue<SimEvent>();
  const agents: Agent[] = Array.from({ length: scenario.agents }, () => ({
    status: 'ready',
    since: 0,
    readyAt: 0,
    hint: undefined,
  }));
  // Longest-idle first: agents become ready in time order, so a FIFO is enough.
  const readyQueue: Agent[] = [...agents];
  const waitingCalls: Call[] = [];
  const inFlight = new Set<Call>();
  const result = {
    dials: 0,
    liveAnswers: 0,
    abandoned: 0,
    falsePositives: 0,
    connects: 0,
    talkSeconds: 0,
    busySeconds: 0,
    agentSeconds: scenario.agents * shift,
    waits: [] as number[],
  };

  const connect = (agent: Agent, call: Call, now: number) => {
    const { talkSeconds, wrapSeconds, hintFactor } = call.work;
    result.waits.push(now - agent.since);
    result.connects++;
    result.liveAnswers++;
    result.talkSeconds += Math.max(0, Math.min(talkSeconds, shift - now));
    result.busySeconds += Math.max(0, Math.min(talkSeconds + wrapSeconds, shift - now));
    ledger.recordLiveAnswer(now, false);
    pacer.observe({ kind: 'connected', at: now, agentWaitSeconds: now - agent.since });
    agent.status = 'talking';
    agent.since = now;
    agent.readyAt = now + talkSeconds + wrapSeconds;
    agent.hint = undefined;
    queue.push(now + talkSeconds, { kind: 'talkEnd', agent });
    queue.push(agent.readyAt, { kind: 'ready', agent });
    if (scenario.hints !== 'absent') {
      // The hint is drawn now but only visible from `sentAt` on (see view).
      const sentAt = Math.max(now, agent.readyAt - scenario.hintLeadSeconds);
      agent.hint = { sentAt, value: (agent.readyAt - sentAt) / hintFactor };
    }
  };

  const dial = (now: number) => {
    const customer = drawCustomer(scenario, now, random);
    const work = drawAgentWork(scenario, now, random);
    const call: Call = { dialAt: now, customer, work, waiting: false };
    result.dials++;
    inFlight.add(call);
    pacer.observe({ kind: 'dialed', at: now });
    queue.push(now + customer.resolveSeconds, { kind: 'resolve', call });
  };

  const view = (agent: Agent, now: number): AgentView => {
    const secondsInState = now - agent.since;
    if (agent.status === 'ready') return { status: agent.status, secondsInState };
    if ((knowledge.remaining as readonly AgentStatus[]).includes(agent.status))
      return { status: agent.status, secondsInState, readyIn: agent.readyAt - now };
    const hint = agent.hint;
    if (hint && now >= hint.sentAt) {
      return { status: agent.status, secondsInState, readyIn: Math.max(0, hint.value - (now - hint.sentAt)) };
    }
    return { status: agent.status, secondsInState };
  };

  const decide = (now: number) => {
    if (now >= shift) return;
    const calls: CallView[] = [];
    for (const call of inFlight) {
      const answerSeconds = call.customer.answerSeconds;
      calls.push({
        secondsSinceDial: now - call.dialAt,
        answered: answerSeconds !== undefined && now - call.dialAt >= answerSeconds,
      });
    }
    const state: PacingState = {
      now,
      agents: agents.map((agent) => view(agent, now)),
      calls,
      waiting: waitingCalls.length,
      estimates: knowledge.distributions ? trueEstimates(scenario, now) : estimator.estimates(),
      compliance: ledger.binding(now),
    };
    const placed = pacer.decide(state);
    for (let i = 0; i < placed; i++) dial(now);
  };

  const handle = (event: SimEvent, now: number) => {
    switch (event.kind) {
      case 'tick':
        decide(now);
        if (now + TICK_SECONDS < shift) queue.push(now + TICK_SECONDS, event);
        return;
      case 'resolve': {
        const { call } = event;
        inFlight.delete(call);
        estimator.observeAttempt(now, call.customer.detected, now - call.dialAt);
        if (call.customer.falsePositive) result.falsePositives++;
        if (call.customer.detected === 'live') {
          const agent = readyQueue.shift();
          if (agent) connect(agent, call, now);
          else {
            call.waiting = true;
            waitingCalls.push(call);
            queue.push(now + CONNECT_GRACE_SECONDS, { kind: 'deadline', call });
          }
        }
        decide(now);
        return;
      }
      case 'deadline': {
        const { call } = event;
        if (!call.waiting) return;
        call.waiting = false;
        waitingCalls.splice(waitingCalls.indexOf(call), 1);
        result.abandoned++;
        result.liveAnswers++;
        ledger.recordLiveAnswer(now, true);
        pacer.observe({ kind: 'abandoned', at: now });
        return;
      }
      case 'talkEnd':
        estimator.observeTalk(now, now - event.agent.since);
        event.agent.status = 'wrap';
        event.agent.since = now;
        return;
      case 'ready': {
        const { agent } = event;
        estimator.observeWrap(now, now - agent.since);
        if (agent.hint) estimator.observeHint(now, agent.hint.value, now - agent.hint.sentAt);
        agent.status = 'ready';
        agent.since = now;
        agent.hint = undefined;
        const call = waitingCalls.shift();
        if (call) {
          call.waiting = false;
          connect(agent, call, now);
        } else readyQueue.push(agent);
        decide(now);
        return;
      }
    }
  };

  queue.push(0, { kind: 'tick' });
  while (queue.peekTime() < shift) {
    const now = queue.peekTime();
    handle(queue.pop() as SimEvent, now);
  }
  return result;
}

function knowledgeOf(oracle: boolean | OracleKnowledge): OracleKnowledge {
  if (oracle === true) return FULL_KNOWLEDGE;
  return oracle === false ? NO_KNOWLEDGE : oracle;
}
