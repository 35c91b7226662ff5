import { DncIndex } from './dnc-index';
import { dncExpiry, isDncActive, normalizeDncCustomerId, normalizeDncPhone } from './dnc-keys';
import { dncListedRecords, dncQuestion } from './dnc-records';

const NOW = 1_800_000_000;

describe('DncIndex', () => {
  it('finds listed phones and customer ids, exactly', () => {
    const index = new DncIndex();
    index.add('phone', '+14155550100', null);
    index.add('phone', '4155550100', null);
    index.add('customerId', '4155550101', null);
    index.add('customerId', 'CUST-0007', null);
    expect(index.has('phone', '+14155550100', NOW)).toBe(true);
    expect(index.has('phone', '+1 (415) 555-0100', NOW)).toBe(true);
    expect(index.has('phone', '4155550100', NOW)).toBe(true);
    expect(index.has('phone', '14155550100', NOW)).toBe(false);
    expect(index.has('phone', '04155550100', NOW)).toBe(false);
    expect(index.has('phone', '4155550101', NOW)).toBe(false);
    expect(index.has('customerId', '4155550101', NOW)).toBe(true);
    expect(index.has('customerId', 'CUST-0007', NOW)).toBe(true);
    expect(index.has('customerId', 'cust-0007', NOW)).toBe(false);
    expect(index.has('phone', '', NOW)).toBe(false);
    expect(index.size).toBe(4);
  });

  it('keeps values that are not short numbers exactly too', () => {
    const index = new DncIndex();
    index.add('phone', 'sip:alice@example.com', null);
    index.add('phone', '123456789012345678', null);
    expect(index.has('phone', 'sip:alice@example.com', NOW)).toBe(true);
    expect(index.has('phone', '123456789012345678', NOW)).toBe(true);
    expect(index.has('phone', '12345678901234567', NOW)).toBe(false);
  });

  it('never matches an expired entry, and a repeat replaces the expiry', () => {
    const index = new DncIndex();
    index.add('phone', '5550001', NOW + 10);
    expect(index.has('phone', '5550001', NOW)).toBe(true);
    expect(index.has('phone', '5550001', NOW + 10)).toBe(false);
    index.add('phone', '5550001', null);
    expect(index.has('phone', '5550001', NOW + 1_000_000)).toBe(true);
    expect(index.size).toBe(1);
  });

  it('removes entries and keeps every other one findable (backward shift) while growing', () => {
    const index = new DncIndex(4);
    const phones = Array.from({ length: 20_000 }, (_, i) => `+1415${String(i * 7919).padStart(7, '0')}`);
    for (const phone of phones) index.add('phone', phone, null);
    expect(index.size).toBe(phones.length);
    for (let i = 0; i < phones.length; i += 2) expect(index.remove('phone', phones[i])).toBe(true);
    expect(index.remove('phone', phones[0])).toBe(false);
    for (let i = 0; i < phones.length; i++) expect(index.has('phone', phones[i], NOW)).toBe(i % 2 === 1);
    expect(index.size).toBe(phones.length / 2);
  });
});

describe('do-not-call rules', () => {
  it('normalizes phones and customer ids', () => {
    expect(normalizeDncPhone(' +1 (415) 555-0100 ')).toBe('+14155550100');
    expect(normalizeDncPhone('  ')).toBeUndefined();
    expect(normalizeDncCustomerId(' C-1 ')).toBe('C-1');
    expect(normalizeDncCustomerId('')).toBeUndefined();
  });

  it('adds GSW_DURATION seconds to now; no duration never expires', () => {
    const now = new Date('2026-11-21T10:00:00Z');
    expect(dncExpiry(now, 60)).toEqual(new Date('2026-11-21T10:01:00Z'));
    expect(dncExpiry(now, undefined)).toBeNull();
    expect(dncExpiry(now, 0)).toBeNull();
    expect(isDncActive(null, now)).toBe(true);
    expect(isDncActive(new Date('2026-11-21T10:00:00Z'), now)).toBe(false);
    expect(isDncActive(new Date('2026-11-21T10:00:01Z'), now)).toBe(true);
  });

  it('asks once per value and finds the records whose phone or customer id is listed', () => {
    const records = [
      { recordId: '1', phone: '+1 415 555 0100', customerId: null },
      { recordId: '2', phone: '+14155550100', customerId: 'C1' },
      { recordId: '3', phone: '+14155550199', customerId: 'C2' },
      { recordId: '4', phone: '+14155550198', customerId: null },
    ];
    expect(dncQuestion(records)).toEqual({
      phones: ['+14155550100', '+14155550199', '+14155550198'],
      customerIds: ['C1', 'C2'],
    });
    expect(
      dncListedRecords(records, { phones: ['+14155550100'], customerIds: ['C2'] }).map((r) => r.recordId),
    ).toEqual(['1', '2', '3']);
  });
});
