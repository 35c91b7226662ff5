import { SERVICE_PORTS } from '@ocs/service-kit';
import { portFor, SERVICES } from './services';

describe('launcher services', () => {
  it('starts every service exactly once, the gateway last', () => {
    expect([...SERVICES].sort()).toEqual(Object.keys(SERVICE_PORTS).sort());
    expect(SERVICES[SERVICES.length - 1]).toBe('api-gateway');
  });

  it('keeps the default ports at base 3000', () => {
    for (const name of SERVICES) expect(portFor(name, 3000)).toBe(SERVICE_PORTS[name]);
  });

  it('shifts every port with the base and keeps them distinct', () => {
    const ports = SERVICES.map((name) => portFor(name, 41000));
    expect(ports).toContain(41000);
    expect(new Set(ports).size).toBe(SERVICES.length);
  });
});
