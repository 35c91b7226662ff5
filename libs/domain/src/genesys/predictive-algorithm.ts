/**
 * Values of the campaign group's `predictive_algorithm` option. `classic` stands for the option
 * being unset; the small-group variants improve pacing for small agent groups.
 */
export const PREDICTIVE_ALGORITHMS = ['classic', 'small_group', 'advanced_small_group'] as const;

export type PredictiveAlgorithm = (typeof PREDICTIVE_ALGORITHMS)[number];
