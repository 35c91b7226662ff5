import { defineCommand, defineEvent, defineStream } from '@ocs/contracts';
import { z } from 'zod';

// Contracts used only by these tests; each test runs them through IsolatedContracts.
export const WidgetStream = defineStream({
  name: 'MESSAGING_TEST_WIDGETS',
  domain: 'widgets',
  maxAgeSeconds: 600,
});

export const WidgetCreated = defineEvent({
  stream: WidgetStream,
  domain: 'widgets',
  type: 'created',
  version: 1,
  schema: z.object({ widgetId: z.string().min(1), color: z.enum(['red', 'green', 'blue']) }),
});

export const CountWidgets = defineCommand({
  service: 'widget-service',
  type: 'count',
  version: 1,
  request: z.object({ color: z.enum(['red', 'green', 'blue']) }),
  reply: z.object({ count: z.number().int().nonnegative() }),
});
