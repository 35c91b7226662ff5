/**
 * Values of the campaign group option `call_answer_type_recognition`, which OCS passes to the
 * dialer with each call (the TMakePredictiveCall extension of the same name: "the call progress
 * analysis for both the pre-connect (SIT tones) and the post-connect (fax or answering machine)
 * phases"). The reference manual names the option; its values are those of Genesys' option
 * reference: no call progress detection at all, no answering-machine detection (the default),
 * three answering-machine detections that differ in how the dialer trades speed for accuracy, and
 * the switch's own preset.
 */
export const CALL_ANSWER_TYPE_RECOGNITIONS = [
  'no_progress_detection',
  'no_am_detection',
  'positive_am_detection',
  'full_positive_am_detection',
  'accurate_am_detection',
  'telephony_preset',
] as const;

export type CallAnswerTypeRecognition = (typeof CALL_ANSWER_TYPE_RECOGNITIONS)[number];

/** A recognition the dialer itself can apply (the switch's preset is one of them). */
export type DialerAnswerTypeRecognition = Exclude<CallAnswerTypeRecognition, 'telephony_preset'>;

/** The option's default, as in Genesys: answering machines are not detected. */
export const DEFAULT_CALL_ANSWER_TYPE_RECOGNITION: DialerAnswerTypeRecognition = 'no_am_detection';

/** What the dialer detects after an answer. */
export interface AnswerDetection {
  /** Answering machines are told from persons (with the detector's errors); else they sound like persons. */
  readonly amd: boolean;
  /** Fax tones are told; without any call progress detection a fax answer is connected like a person. */
  readonly fax: boolean;
}

/**
 * The detection a recognition asks for; `telephony_preset` is the switch's to decide and is passed
 * as `preset` (a recognition other than the preset itself).
 */
export function answerDetection(
  recognition: CallAnswerTypeRecognition,
  preset: DialerAnswerTypeRecognition = DEFAULT_CALL_ANSWER_TYPE_RECOGNITION,
): AnswerDetection {
  switch (recognition) {
    case 'telephony_preset':
      return answerDetection(preset);
    case 'no_progress_detection':
      return { amd: false, fax: false };
    case 'no_am_detection':
      return { amd: false, fax: true };
    default:
      return { amd: true, fax: true };
  }
}
