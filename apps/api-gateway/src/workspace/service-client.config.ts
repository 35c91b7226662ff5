import { type EnvVarHelp, parseEnv } from '@ocs/service-kit';
import { z } from 'zod';
import { type OriginRule, parseAcceptedOrigins } from './origin-filter';
import { type RateLimits } from './rate-limiter';
import { type KeyAllowList, parseKeyList } from './user-data-access';

/**
 * The Service Client API's security options, read from the gateway's environment under the
 * reference's own names (wwe-service-client-api-reference.txt, "Security configuration"), e.g.
 * `service-client-api.rate-limit.voice.dial=4`.
 */

export const ACCEPTED_ORIGINS = 'service-client-api.accepted-web-content-origins';
export const RATE_LIMIT = 'service-client-api.rate-limit';
export const RATE_LIMIT_PREFIX = 'service-client-api.rate-limit.';
export const QUARANTINE_DELAY = 'service-client-api.rate-limit-quarantine-delay';
export const READ_ALLOWED = 'service-client-api.user-data.read-allowed';
export const WRITE_ALLOWED = 'service-client-api.user-data.write-allowed';

/** The reference's example message quotes 30 seconds. */
const DEFAULT_QUARANTINE_SECONDS = 30;

export interface ServiceClientSecurity {
  /** Pages of other origins than the workspace's own that may use the API, with their request filters. */
  readonly acceptedOrigins: readonly OriginRule[];
  readonly rateLimits: RateLimits;
  readonly readAllowed: KeyAllowList;
  readonly writeAllowed: KeyAllowList;
}

const perMinute = z.coerce.number().int().min(0).max(1_000_000);

export const SERVICE_CLIENT_ENVIRONMENT: readonly EnvVarHelp[] = [
  {
    name: ACCEPTED_ORIGINS,
    default: "(none: only the workspace's own page)",
    meaning:
      'origins of pages that may use the Service Client API, comma-separated, * for any; "origin (agent.*, voice.dial)" limits an origin to those requests',
  },
  {
    name: RATE_LIMIT,
    default: '0 (unlimited)',
    meaning: 'Service Client API requests per minute per workspace',
  },
  {
    name: `${RATE_LIMIT_PREFIX}<request>`,
    default: '0 (unlimited)',
    meaning: 'requests per minute of one request, e.g. service-client-api.rate-limit.voice.dial=4',
  },
  {
    name: QUARANTINE_DELAY,
    default: String(DEFAULT_QUARANTINE_SECONDS),
    meaning: 'seconds a request type is ignored once its rate limit is reached; 0 is forever',
  },
  {
    name: READ_ALLOWED,
    default: '(none: every key)',
    meaning: 'user-data keys Service Client API clients may read, comma-separated',
  },
  {
    name: WRITE_ALLOWED,
    default: '(none: every key)',
    meaning: 'user-data keys setUserData and deleteUserData may write, comma-separated',
  },
];

export function loadServiceClientSecurity(env: NodeJS.ProcessEnv): ServiceClientSecurity {
  const perRequestKeys = Object.keys(env).filter((key) => key.startsWith(RATE_LIMIT_PREFIX));
  const schema = z.object({
    [ACCEPTED_ORIGINS]: z
      .string()
      .optional()
      .transform((value, context) => {
        if (value === undefined) return [];
        const parsed = parseAcceptedOrigins(value);
        if (parsed.ok) return parsed.rules;
        context.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      }),
    [RATE_LIMIT]: perMinute.default(0),
    [QUARANTINE_DELAY]: z.coerce
      .number()
      .int()
      .min(0)
      .max(86_400 * 365)
      .default(DEFAULT_QUARANTINE_SECONDS),
    [READ_ALLOWED]: z.string().optional(),
    [WRITE_ALLOWED]: z.string().optional(),
    ...Object.fromEntries(perRequestKeys.map((key) => [key, perMinute.optional()])),
  });
  const parsed = parseEnv(schema, env) as Record<string, unknown>;
  return {
    acceptedOrigins: parsed[ACCEPTED_ORIGINS] as OriginRule[],
    rateLimits: {
      global: parsed[RATE_LIMIT] as number,
      perRequest: Object.fromEntries(
        perRequestKeys.map((key) => [
          key.slice(RATE_LIMIT_PREFIX.length),
          (parsed[key] as number | undefined) ?? 0,
        ]),
      ),
      quarantineDelaySeconds: parsed[QUARANTINE_DELAY] as number,
    },
    readAllowed: parseKeyList(parsed[READ_ALLOWED] as string | undefined),
    writeAllowed: parseKeyList(parsed[WRITE_ALLOWED] as string | undefined),
  };
}
