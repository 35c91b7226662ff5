import { z } from 'zod';
import { defineEvent } from '../definitions';
import { DesktopSessionStream } from './agents';
import { loginId } from './fields';

/**
 * Web Services notifications for one agent of the envelope's tenant (CometD channel and message
 * data, in order). A request may reach one gateway replica while the agent's CometD sessions are
 * held by another, so the replica that served the request publishes them and every replica
 * delivers them to the agent's sessions it holds.
 */
export const WebServicesNotified = defineEvent({
  stream: DesktopSessionStream,
  domain: 'desktop-session',
  type: 'web-services-notified',
  version: 1,
  schema: z.object({
    loginId,
    notifications: z
      .array(z.object({ channel: z.string().min(1), data: z.record(z.string(), z.unknown()) }))
      .min(1),
  }),
});
