import type { Pacer, PacingEvent, PacingState } from './types';

/** What Vicidial's campaign settings offer for its adaptive dial level (PACING.md). */
export interface VicidialOptions {
  /** Intensity k in [-0.4, 0.4]. */
  readonly intensity: number;
  readonly maxLevel: number;
  /** Drop-rate target: drops / human answers. */
  readonly dropTarget: number;
  /** What happens when today's drop rate exceeds the target. */
  readonly mode: 'hardLimit' | 'average' | 'tapered';
  /** Added to the ready-minus-waiting difference ("target offset"). */
  readonly offset: number;
  /** Length of the calling day, for the tapered mode. */
  readonly daySeconds: number;
}

export const DEFAULT_VICIDIAL: VicidialOptions = {
  intensity: 0,
  maxLevel: 3,
  dropTarget: 0.03,
  mode: 'hardLimit',
  offset: 0,
  daySeconds: 8 * 3600,
};

const SAMPLE_SECONDS = 1;
const SAMPLES = 15;
const RECALCULATE_SECONDS = 15;
const PLACE_SECONDS = 2.5;

/**
 * The open-source baseline: Vicidial's adaptive dial level, step by step as PACING.md restates it.
 * It keeps its own state (samples, dial level, drop counts) and has no model of answer rate or
 * handle time.
 */
export class VicidialPacer implements Pacer {
  private level = 1;
  private readonly samples: { ready: number; total: number; waiting: number }[] = [];
  private nextSample = 0;
  private nextRecalculation = RECALCULATE_SECONDS;
  private nextPlacement = 0;
  /** Times of recent dials and drops, for the last-minute rule. */
  private recentDials: number[] = [];
  private recentDrops: number[] = [];
  private dialsToday = 0;
  private dropsToday = 0;
  private answersToday = 0;

  constructor(private readonly options: VicidialOptions = DEFAULT_VICIDIAL) {}

  get dialLevel(): number {
    return this.level;
  }

  decide(state: PacingState): number {
    const { now } = state;
    // Step 1: one sample a second of R (ready), T (logged in, paused included), W (answered, waiting).
    while (now >= this.nextSample) {
      let ready = 0;
      for (const agent of state.agents) if (agent.status === 'ready') ready++;
      this.samples.push({ ready, total: state.agents.length, waiting: state.waiting });
      if (this.samples.length > SAMPLES) this.samples.shift();
      this.nextSample += SAMPLE_SECONDS;
    }
    while (now >= this.nextRecalculation) {
      this.recalculate(now);
      this.nextRecalculation += RECALCULATE_SECONDS;
    }
    // Step 6: calls are placed every 2.5 s.
    if (now < this.nextPlacement) return 0;
    this.nextPlacement = now + PLACE_SECONDS;
    return Math.max(0, vicidialGoalCalls(this.level, state) - vicidialCallsInProgress(state));
  }

  observe(event: PacingEvent): void {
    if (event.kind === 'dialed') {
      this.dialsToday++;
      this.recentDials.push(event.at);
    } else {
      this.answersToday++;
      if (event.kind === 'abandoned') {
        this.dropsToday++;
        this.recentDrops.push(event.at);
      }
    }
  }

  private recalculate(now: number): void {
    const { intensity, maxLevel, dropTarget, mode, offset, daySeconds } = this.options;
    const avg = (pick: (s: (typeof this.samples)[number]) => number) =>
      this.samples.reduce((sum, s) => sum + pick(s), 0) / Math.max(1, this.samples.length);
    // Steps 1-3: the difference of ready agents and waiting calls, per logged-in agent, moves the level.
    const difference = avg((s) => s.ready) - avg((s) => s.waiting) + offset;
    const total = avg((s) => s.total);
    const m = difference === 0 || total === 0 ? 0 : difference / total;
    const p = 100 * m;
    const adjusted = p < 0 ? p * Math.abs(intensity - 1) : p * (1 + intensity);
    let level = Math.min(maxLevel, Math.max(1, this.level * (1 + adjusted / 100)));
    // Step 4: more than half of the last minute's calls dropped.
    this.recentDials = this.recentDials.filter((t) => t > now - 60);
    this.recentDrops = this.recentDrops.filter((t) => t > now - 60);
    if (this.recentDials.length > 20 && this.recentDrops.length / this.recentDials.length > 0.5) level /= 2;
    // Step 5: today's drop rate over the target.
    if (this.dialsToday > 50 && this.answersToday > 0 && this.dropsToday / this.answersToday > dropTarget) {
      if (mode === 'hardLimit') level = 1;
      else if (mode === 'average') level /= 2;
      else level *= Math.max(0, Math.min(1, 1 - now / daySeconds));
    }
    this.level = Math.max(1, level);
  }
}

/**
 * Step 6's "active agents", as AST_VDauto_dial.pl counts them: agents READY or INCALL with their
 * call still in vicidial_auto_calls. An agent whose customer has hung up (wrap-up, disposition) is
 * INCALL without a live call there: a DEAD agent, taken off the count. Paused agents are not
 * counted either. At dial level 1 the pace is thus exactly progressive.
 */
export function vicidialActiveAgents(state: PacingState): number {
  let active = 0;
  for (const agent of state.agents) if (agent.status === 'ready' || agent.status === 'talking') active++;
  return active;
}

/** round(DL x active agents): vicidial_auto_dial's goal calls (Perl sprintf "%.0f"). */
export function vicidialGoalCalls(level: number, state: PacingState): number {
  return Math.round(level * vicidialActiveAgents(state));
}

/**
 * Step 6's "calls in progress": the campaign's rows of vicidial_auto_calls in SENT, RINGING, LIVE
 * (answered, waiting for an agent) or XFER (talking to an agent): ringing, waiting and talking calls.
 */
export function vicidialCallsInProgress(state: PacingState): number {
  let talking = 0;
  for (const agent of state.agents) if (agent.status === 'talking') talking++;
  return state.calls.length + state.waiting + talking;
}
