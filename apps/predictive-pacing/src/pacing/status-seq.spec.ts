import { statusSeq } from './pacing-sessions';

describe('statusSeq', () => {
  it("reads the session version from campaign-manager's event ids", () => {
    expect(statusSeq('6f1c0a52-5f7e-4a57-9d43-1f3e2b8a9c10.12')).toBe(12);
    expect(statusSeq('6f1c0a52-5f7e-4a57-9d43-1f3e2b8a9c10')).toBe(0);
  });
});
