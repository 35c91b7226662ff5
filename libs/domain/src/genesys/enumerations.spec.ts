import {
  CALL_RESULT_LABELS,
  CALL_RESULT_VALUES,
  CallResult,
  isCallResult,
  isStorableCallResult,
  isTreatableCallResult,
} from './call-result';
import {
  CONTACT_INFO_TYPE_LABELS,
  CONTACT_INFO_TYPE_VALUES,
  ContactInfoType,
  isContactInfoType,
} from './contact-info-type';
import { CAMPAIGN_MODE_NAMES, DIAL_MODE_VALUES, DialMode, isDialMode } from './dial-mode';
import { GROUP_CAMPAIGN_STATUS_VALUES } from './group-campaign-status';
import { isReservedKey, MANDATORY_FIELD_NAMES } from './mandatory-fields';
import {
  isValidOptimizationGoal,
  OPTIMIZATION_METHOD_VALUES,
  OptimizationMethod,
} from './optimization-method';
import { isRecordStatus, RECORD_STATUS_LABELS, RECORD_STATUS_VALUES, RecordStatus } from './record-status';
import { isRecordType, RECORD_TYPE_LABELS, RECORD_TYPE_VALUES, RecordType } from './record-type';

// Expected values are copied from the tables of the OCS 8.1.5 reference manual.
describe('Genesys enumerations', () => {
  it('has every call result of "Call Result Types" with its value and label', () => {
    const manual: [string, number][] = [
      ['Abandoned', 21],
      ['Agent Callback Error', 47],
      ['All Trunks Busy', 10],
      ['Answer', 33],
      ['Answering Machine Detected', 9],
      ['Bridged', 31],
      ['Busy', 6],
      ['Call Drop Error', 42],
      ['Cancel Record', 52],
      ['Cleared', 19],
      ['Conferenced', 2],
      ['Consult', 24],
      ['Converse-On', 30],
      ['Covered', 29],
      ['Deafened', 49],
      ['Dial Error', 41],
      ['Do Not Call', 51],
      ['Dropped', 26],
      ['Dropped on No Answer', 27],
      ['Fax Detected', 17],
      ['Forwarded', 23],
      ['General Error', 3],
      ['Group CallBack Error', 48],
      ['Held', 50],
      ['No Answer', 7],
      ['No Dial Tone', 35],
      ['No Established Detected', 38],
      ['No Port Available', 44],
      ['No Progress', 36],
      ['No RingBack Tone', 37],
      ['NU Tone', 34],
      ['OK', 0],
      ['Overflowed', 20],
      ['Pager Detected', 39],
      ['Pickedup', 25],
      ['Queue Full', 18],
      ['Redirected', 22],
      ['RemoteRelease', 5],
      ['Silence', 32],
      ['SIT Detected', 8],
      ['SIT IC (Intercept)', 13],
      ['SIT Invalid Num', 11],
      ['SIT NC (No Circuit)', 15],
      ['SIT RO (Reorder)', 16],
      ['SIT Unknown Call State', 14],
      ['SIT VC (Vacant Code)', 12],
      ['Stale', 46],
      ['Switch Error', 43],
      ['System Error', 4],
      ['Transfer Error', 45],
      ['Transferred', 1],
      ['Unknown Call Result', 28],
      ['Wrong Number', 53],
      ['Wrong Party', 40],
    ];
    expect(
      Object.entries(CALL_RESULT_LABELS)
        .map(([value, label]) => [label, Number(value)])
        .sort(),
    ).toEqual(manual.sort());
    expect([...CALL_RESULT_VALUES].sort((a, b) => a - b)).toEqual(
      manual.map(([, value]) => value).sort((a, b) => a - b),
    );
    expect(CallResult.Unknown).toBe(28);
    expect(CallResult.AnsweringMachineDetected).toBe(9);
  });

  it('has the record types, statuses and contact types of the Enumeration Table', () => {
    expect(RECORD_TYPE_LABELS).toEqual({
      0: 'No Record Type',
      1: 'Unknown',
      2: 'General',
      3: 'Campaign Rescheduled',
      4: 'Personal Rescheduled',
      5: 'Personal CallBack',
      6: 'Campaign CallBack',
      7: 'No Call',
    });
    expect(RECORD_TYPE_VALUES).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(RECORD_STATUS_LABELS).toEqual({
      0: 'No Record Status',
      1: 'Ready',
      2: 'Retrieved',
      3: 'Updated',
      4: 'Stale',
      5: 'Canceled',
      6: 'Agent Error',
      8: 'Missed CallBack',
    });
    expect(RECORD_STATUS_VALUES).toEqual([0, 1, 2, 3, 4, 5, 6, 8]);
    expect(CONTACT_INFO_TYPE_LABELS).toEqual({
      0: 'No Contact Type',
      1: 'Home Phone',
      2: 'Direct Business Phone',
      3: 'Business With Ext',
      4: 'Mobile',
      5: 'Vacation Phone',
      6: 'Pager',
      7: 'Modem',
      8: 'Voice Mail',
      9: 'Pin Pager',
      10: 'E-mail Address',
      11: 'Instant Messaging',
    });
    expect(CONTACT_INFO_TYPE_VALUES).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(RecordType.PersonalCallback).toBe(5);
    expect(RecordStatus.MissedCallback).toBe(8);
    expect(ContactInfoType.Mobile).toBe(4);
  });

  it('has the dial modes of GSW_DIAL_MODE and the optimization methods of GSW_CM_AttrOptimizeBy', () => {
    expect(DialMode).toEqual({
      Predict: 1,
      Progress: 2,
      Preview: 3,
      ProgressAndSeize: 4,
      PredictAndSeize: 5,
      PushPreview: 8,
      ProgressiveGVP: 9,
      PowerGVP: 11,
    });
    expect(Object.keys(CAMPAIGN_MODE_NAMES).map(Number)).toEqual([...DIAL_MODE_VALUES].sort((a, b) => a - b));
    expect(CAMPAIGN_MODE_NAMES[DialMode.PredictAndSeize]).toBe('Predictive with Seizing');
    expect(OptimizationMethod).toEqual({ BusyFactor: 1, OverdialRate: 2, WaitTime: 3 });
    expect(OPTIMIZATION_METHOD_VALUES).toEqual([1, 2, 3]);
    expect(GROUP_CAMPAIGN_STATUS_VALUES).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('guards accept members only, without coercing strings', () => {
    expect(isRecordStatus(8)).toBe(true);
    expect(isRecordStatus(7)).toBe(false);
    expect(isRecordStatus('1')).toBe(false);
    expect(isRecordType(7)).toBe(true);
    expect(isRecordType(8)).toBe(false);
    expect(isContactInfoType(11)).toBe(true);
    expect(isContactInfoType(12)).toBe(false);
    expect(isDialMode(11)).toBe(true);
    expect([6, 7, 10].some(isDialMode)).toBe(false);
    expect(isCallResult(53)).toBe(true);
    expect(isCallResult(54)).toBe(false);
  });

  it('stores any non-negative call result but treats only listed ones other than Unknown', () => {
    expect(isStorableCallResult(999)).toBe(true);
    expect(isStorableCallResult(24)).toBe(true);
    expect(isStorableCallResult(-1)).toBe(false);
    expect(isStorableCallResult(1.5)).toBe(false);
    expect(isStorableCallResult('6')).toBe(false);
    expect(isTreatableCallResult(CallResult.Busy)).toBe(true);
    expect(isTreatableCallResult(CallResult.Ok)).toBe(true);
    expect(isTreatableCallResult(CallResult.Unknown)).toBe(false);
    expect(isTreatableCallResult(999)).toBe(false);
  });

  it('checks optimization goals against their method', () => {
    expect(isValidOptimizationGoal(OptimizationMethod.OverdialRate, 100)).toBe(true);
    expect(isValidOptimizationGoal(OptimizationMethod.BusyFactor, 101)).toBe(false);
    expect(isValidOptimizationGoal(OptimizationMethod.WaitTime, 600)).toBe(true);
    expect(isValidOptimizationGoal(OptimizationMethod.WaitTime, -1)).toBe(false);
    expect(isValidOptimizationGoal(OptimizationMethod.OverdialRate, 2.5)).toBe(false);
  });

  it('lists the mandatory fields of the default format and reserves GSW_ keys', () => {
    expect(MANDATORY_FIELD_NAMES).toHaveLength(23);
    expect(MANDATORY_FIELD_NAMES).toContain('treatments');
    expect(isReservedKey('GSW_PHONE')).toBe(true);
    expect(isReservedKey('gsw_custom')).toBe(true);
    expect(isReservedKey('customer_name')).toBe(false);
    expect(isReservedKey('MY_GSW_KEY')).toBe(false);
  });
});
