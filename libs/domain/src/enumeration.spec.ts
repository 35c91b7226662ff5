import { enumerationGuard, enumerationValues, literalGuard } from './enumeration';

describe('enumeration helpers', () => {
  const Colour = { Red: 1, Blue: 2 } as const;

  it('lists values in declaration order and freezes the list', () => {
    const values = enumerationValues(Colour);
    expect(values).toEqual([1, 2]);
    expect(Object.isFrozen(values)).toBe(true);
  });

  it('guards exact members', () => {
    const isColour = enumerationGuard(Colour);
    expect(isColour(2)).toBe(true);
    expect(isColour('2')).toBe(false);
    expect(isColour('Red')).toBe(false);
    const isSize = literalGuard(['s', 'm'] as const);
    expect(isSize('m')).toBe(true);
    expect(isSize('l')).toBe(false);
    expect(isSize(undefined)).toBe(false);
  });
});
