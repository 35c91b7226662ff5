import { type EventDefinition } from '@ocs/contracts';

/**
 * The durable consumer through which `service` reads `event`: the same for every replica and every
 * restart (so they share the work and resume where they stopped), different for every service (so
 * each service gets every event). JetStream names may not contain dots.
 */
export function durableName(service: string, event: EventDefinition): string {
  return `${service}__${event.subject.replaceAll('.', '_')}`;
}
