import {
  CALL_ANSWER_TYPE_RECOGNITIONS,
  CUSTOMER_REACH,
  type CustomerModel,
  DEFAULT_CALL_ANSWER_TYPE_RECOGNITION,
  DEFAULT_CUSTOMER_MODEL,
  DEFAULT_LINE_RULES,
  type DialerAnswerTypeRecognition,
  type LineRules,
  SIT_STATES,
} from '@ocs/domain';
import { type EnvVarHelp, parseEnv } from '@ocs/service-kit';
import { z } from 'zod';
import { logNormal, readJsonSetting } from '../json-setting';

export interface TelephonySettings {
  /** With a call's id, decides everything about the call. */
  readonly seed: string;
  /** Simulated seconds per real second: 1 for demos, more to run faster than real time. */
  readonly timeScale: number;
  readonly rules: LineRules;
  readonly model: CustomerModel;
  /** The switch's call progress detection for calls asking for `telephony_preset`. */
  readonly presetRecognition?: DialerAnswerTypeRecognition;
  /** How long a machine or fax held for the dialer's call action waits for it before release. */
  readonly callActionTimeoutSeconds: number;
}

export const TELEPHONY_ENVIRONMENT: readonly EnvVarHelp[] = [
  { name: 'TELEPHONY_SEED', default: '1', meaning: 'seed of every call outcome (with the call id)' },
  {
    name: 'TELEPHONY_TIME_SCALE',
    default: '1',
    meaning: 'simulated seconds per real second (60 runs 60x faster than real time)',
  },
  {
    name: 'TELEPHONY_CONNECT_DEADLINE_SECONDS',
    default: String(DEFAULT_LINE_RULES.connectDeadlineSeconds),
    meaning: 'a live answer not connected to an agent this long after it is reported is abandoned',
  },
  {
    name: 'TELEPHONY_SAFE_HARBOR_SECONDS',
    default: String(DEFAULT_LINE_RULES.safeHarborSeconds),
    meaning: 'length of the message played to a live answer no agent can take; 0 hangs up at once',
  },
  {
    name: 'TELEPHONY_MIN_RING_SECONDS',
    default: String(DEFAULT_LINE_RULES.minimumRingSeconds),
    meaning: 'no call is given up as No Answer before it has rung this long',
  },
  {
    name: 'TELEPHONY_CALL_ANSWER_TYPE_RECOGNITION',
    default: DEFAULT_CALL_ANSWER_TYPE_RECOGNITION,
    meaning: "the switch's own call progress detection, for calls whose group asks for telephony_preset",
  },
  {
    name: 'TELEPHONY_CALL_ACTION_TIMEOUT_SECONDS',
    default: '10',
    meaning:
      "a machine or fax held for the dialer's call action (Connect, Transfer, Drop) is released after this long without one",
  },
  {
    name: 'TELEPHONY_CUSTOMER_MODEL',
    default: '(PACING.md defaults)',
    meaning: 'customer outcome distributions: a JSON object, or the path of a JSON file, over the defaults',
  },
];

const seconds = z.number().nonnegative();
const interval = z.object({ min: seconds, max: seconds }).refine(({ min, max }) => min <= max, {
  message: 'min exceeds max',
});

const weights = <K extends string>(keys: readonly K[]) =>
  z.partialRecord(z.enum(keys), z.number().nonnegative());
const rate = z.number().min(0).max(1);

// Every key optional: the file gives only what differs from the defaults (weights and AMD merge).
const modelOverride = z
  .object({
    reach: weights(CUSTOMER_REACH),
    sitTones: weights(SIT_STATES),
    dialingSeconds: interval,
    signalSeconds: interval,
    personRingSeconds: logNormal,
    machineRingSeconds: logNormal,
    talkSeconds: logNormal,
    machineMessageSeconds: interval,
    patienceSeconds: logNormal,
    amd: z
      .object({ detectSeconds: interval, falsePositiveRate: rate, falseNegativeRate: rate })
      .partial()
      .strict(),
  })
  .partial()
  .strict();

const schema = z.object({
  TELEPHONY_SEED: z.string().default('1'),
  TELEPHONY_TIME_SCALE: z.coerce.number().positive().max(10_000).default(1),
  TELEPHONY_CONNECT_DEADLINE_SECONDS: z.coerce.number().nonnegative().default(2),
  TELEPHONY_SAFE_HARBOR_SECONDS: z.coerce.number().nonnegative().default(0),
  TELEPHONY_MIN_RING_SECONDS: z.coerce.number().nonnegative().default(15),
  TELEPHONY_CUSTOMER_MODEL: z.string().optional(),
  TELEPHONY_CALL_ACTION_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(10),
  TELEPHONY_CALL_ANSWER_TYPE_RECOGNITION: z
    .enum(
      CALL_ANSWER_TYPE_RECOGNITIONS.filter((value) => value !== 'telephony_preset') as [
        DialerAnswerTypeRecognition,
        ...DialerAnswerTypeRecognition[],
      ],
    )
    .default(DEFAULT_CALL_ANSWER_TYPE_RECOGNITION),
});

export function loadTelephonySettings(env: NodeJS.ProcessEnv = process.env): TelephonySettings {
  const parsed = parseEnv(schema, env);
  return {
    seed: parsed.TELEPHONY_SEED,
    timeScale: parsed.TELEPHONY_TIME_SCALE,
    rules: {
      connectDeadlineSeconds: parsed.TELEPHONY_CONNECT_DEADLINE_SECONDS,
      safeHarborSeconds: parsed.TELEPHONY_SAFE_HARBOR_SECONDS,
      minimumRingSeconds: parsed.TELEPHONY_MIN_RING_SECONDS,
    },
    model: customerModel(parsed.TELEPHONY_CUSTOMER_MODEL),
    presetRecognition: parsed.TELEPHONY_CALL_ANSWER_TYPE_RECOGNITION,
    callActionTimeoutSeconds: parsed.TELEPHONY_CALL_ACTION_TIMEOUT_SECONDS,
  };
}

/** The defaults with `source` (inline JSON, or a JSON file's path) laid over them. */
export function customerModel(source: string | undefined): CustomerModel {
  if (source === undefined) return DEFAULT_CUSTOMER_MODEL;
  const override = readJsonSetting('TELEPHONY_CUSTOMER_MODEL', source, modelOverride);
  const base = DEFAULT_CUSTOMER_MODEL;
  return {
    ...base,
    ...override,
    reach: { ...base.reach, ...override.reach },
    sitTones: { ...base.sitTones, ...override.sitTones },
    amd: { ...base.amd, ...override.amd },
  };
}
