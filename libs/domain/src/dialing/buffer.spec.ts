import {
  allocateByShare,
  isValidBufferPolicy,
  type ListShare,
  reallocateShortfall,
  refillCount,
} from './buffer';

const lists = (...shares: number[]): ListShare[] =>
  shares.map((share, index) => ({ listId: index + 1, share }));
const counts = (allocation: Map<number, number>) => [...allocation.values()];

describe('allocateByShare', () => {
  it('splits in proportion to shares', () => {
    expect(counts(allocateByShare(lists(10, 10), 10))).toEqual([5, 5]);
    expect(counts(allocateByShare(lists(30, 10), 100))).toEqual([75, 25]);
    expect(counts(allocateByShare(lists(1, 2, 7), 50))).toEqual([5, 10, 35]);
  });

  it('gives remainders to the largest fractions, ties to the first list', () => {
    expect(counts(allocateByShare(lists(10, 10, 10), 10))).toEqual([4, 3, 3]);
    expect(counts(allocateByShare(lists(10, 10, 10), 2))).toEqual([1, 1, 0]);
    // 7 * 1/6 = 1.17 and 7 * 5/6 = 5.83: the second list takes the spare record.
    expect(counts(allocateByShare(lists(1, 5), 7))).toEqual([1, 6]);
  });

  it('always adds up to the total', () => {
    for (const shares of [[1], [3, 7], [1, 1, 1], [100, 1, 50, 3], [13, 17, 19, 23, 29]]) {
      for (let total = 0; total <= 120; total++) {
        const allocation = counts(allocateByShare(lists(...shares), total));
        expect(allocation.reduce((a, b) => a + b, 0)).toBe(total);
        expect(allocation.every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
      }
    }
  });

  it('never gives a list more than one record beyond its exact quota', () => {
    const shares = [13, 17, 19, 23, 29];
    const sum = shares.reduce((a, b) => a + b, 0);
    for (let total = 1; total <= 200; total++) {
      counts(allocateByShare(lists(...shares), total)).forEach((n, index) => {
        expect(Math.abs(n - (total * shares[index]) / sum)).toBeLessThan(1);
      });
    }
  });

  it('gives nothing for no records, no lists or no positive share', () => {
    expect(counts(allocateByShare(lists(10, 20), 0))).toEqual([0, 0]);
    expect(counts(allocateByShare([], 10))).toEqual([]);
    expect(counts(allocateByShare(lists(0, 0), 10))).toEqual([0, 0]);
    expect(counts(allocateByShare(lists(0, 5), 10))).toEqual([0, 10]);
  });
});

describe('reallocateShortfall', () => {
  it('shares what an exhausted list could not give among the others', () => {
    const allocation = reallocateShortfall(lists(10, 20, 10), new Set([2]), 8);
    expect([...allocation.entries()]).toEqual([
      [1, 4],
      [3, 4],
    ]);
  });

  it('gives nothing when every list is exhausted', () => {
    expect(reallocateShortfall(lists(10, 20), new Set([1, 2]), 8).size).toBe(0);
  });
});

describe('buffer refill (low-water mark)', () => {
  const policy = { capacity: 100, lowWaterMark: 25 };

  it('waits while the buffer is above the mark', () => {
    expect(refillCount(policy, 26)).toBe(0);
    expect(refillCount(policy, 100)).toBe(0);
  });

  it('fills to capacity at or below the mark', () => {
    expect(refillCount(policy, 25)).toBe(75);
    expect(refillCount(policy, 0)).toBe(100);
  });

  it('never asks for a negative number', () => {
    expect(refillCount({ capacity: 10, lowWaterMark: 0 }, 0)).toBe(10);
    expect(refillCount({ capacity: 10, lowWaterMark: 0 }, 1)).toBe(0);
  });

  it('validates policies', () => {
    expect(isValidBufferPolicy(policy)).toBe(true);
    expect(isValidBufferPolicy({ capacity: 1, lowWaterMark: 0 })).toBe(true);
    expect(isValidBufferPolicy({ capacity: 0, lowWaterMark: 0 })).toBe(false);
    expect(isValidBufferPolicy({ capacity: 10, lowWaterMark: 10 })).toBe(false);
    expect(isValidBufferPolicy({ capacity: 10, lowWaterMark: -1 })).toBe(false);
    expect(isValidBufferPolicy({ capacity: 10.5, lowWaterMark: 1 })).toBe(false);
  });
});
