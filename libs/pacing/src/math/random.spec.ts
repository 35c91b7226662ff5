import { Random } from './random';

describe('Random', () => {
  it('repeats its stream for the same seed and differs for another', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const xa = Array.from({ length: 5 }, () => a.uniform());
    expect(Array.from({ length: 5 }, () => b.uniform())).toEqual(xa);
    expect(Array.from({ length: 5 }, () => c.uniform())).not.toEqual(xa);
  });

  it('draws uniform numbers in [0, 1) with mean 1/2 and normals with variance 1', () => {
    const random = new Random(7);
    const us = Array.from({ length: 100_000 }, () => random.uniform());
    expect(Math.min(...us)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...us)).toBeLessThan(1);
    expect(us.reduce((a, b) => a + b, 0) / us.length).toBeCloseTo(0.5, 2);
    const zs = Array.from({ length: 100_000 }, () => random.normal());
    const mean = zs.reduce((a, b) => a + b, 0) / zs.length;
    expect(mean).toBeCloseTo(0, 1);
    expect(zs.reduce((a, b) => a + (b - mean) ** 2, 0) / zs.length).toBeCloseTo(1, 1);
  });
});
