import { type AnswerState, type CallProgressState, type SitState } from './call-progress';
import {
  type Interval,
  type LogNormal,
  logNormalOf,
  pickWeighted,
  type SeededRandom,
  uniformIn,
} from './seeded-random';

/** Who or what is at the dialed number when the call is placed. */
export const CUSTOMER_REACH = ['person', 'machine', 'fax', 'busy', 'sit', 'no-answer'] as const;
export type CustomerReach = (typeof CUSTOMER_REACH)[number];
export type Answerer = Extract<CustomerReach, 'person' | 'machine' | 'fax'>;

/**
 * The distributions a simulated customer is drawn from. Defaults follow PACING.md's benchmark design
 * (live answer 25 %, machines 15 %, busy 7 %, SIT 15 %, ring to a live answer lognormal with a
 * median near 8 s, talk mean 180 s with a coefficient of variation of 1, AMD 2-4 s).
 */
export interface CustomerModel {
  /** Relative weights; the line decides from ring times whether an answerer answers in time. */
  readonly reach: Readonly<Record<CustomerReach, number>>;
  /** Relative weights of the tones of the `sit` share. */
  readonly sitTones: Readonly<Record<SitState, number>>;
  /** From the dial to ringing. */
  readonly dialingSeconds: Interval;
  /** From the dial to a busy or SIT signal. */
  readonly signalSeconds: Interval;
  /** Rings before a person answers. */
  readonly personRingSeconds: LogNormal;
  /** Rings before a machine or fax answers. */
  readonly machineRingSeconds: LogNormal;
  /** A conversation once a person is connected. */
  readonly talkSeconds: LogNormal;
  /** How long an undetected machine talks to whoever is connected. */
  readonly machineMessageSeconds: Interval;
  /** How long a person waits in silence after their greeting before hanging up. */
  readonly patienceSeconds: LogNormal;
  readonly amd: {
    /** From the answer to the detector's verdict (persons and machines alike). */
    readonly detectSeconds: Interval;
    /** Share of persons reported as machines (hung up on: UK rules count them as abandoned). */
    readonly falsePositiveRate: number;
    /** Share of machines reported as persons. */
    readonly falseNegativeRate: number;
  };
}

export const DEFAULT_CUSTOMER_MODEL: CustomerModel = {
  reach: { person: 0.25, machine: 0.15, fax: 0.01, busy: 0.07, sit: 0.15, 'no-answer': 0.37 },
  sitTones: {
    'sit-detected': 0.1,
    'sit-invalid-num': 0.2,
    'sit-vacant-code': 0.3,
    'sit-intercept': 0.15,
    'sit-unknown-call-state': 0.05,
    'sit-no-circuit': 0.1,
    'sit-reorder': 0.1,
  },
  dialingSeconds: { min: 0.5, max: 1.5 },
  signalSeconds: { min: 2, max: 5 },
  personRingSeconds: { mean: 9, cv: 0.5 },
  machineRingSeconds: { mean: 14, cv: 0.3 },
  talkSeconds: { mean: 180, cv: 1 },
  machineMessageSeconds: { min: 10, max: 30 },
  patienceSeconds: { mean: 5, cv: 0.6 },
  amd: { detectSeconds: { min: 2, max: 4 }, falsePositiveRate: 0.05, falseNegativeRate: 0.05 },
};

/**
 * One call as the customer's side will play it, in seconds from the dial. `steps` are what the
 * line reports before anyone is bridged: dialing, ringing, then a final state (busy, no-answer,
 * a SIT tone) or the answer as detected. What follows an answer depends on the dialer (who is
 * connected, and when), so it is left to the caller with the durations it needs.
 */
export interface CallPlan {
  readonly steps: readonly { readonly state: CallProgressState; readonly at: number }[];
  /** Who really answered: the simulation's ground truth, which AMD may misreport. */
  readonly answeredBy?: Answerer;
  /** How long the answerer stays on once connected (a person talks, a machine plays its message). */
  readonly talkSeconds: number;
  /** How long the answerer waits in silence before hanging up (forever for machines and faxes). */
  readonly patienceSeconds: number;
}

export interface DialOptions {
  /** Answering-machine detection on this call. */
  readonly amd: boolean;
  /**
   * Fax detection on this call (true when absent); false only without any call progress detection,
   * when a fax answer is reported as a person.
   */
  readonly fax?: boolean;
  /** The call is given up as no-answer after ringing this long (see ringLimitSeconds). */
  readonly ringLimitSeconds: number;
}

/**
 * Plays a call from `random`. Every variate is drawn, in a fixed order, whatever the outcome: a
 * call keeps its customer when only the dial options change (common random numbers, so AMD on and
 * off, or two ring limits, are compared on the same customers).
 */
export function planCall(model: CustomerModel, random: SeededRandom, options: DialOptions): CallPlan {
  const reach = pickWeighted(model.reach, random.next());
  const tone = pickWeighted(model.sitTones, random.next());
  const dialing = uniformIn(model.dialingSeconds, random.next());
  const signal = uniformIn(model.signalSeconds, random.next());
  const ringZ = random.normal();
  const talk = logNormalOf(model.talkSeconds, random.normal());
  const patience = logNormalOf(model.patienceSeconds, random.normal());
  const message = uniformIn(model.machineMessageSeconds, random.next());
  const detect = uniformIn(model.amd.detectSeconds, random.next());
  const amdError = random.next();

  const start = { state: 'dialing' as const, at: 0 };
  if (reach === 'busy' || reach === 'sit')
    return {
      steps: [start, { state: reach === 'busy' ? 'busy' : tone, at: signal }],
      talkSeconds: 0,
      patienceSeconds: 0,
    };
  const ringing = { state: 'ringing' as const, at: dialing };
  const ring =
    reach === 'person'
      ? logNormalOf(model.personRingSeconds, ringZ)
      : logNormalOf(model.machineRingSeconds, ringZ);
  if (reach === 'no-answer' || ring >= options.ringLimitSeconds)
    return {
      steps: [start, ringing, { state: 'no-answer', at: dialing + options.ringLimitSeconds }],
      talkSeconds: 0,
      patienceSeconds: 0,
    };
  const answer = reportedAnswer(reach, options.amd, amdError, model.amd, options.fax ?? true);
  // Without AMD a person or machine is reported at pickup; a verdict (and any fax tone) takes time.
  const reportedAfter = answer === 'answered-fax' || options.amd ? detect : 0;
  return {
    steps: [start, ringing, { state: answer, at: dialing + ring + reportedAfter }],
    answeredBy: reach,
    talkSeconds: reach === 'person' ? talk : message,
    patienceSeconds: reach === 'person' ? patience : Number.POSITIVE_INFINITY,
  };
}

/**
 * What call-progress detection reports for an answer. Faxes are told by their tone (unless `fax`
 * detection is off: no call progress detection at all); without AMD everything else sounds like a
 * person; with it, `amdError` (uniform) below the false-positive rate turns a person into a
 * machine, below the false-negative rate a machine into a person.
 */
export function reportedAnswer(
  answerer: Answerer,
  amd: boolean,
  amdError: number,
  rates: Pick<CustomerModel['amd'], 'falsePositiveRate' | 'falseNegativeRate'>,
  fax = true,
): AnswerState {
  if (answerer === 'fax') return fax ? 'answered-fax' : 'answered-person';
  if (!amd) return 'answered-person';
  if (answerer === 'person')
    return amdError < rates.falsePositiveRate ? 'answered-machine' : 'answered-person';
  return amdError < rates.falseNegativeRate ? 'answered-person' : 'answered-machine';
}
