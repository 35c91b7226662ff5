import { DEMO_CALLING_LISTS, DEMO_ZONES } from './demo-config';
import { generateDemoRecords } from './demo-records';

describe('generateDemoRecords', () => {
  const [residential] = DEMO_CALLING_LISTS;

  it('gives exactly the records asked for, the same every time', () => {
    const records = generateDemoRecords(residential, 0, 1000);
    expect(records).toHaveLength(1000);
    expect(generateDemoRecords(residential, 0, 1000)).toEqual(records);
    expect(generateDemoRecords(residential, 0, 0)).toEqual([]);
  });

  it('keeps the first records when the count grows, so a larger seed extends a smaller one', () => {
    const small = generateDemoRecords(residential, 0, 100);
    expect(generateDemoRecords(residential, 0, 500).slice(0, 99)).toEqual(small.slice(0, 99));
  });

  it('builds chains of one customer with distinct numbers in the demo zones', () => {
    const records = generateDemoRecords(residential, 0, 3000);
    const chains = new Map<number, typeof records>();
    for (const record of records) chains.set(record.chainId, [...(chains.get(record.chainId) ?? []), record]);
    for (const chain of chains.values()) {
      expect(chain.length).toBeLessThanOrEqual(3);
      expect(chain.map((record) => record.chainN)).toEqual([...Array(chain.length).keys()]);
      expect(new Set(chain.map((record) => record.customerId)).size).toBe(1);
      expect(new Set(chain.map((record) => record.contactInfoType)).size).toBe(chain.length);
    }
    expect(new Set(records.map((record) => record.contactInfo)).size).toBe(records.length);
    expect(new Set(records.map((record) => record.zone))).toEqual(
      new Set(DEMO_ZONES.map((zone) => zone.zone)),
    );
  });

  it('numbers the chains of each list in its own block', () => {
    const [first] = generateDemoRecords(DEMO_CALLING_LISTS[2], 2, 1);
    expect(first.chainId).toBe(3_000_000);
  });
});
