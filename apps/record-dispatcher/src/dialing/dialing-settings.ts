import { type BufferPolicy, isValidBufferPolicy } from '@ocs/domain';
import { parseEnv } from '@ocs/service-kit';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { z } from 'zod';

/** How dialing sessions size and refill their buffers. */
export interface DialingSettings {
  readonly buffer: BufferPolicy;
  /** How often a session checks its buffer against the low-water mark (taking a record checks too). */
  readonly refillIntervalMs: number;
  /** How long to wait for campaign-manager's dialing configuration. */
  readonly configTimeoutMs: number;
  /** The time retrieval decides by; tests pin it. */
  readonly clock: () => Date;
  /** Names this process as the owner of the sessions it runs. */
  readonly instanceId: string;
  /** How long a session stays with a process that stopped renewing (crashed) before another takes it. */
  readonly leaseTtlMs: number;
  /** Whether retrieved records are checked against dnc-registry ('off' only for systems without one). */
  readonly dncScreening?: 'required' | 'off';
  /** Automatic dialing: what dialed calls carry and how long a dropped or abandoned number rests. */
  readonly calls: CallSettings;
}

export interface CallSettings {
  /** A number whose call was dropped or abandoned is not dialed again for this long (UK: 72 h). */
  readonly abandonLockoutHours: number;
  /** GSW_APPLICATION_ID of the calls' user data (this OCS's DBID). */
  readonly applicationDbid: number;
  /** Base of GSW_RECORD_URI in the calls' user data; none without a public OCS HTTP URL. */
  readonly recordUriBase: string | undefined;
  /**
   * A record `dialing` whose call sent no CallProgress for this long is checked with the telephony
   * port (GetCall) and settled by the dialing sweep.
   */
  readonly silentCallCheckSeconds: number;
}

export const DIALING_ENVIRONMENT = [
  {
    name: 'DIALING_BUFFER_SIZE',
    default: '100',
    meaning: 'records a dialing session keeps retrieved',
  },
  {
    name: 'DIALING_BUFFER_LOW_WATER',
    default: '25',
    meaning: 'a buffer holding this many records or fewer is refilled',
  },
  {
    name: 'DIALING_LEASE_TTL_MS',
    default: '15000',
    meaning: "a crashed replica's sessions move to another after this long",
  },
  {
    name: 'DIALING_REFILL_INTERVAL_MS',
    default: '2000',
    meaning: 'how often each session checks its buffer',
  },
  {
    name: 'DNC_SCREENING',
    default: 'required',
    meaning:
      'retrieved records are checked against dnc-registry, and none is handed out while it does not answer; `off` skips the check',
  },
  {
    name: 'ABANDON_LOCKOUT_HOURS',
    default: '72',
    meaning: 'a number whose automatic call was dropped or abandoned is not dialed again for this long',
  },
  {
    name: 'DIALING_SILENT_CALL_SECONDS',
    default: '60',
    meaning:
      "a record left dialing by a call that sent no call progress for this long is settled from the telephony port's answer (GetCall)",
  },
  {
    name: 'OCS_APPLICATION_DBID',
    default: '1',
    meaning: "GSW_APPLICATION_ID in dialed calls' user data (the gateway's value)",
  },
  {
    name: 'OCS_HTTP_PUBLIC_URL',
    default: '(none)',
    meaning: "the gateway's public OCS HTTP URL: dialed calls then carry GSW_RECORD_URI",
  },
];

const schema = z.object({
  DIALING_BUFFER_SIZE: z.coerce.number().int().positive().max(10_000).default(100),
  DIALING_BUFFER_LOW_WATER: z.coerce.number().int().nonnegative().default(25),
  DIALING_REFILL_INTERVAL_MS: z.coerce.number().int().positive().default(2_000),
  DIALING_LEASE_TTL_MS: z.coerce.number().int().min(300).default(15_000),
  DNC_SCREENING: z.enum(['required', 'off']).default('required'),
  ABANDON_LOCKOUT_HOURS: z.coerce.number().nonnegative().max(8_760).default(72),
  // Well above DialCall's 3 s timeout, so a dial still on its way is never taken for a lost one.
  DIALING_SILENT_CALL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(60),
  OCS_APPLICATION_DBID: z.coerce.number().int().positive().default(1),
  OCS_HTTP_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
});

export function loadDialingSettings(env: NodeJS.ProcessEnv = process.env): DialingSettings {
  const parsed = parseEnv(schema, env);
  const buffer = { capacity: parsed.DIALING_BUFFER_SIZE, lowWaterMark: parsed.DIALING_BUFFER_LOW_WATER };
  if (!isValidBufferPolicy(buffer)) {
    throw new Error('Invalid configuration: DIALING_BUFFER_LOW_WATER must be below DIALING_BUFFER_SIZE');
  }
  return {
    buffer,
    refillIntervalMs: parsed.DIALING_REFILL_INTERVAL_MS,
    configTimeoutMs: 5_000,
    clock: () => new Date(),
    instanceId: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    leaseTtlMs: parsed.DIALING_LEASE_TTL_MS,
    dncScreening: parsed.DNC_SCREENING,
    calls: {
      abandonLockoutHours: parsed.ABANDON_LOCKOUT_HOURS,
      applicationDbid: parsed.OCS_APPLICATION_DBID,
      recordUriBase: parsed.OCS_HTTP_PUBLIC_URL?.replace(/\/+$/, ''),
      silentCallCheckSeconds: parsed.DIALING_SILENT_CALL_SECONDS,
    },
  };
}
