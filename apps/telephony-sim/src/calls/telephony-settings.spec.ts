import { DEFAULT_CUSTOMER_MODEL } from '@ocs/domain';
import { ConfigError } from '@ocs/service-kit';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { customerModel, loadTelephonySettings } from './telephony-settings';

describe('telephony settings', () => {
  it('defaults to real time, seed 1, the 2 s rule and PACING.md customers', () => {
    expect(loadTelephonySettings({})).toEqual({
      seed: '1',
      timeScale: 1,
      rules: { connectDeadlineSeconds: 2, safeHarborSeconds: 0, minimumRingSeconds: 15 },
      model: DEFAULT_CUSTOMER_MODEL,
      presetRecognition: 'no_am_detection',
      callActionTimeoutSeconds: 10,
    });
    expect(loadTelephonySettings({ TELEPHONY_TIME_SCALE: '60' }).timeScale).toBe(60);
    expect(
      loadTelephonySettings({ TELEPHONY_CALL_ANSWER_TYPE_RECOGNITION: 'accurate_am_detection' })
        .presetRecognition,
    ).toBe('accurate_am_detection');
    expect(() =>
      loadTelephonySettings({ TELEPHONY_CALL_ANSWER_TYPE_RECOGNITION: 'telephony_preset' }),
    ).toThrow();
  });

  it('lays a JSON model, inline or in a file, over the defaults', () => {
    const inline = customerModel('{"reach": {"person": 0.5}, "amd": {"falsePositiveRate": 0.1}}');
    expect(inline.reach).toEqual({ ...DEFAULT_CUSTOMER_MODEL.reach, person: 0.5 });
    expect(inline.amd).toEqual({ ...DEFAULT_CUSTOMER_MODEL.amd, falsePositiveRate: 0.1 });
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'telephony-')), 'model.json');
    writeFileSync(file, JSON.stringify({ talkSeconds: { mean: 90, cv: 1 } }));
    expect(customerModel(file).talkSeconds).toEqual({ mean: 90, cv: 1 });
  });

  it('names what is wrong in a model', () => {
    expect(() => customerModel('{"reach": {"robot": 1}}')).toThrow(ConfigError);
    expect(() => customerModel('{"amd": {"falsePositiveRate": 2}}')).toThrow(/falsePositiveRate/);
    expect(() => customerModel('{not json')).toThrow(/Invalid TELEPHONY_CUSTOMER_MODEL/);
  });
});
