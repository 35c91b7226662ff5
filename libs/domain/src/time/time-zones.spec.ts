import { findGenesysTimeZone, GENESYS_TIME_ZONES } from './time-zones';
import { isValidTimeZone, zoneOffsetSeconds } from './zone-clock';

describe('Genesys time zone catalogue', () => {
  it('maps every name once to a zone the runtime knows', () => {
    const names = GENESYS_TIME_ZONES.map((zone) => zone.name);
    expect(new Set(names).size).toBe(names.length);
    for (const zone of GENESYS_TIME_ZONES) {
      expect(zone.name).toMatch(/^[A-Z]{3,4}$/);
      expect(isValidTimeZone(zone.ianaName)).toBe(true);
    }
  });

  it('resolves the names used by the manual and the usual US and world zones', () => {
    expect(findGenesysTimeZone('PST')?.ianaName).toBe('America/Los_Angeles');
    expect(findGenesysTimeZone('EST')?.ianaName).toBe('America/New_York');
    expect(findGenesysTimeZone('ACT')?.ianaName).toBe('Australia/Darwin');
    expect(findGenesysTimeZone('IST')?.ianaName).toBe('Asia/Kolkata');
    expect(findGenesysTimeZone('pst')).toBeUndefined();
    expect(findGenesysTimeZone('XYZ')).toBeUndefined();
  });

  it('gives US zone names their daylight saving time', () => {
    const summer = new Date('2026-07-01T12:00:00Z');
    const winter = new Date('2026-01-01T12:00:00Z');
    const offsets = (name: string) => {
      const zone = findGenesysTimeZone(name)!.ianaName;
      return [zoneOffsetSeconds(zone, winter), zoneOffsetSeconds(zone, summer)];
    };
    expect(offsets('EST')).toEqual([-18000, -14400]);
    expect(offsets('CST')).toEqual([-21600, -18000]);
    expect(offsets('MST')).toEqual([-25200, -21600]);
    expect(offsets('PST')).toEqual([-28800, -25200]);
    expect(offsets('PNT')).toEqual([-25200, -25200]);
    expect(offsets('HST')).toEqual([-36000, -36000]);
    expect(offsets('GMT')).toEqual([0, 0]);
    expect(offsets('ACT')).toEqual([34200, 34200]);
  });
});
