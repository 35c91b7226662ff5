import type { ComplianceState } from '../pacer/types';
import { RollingWindow } from './rolling-window';

export interface ComplianceOptions {
  /** Abandon rate (fraction of live answers) the pacer aims at. */
  readonly target: number;
  /** Abandon rate no window may exceed. */
  readonly cap: number;
}

/** US and UK rules: 3% of live answers; UK over any 24 h, US over 30 days (PACING.md). */
export const DEFAULT_COMPLIANCE: ComplianceOptions = { target: 0.025, cap: 0.03 };

/**
 * The highest cap a campaign may be given: the most permissive rule PACING.md lists (Canada, about
 * 5% per month). Anything above is a typo (3 meant as a percent given as a fraction, or 30%).
 */
export const MAX_ABANDON_CAP = 0.05;

/** Every reason a target and cap cannot be used; empty when they can (0 < target <= cap <= 5%). */
export function checkComplianceOptions(options: ComplianceOptions): string[] {
  const errors: string[] = [];
  const { target, cap } = options;
  if (!(Number.isFinite(target) && target > 0)) errors.push('the abandon target must be above 0');
  if (!(Number.isFinite(cap) && cap > 0 && cap <= MAX_ABANDON_CAP))
    errors.push(`the abandon cap must be above 0 and at most ${MAX_ABANDON_CAP * 100}%`);
  if (target > cap) errors.push('the abandon target must not exceed the cap');
  return errors;
}

const DAY = 86_400;

/**
 * A campaign's abandon accounting over rolling 24 h and 30-day windows. The service keeps one per
 * campaign (shared by its sessions) and hands the binding window to the pacer; the same figures
 * are its metrics. The counts are the campaign's, the target and cap may be a campaign group's:
 * `binding` and `metrics` take them (the ledger's own options by default).
 */
export class ComplianceLedger {
  private readonly day = new RollingWindow(DAY, 60);
  private readonly month = new RollingWindow(30 * DAY, 3600);

  constructor(readonly options: ComplianceOptions = DEFAULT_COMPLIANCE) {}

  /** A call answered by a live person at `at` (seconds), connected in time or abandoned. */
  recordLiveAnswer(at: number, abandoned: boolean): void {
    this.day.record(at, abandoned);
    this.month.record(at, abandoned);
  }

  /** The window with the least headroom under the cap: the one the pacer must respect. */
  binding(at: number, options: ComplianceOptions = this.options): ComplianceState {
    const [day, month] = [this.day.totals(at), this.month.totals(at)];
    const state = (w: { liveAnswers: number; abandoned: number }): ComplianceState => ({
      ...w,
      target: options.target,
      cap: options.cap,
    });
    return abandonHeadroom(state(day)) <= abandonHeadroom(state(month)) ? state(day) : state(month);
  }

  metrics(at: number, options: ComplianceOptions = this.options): ComplianceMetrics {
    const rate = (w: { liveAnswers: number; abandoned: number }) =>
      w.liveAnswers ? w.abandoned / w.liveAnswers : 0;
    const [day, month] = [this.day.totals(at), this.month.totals(at)];
    return {
      abandonRate24h: rate(day),
      abandonRate30d: rate(month),
      liveAnswers24h: day.liveAnswers,
      abandoned24h: day.abandoned,
      liveAnswers30d: month.liveAnswers,
      abandoned30d: month.abandoned,
      abandonHeadroom: abandonHeadroom(this.binding(at, options)),
      abandonTarget: options.target,
      abandonCap: options.cap,
    };
  }
}

/** Gauges for the service to export, one per field. */
export interface ComplianceMetrics {
  readonly abandonRate24h: number;
  readonly abandonRate30d: number;
  readonly liveAnswers24h: number;
  readonly abandoned24h: number;
  readonly liveAnswers30d: number;
  readonly abandoned30d: number;
  /** How many more calls may be at risk of abandoning right now (see abandonHeadroom). */
  readonly abandonHeadroom: number;
  readonly abandonTarget: number;
  readonly abandonCap: number;
}

/**
 * The most calls that may be exposed to abandonment (placed beyond the agents who are ready) with
 * the window still at or under the cap if every one of them abandons: (A + X) / (L + X) <= cap.
 * Connects, abandons and unanswered calls never raise (A + X) / (L + X), so a pacer that keeps its
 * exposure within this bound at every decision never lets the window exceed the cap. Near the cap
 * it is 0: only progressive pacing (a call per ready agent) remains.
 */
export function abandonHeadroom(state: ComplianceState): number {
  const room = (state.cap * state.liveAnswers - state.abandoned) / (1 - state.cap);
  // A hair of tolerance so 3 abandons in 100 answers at a 3% cap count as exactly at the cap.
  return Math.max(0, Math.floor(room + 1e-9));
}

/**
 * How many more abandons the window can take, as a real number: (max(cap x L, allowance) - A) /
 * (1 - cap), the X of (A + X) / (L + X) <= cap, with a prior `allowance` of abandons for a window
 * too young to have earned any (a campaign's first minutes). The allowance only counts until the
 * window's own answers are worth as much (cap x L >= allowance); from then on the budget is
 * exactly the headroom before rounding. A pacer spends it by probability (see AbandonTail), not
 * by counting every exposed call as abandoned.
 */
export function abandonBudget(state: ComplianceState, allowance = 0): number {
  return (Math.max(state.cap * state.liveAnswers, allowance) - state.abandoned) / (1 - state.cap);
}
