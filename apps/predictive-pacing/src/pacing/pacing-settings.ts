import { checkComplianceOptions, type ComplianceOptions, DEFAULT_COMPLIANCE } from '@ocs/pacing';
import { parseEnv } from '@ocs/service-kit';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { z } from 'zod';

export interface PacingSettings {
  /** How often each paced session asks its pacer how many calls to place. */
  readonly tickMs: number;
  /** How long a session stays with a replica that stopped renewing (crashed) before another takes it. */
  readonly leaseTtlMs: number;
  /** Names this process as the owner of the sessions it paces. */
  readonly instanceId: string;
  /** Seconds on this process's clock; tests drive it. */
  readonly clock: () => number;
  /** The GVP modes: the voice ports a group's calls may hold, and Power GVP's calls per free port. */
  readonly gvp: GvpCapacity;
  /**
   * How much faster than this process the switch's clock runs (telephony-sim's
   * TELEPHONY_TIME_SCALE): the line's 2-second connect rule is on that clock, the pacer's on ours.
   */
  readonly switchTimeScale: number;
  /** The abandon target and cap of campaign groups that configure none (fractions of live answers). */
  readonly compliance: ComplianceOptions;
}

export interface GvpCapacity {
  /** Calls a GVP group may have on the line at once (Progressive GVP: one per free port). */
  readonly ports: number;
  /** Power GVP: calls in progress, not yet answered, per port not holding an answered call. */
  readonly powerRatio: number;
}

export const DEFAULT_GVP_CAPACITY: GvpCapacity = { ports: 10, powerRatio: 2 };

export const PACING_ENVIRONMENT = [
  {
    name: 'PACING_TICK_MS',
    default: '500',
    meaning: 'how often each paced session decides how many calls to place (DialRecords)',
  },
  {
    name: 'PACING_LEASE_TTL_MS',
    default: '15000',
    meaning: "a crashed replica's paced sessions move to another after this long",
  },
  {
    name: 'PACING_GVP_PORTS',
    default: '10',
    meaning: 'voice ports per GVP group: Progressive GVP places one call per free port',
  },
  {
    name: 'PACING_SWITCH_TIME_SCALE',
    default: '1',
    meaning:
      "how much faster the switch's clock runs (telephony-sim's TELEPHONY_TIME_SCALE); scales the 2 s connect grace",
  },
  {
    name: 'PACING_ABANDON_TARGET_PERCENT',
    default: '2.5',
    meaning:
      'abandon rate (percent of live answers) the pacer aims at, for campaign groups without abandon_target_percent',
  },
  {
    name: 'PACING_ABANDON_CAP_PERCENT',
    default: '3',
    meaning:
      "abandon rate no campaign's 24 h or 30-day window may exceed, for campaign groups without abandon_cap_percent (at most 5)",
  },
  {
    name: 'PACING_GVP_POWER_RATIO',
    default: '2',
    meaning: 'Power GVP: unanswered calls in progress per free port (dials this far ahead)',
  },
];

const schema = z.object({
  PACING_TICK_MS: z.coerce.number().int().min(50).max(60_000).default(500),
  PACING_LEASE_TTL_MS: z.coerce.number().int().min(300).default(15_000),
  PACING_GVP_PORTS: z.coerce.number().int().min(1).max(500).default(DEFAULT_GVP_CAPACITY.ports),
  PACING_GVP_POWER_RATIO: z.coerce.number().min(1).max(10).default(DEFAULT_GVP_CAPACITY.powerRatio),
  PACING_SWITCH_TIME_SCALE: z.coerce.number().min(1).max(1000).default(1),
  PACING_ABANDON_TARGET_PERCENT: z.coerce.number().default(DEFAULT_COMPLIANCE.target * 100),
  PACING_ABANDON_CAP_PERCENT: z.coerce.number().default(DEFAULT_COMPLIANCE.cap * 100),
});

export function loadPacingSettings(env: NodeJS.ProcessEnv = process.env): PacingSettings {
  const parsed = parseEnv(schema, env);
  const compliance = {
    target: parsed.PACING_ABANDON_TARGET_PERCENT / 100,
    cap: parsed.PACING_ABANDON_CAP_PERCENT / 100,
  };
  const errors = checkComplianceOptions(compliance);
  if (errors.length > 0) {
    throw new Error(
      `Invalid configuration: PACING_ABANDON_TARGET_PERCENT / PACING_ABANDON_CAP_PERCENT: ${errors.join('; ')}`,
    );
  }
  return {
    tickMs: parsed.PACING_TICK_MS,
    leaseTtlMs: parsed.PACING_LEASE_TTL_MS,
    instanceId: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    clock: () => Date.now() / 1000,
    gvp: { ports: parsed.PACING_GVP_PORTS, powerRatio: parsed.PACING_GVP_POWER_RATIO },
    switchTimeScale: parsed.PACING_SWITCH_TIME_SCALE,
    compliance,
  };
}
