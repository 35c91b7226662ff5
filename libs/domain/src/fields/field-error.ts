export type FieldErrorCode =
  | 'unknown_field'
  | 'required'
  | 'not_editable'
  | 'invalid_type'
  | 'too_long'
  | 'out_of_range'
  | 'invalid_datetime'
  | 'invalid_definition';

export interface FieldError {
  readonly field: string;
  readonly code: FieldErrorCode;
  readonly message: string;
}
