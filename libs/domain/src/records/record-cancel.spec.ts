import { RecordStatus } from '../genesys/record-status';
import {
  type ChainRecordHolding,
  isCancelableStatus,
  planCancel,
  recordCancelKey,
  staleCutoff,
} from './record-cancel';

describe('recordCancelKey', () => {
  it('prefers the record handle, then the phone, then the customer id', () => {
    expect(recordCancelKey({ handle: 7, phone: '555', customerId: 'C1' })).toEqual({
      by: 'handle',
      handle: 7,
    });
    expect(recordCancelKey({ phone: '555', customerId: 'C1' })).toEqual({ by: 'phone', phone: '555' });
    expect(recordCancelKey({ customerId: 'C1' })).toEqual({ by: 'customerId', customerId: 'C1' });
  });

  it('is undefined without an identifier', () => {
    expect(recordCancelKey({})).toBeUndefined();
    expect(recordCancelKey({ phone: '', customerId: '' })).toBeUndefined();
  });
});

describe('isCancelableStatus', () => {
  it('accepts only records that may still be dialed', () => {
    expect(isCancelableStatus(RecordStatus.Ready)).toBe(true);
    expect(isCancelableStatus(RecordStatus.Retrieved)).toBe(true);
    for (const status of [
      RecordStatus.Updated,
      RecordStatus.Stale,
      RecordStatus.Canceled,
      RecordStatus.AgentError,
    ])
      expect(isCancelableStatus(status)).toBe(false);
  });
});

describe('planCancel', () => {
  const record = (
    recordId: string,
    chainKey: string,
    matched: boolean,
    extra: Partial<ChainRecordHolding> = {},
  ): ChainRecordHolding => ({ recordId, chainKey, matched, recordStatus: RecordStatus.Ready, ...extra });

  it('cancels the whole chain of a matched record with AllChain', () => {
    const plan = planCancel(
      [record('1', 'a', true), record('2', 'a', false), record('3', 'b', false)],
      'AllChain',
    );
    expect(plan.cancel).toEqual(['1', '2']);
  });

  it('cancels only the matched record with RecordOnly', () => {
    const plan = planCancel([record('1', 'a', true), record('2', 'a', false)], 'RecordOnly');
    expect(plan.cancel).toEqual(['1']);
  });

  it('skips records already finished', () => {
    const plan = planCancel(
      [record('1', 'a', true), record('2', 'a', false, { recordStatus: RecordStatus.Updated })],
      'AllChain',
    );
    expect(plan.cancel).toEqual(['1']);
  });

  it('ends buffered handles and leaves other desktops to be told', () => {
    const plan = planCancel(
      [
        record('1', 'a', true, {
          recordStatus: RecordStatus.Retrieved,
          holding: { handle: 10, state: 'buffered', agentId: null },
        }),
        record('2', 'b', true, {
          recordStatus: RecordStatus.Retrieved,
          holding: { handle: 11, state: 'desktop', agentId: 'agent01' },
        }),
        record('3', 'b', false),
      ],
      'AllChain',
    );
    expect(plan.cancel).toEqual(['1', '3']);
    expect(plan.endHandles).toEqual([10]);
    expect(plan.onDesktop.map((held) => held.recordId)).toEqual(['2']);
  });

  it("cancels the requester's own handles", () => {
    const plan = planCancel(
      [
        record('1', 'a', true, {
          recordStatus: RecordStatus.Retrieved,
          holding: { handle: 11, state: 'desktop', agentId: 'agent01' },
        }),
      ],
      'AllChain',
      new Set([11]),
    );
    expect(plan).toEqual({ cancel: ['1'], endHandles: [11], onDesktop: [] });
  });
});

describe('staleCutoff', () => {
  it('is the timeout before now, or null when the option is off', () => {
    const now = new Date('2026-07-01T16:00:00Z');
    expect(staleCutoff(now, 60)).toEqual(new Date('2026-07-01T15:59:00Z'));
    expect(staleCutoff(now, 0)).toBeNull();
  });
});
