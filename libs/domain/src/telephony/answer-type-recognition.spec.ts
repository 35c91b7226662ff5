import { answerDetection, CALL_ANSWER_TYPE_RECOGNITIONS } from './answer-type-recognition';

describe('answerDetection', () => {
  it('detects answering machines for the three AM-detection values only', () => {
    const detecting = CALL_ANSWER_TYPE_RECOGNITIONS.filter((value) => answerDetection(value).amd);
    expect(detecting).toEqual([
      'positive_am_detection',
      'full_positive_am_detection',
      'accurate_am_detection',
    ]);
  });

  it('detects faxes unless call progress detection is off', () => {
    expect(answerDetection('no_progress_detection')).toEqual({ amd: false, fax: false });
    expect(answerDetection('no_am_detection')).toEqual({ amd: false, fax: true });
  });

  it("leaves telephony_preset to the switch's preset", () => {
    expect(answerDetection('telephony_preset')).toEqual({ amd: false, fax: true });
    expect(answerDetection('telephony_preset', 'accurate_am_detection')).toEqual({ amd: true, fax: true });
  });
});
