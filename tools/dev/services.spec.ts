import { portFor, SERVICES } from './services';

describe('portFor', () => {
  it('keeps the default ports at base 3000', () => {
    for (const s of SERVICES) expect(portFor(s.name, 3000)).toBe(s.port);
  });

  it('shifts every port with the base and keeps them distinct', () => {
    const ports = SERVICES.map((s) => portFor(s.name, 41000));
    expect(ports).toContain(41000);
    expect(new Set(ports).size).toBe(SERVICES.length);
  });
});
