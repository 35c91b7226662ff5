import { type EnvVarHelp } from '@ocs/service-kit';
import { z } from 'zod';

/**
 * The NATS subjects that stand for the manual's Communication DN. Outside the internal `ocs.cmd.>`
 * and `ocs.evt.>` namespaces: third-party applications speak the manual's key-value messages
 * here, never our envelopes.
 */
export const DEFAULT_COMM_DN_REQUEST_SUBJECT = 'ocs.commdn.requests';
export const DEFAULT_COMM_DN_EVENT_SUBJECT = 'ocs.commdn.events';

// Publishable subjects: dot-separated tokens without wildcards or spaces.
const subject = z
  .string()
  .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, 'must be a NATS subject without wildcards');

export const commDnEnvSchema = z.object({
  COMM_DN_REQUEST_SUBJECT: subject.default(DEFAULT_COMM_DN_REQUEST_SUBJECT),
  COMM_DN_EVENT_SUBJECT: subject.default(DEFAULT_COMM_DN_EVENT_SUBJECT),
});

export interface CommDnConfig {
  /** Where applications send CM_Req* messages (NATS request/reply, or plain publish). */
  requestSubject: string;
  /** Where CM_EvCampaignStatus notifications, and answers to requests without a reply subject, go. */
  eventSubject: string;
}

export function toCommDnConfig(parsed: z.infer<typeof commDnEnvSchema>): CommDnConfig {
  return { requestSubject: parsed.COMM_DN_REQUEST_SUBJECT, eventSubject: parsed.COMM_DN_EVENT_SUBJECT };
}

export const COMM_DN_ENVIRONMENT: readonly EnvVarHelp[] = [
  {
    name: 'COMM_DN_REQUEST_SUBJECT',
    default: DEFAULT_COMM_DN_REQUEST_SUBJECT,
    meaning: 'NATS subject of Communication DN requests (CM_Req*, JSON key-value messages)',
  },
  {
    name: 'COMM_DN_EVENT_SUBJECT',
    default: DEFAULT_COMM_DN_EVENT_SUBJECT,
    meaning:
      'NATS subject of Communication DN notifications (CM_EvCampaignStatus) and of answers to requests sent without a reply subject',
  },
];
