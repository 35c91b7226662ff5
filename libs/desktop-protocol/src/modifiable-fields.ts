import {
  type DailyWindow,
  isContactInfoType,
  isStorableCallResult,
  isValidDailyWindow,
  MANDATORY_FIELD_LENGTHS,
} from '@ocs/domain';
import { GswKey as K } from './keys';

/** The Genesys mandatory fields a desktop may set ("Modifiable Mandatory Genesys Fields"). */
export interface ModifiableFieldAttributes {
  readonly [K.GSW_CALL_RESULT]?: number;
  readonly [K.GSW_PHONE]?: string;
  readonly [K.GSW_PHONE_TYPE]?: number;
  readonly [K.GSW_FROM]?: number;
  readonly [K.GSW_UNTIL]?: number;
}

/** A value the request may not set, named by the key it arrived under. */
export interface AttributeProblem {
  readonly attribute: string;
  readonly description: string;
}

/**
 * The first modifiable mandatory field whose value cannot be stored. `window` is the dialing
 * window the record has (or gets by default), against which a lone GSW_FROM or GSW_UNTIL is judged.
 */
export function findModifiableFieldProblem(
  attributes: ModifiableFieldAttributes,
  window: DailyWindow,
): AttributeProblem | undefined {
  const callResult = attributes[K.GSW_CALL_RESULT];
  if (callResult !== undefined && !isStorableCallResult(callResult)) {
    return {
      attribute: K.GSW_CALL_RESULT,
      description: `${K.GSW_CALL_RESULT} must be a call result (0 or more)`,
    };
  }
  const contactInfoType = attributes[K.GSW_PHONE_TYPE];
  if (contactInfoType !== undefined && !isContactInfoType(contactInfoType)) {
    return { attribute: K.GSW_PHONE_TYPE, description: `${K.GSW_PHONE_TYPE} must be a contact info type` };
  }
  const contactInfo = attributes[K.GSW_PHONE];
  if (contactInfo !== undefined && !isStorableContactInfo(contactInfo)) {
    const max = MANDATORY_FIELD_LENGTHS.contact_info;
    return { attribute: K.GSW_PHONE, description: `${K.GSW_PHONE} must have 1 to ${max} characters` };
  }
  const dailyFrom = attributes[K.GSW_FROM];
  const dailyTill = attributes[K.GSW_UNTIL];
  const merged = { dailyFrom: dailyFrom ?? window.dailyFrom, dailyTill: dailyTill ?? window.dailyTill };
  if ((dailyFrom !== undefined || dailyTill !== undefined) && !isValidDailyWindow(merged)) {
    return {
      attribute: dailyFrom === undefined ? K.GSW_UNTIL : K.GSW_FROM,
      description: `${K.GSW_FROM} ${merged.dailyFrom} to ${K.GSW_UNTIL} ${merged.dailyTill} is not a window within a day`,
    };
  }
  return undefined;
}

function isStorableContactInfo(value: string): boolean {
  return value.trim() !== '' && [...value].length <= MANDATORY_FIELD_LENGTHS.contact_info;
}
