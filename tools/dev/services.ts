/** The services the launcher starts, in start order, with their default local ports. */
export const SERVICES = [
  { name: 'campaign-manager', port: 3001 },
  { name: 'record-dispatcher', port: 3002 },
  { name: 'dnc-registry', port: 3003 },
  { name: 'callback-scheduler', port: 3004 },
  { name: 'predictive-pacing', port: 3005 },
  { name: 'telephony-sim', port: 3006 },
  { name: 'api-gateway', port: 3000 },
] as const;

export type ServiceName = (typeof SERVICES)[number]['name'];

/** Ports keep their default layout (gateway on base, the others above it) when the base moves. */
export function portFor(name: ServiceName, basePort: number): number {
  const service = SERVICES.find((s) => s.name === name);
  if (!service) throw new Error(`unknown service ${name}`);
  return basePort + (service.port - 3000);
}
