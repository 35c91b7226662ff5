import { SERVICE_PORTS, type ServiceName } from '@ocs/service-kit';

/** Start order: the gateway last, so it is ready only when the services behind it are. */
export const SERVICES: readonly ServiceName[] = [
  'campaign-manager',
  'record-dispatcher',
  'dnc-registry',
  'callback-scheduler',
  'predictive-pacing',
  'telephony-sim',
  'api-gateway',
];

/** Ports keep their default layout (gateway on base, the others above it) when the base moves. */
export function portFor(name: ServiceName, basePort: number): number {
  return basePort + (SERVICE_PORTS[name] - SERVICE_PORTS['api-gateway']);
}
