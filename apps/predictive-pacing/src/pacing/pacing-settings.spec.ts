import { loadPacingSettings } from './pacing-settings';

describe('pacing settings', () => {
  it('aims at 2.5% under a 3% cap unless told otherwise, in percent', () => {
    expect(loadPacingSettings({}).compliance).toEqual({ target: 0.025, cap: 0.03 });
    expect(
      loadPacingSettings({ PACING_ABANDON_TARGET_PERCENT: '4', PACING_ABANDON_CAP_PERCENT: '5' }).compliance,
    ).toEqual({ target: 0.04, cap: 0.05 });
  });

  it('refuses a target above the cap, a cap above 5% and a target of 0', () => {
    expect(() => loadPacingSettings({ PACING_ABANDON_TARGET_PERCENT: '3.5' })).toThrow(
      /target must not exceed the cap/,
    );
    expect(() =>
      loadPacingSettings({ PACING_ABANDON_TARGET_PERCENT: '3', PACING_ABANDON_CAP_PERCENT: '30' }),
    ).toThrow(/at most 5%/);
    expect(() => loadPacingSettings({ PACING_ABANDON_TARGET_PERCENT: '0' })).toThrow(/above 0/);
  });
});
