/**
 * Helpers for the Genesys enumerations, which are declared as `const` objects mapping a name to
 * the value that travels on the wire and is stored in the database.
 */
export type Enumeration = Readonly<Record<string, number | string>>;

export type ValueOf<E extends Enumeration> = E[keyof E];

/** The values of an enumeration, in declaration order. */
export function enumerationValues<E extends Enumeration>(enumeration: E): readonly ValueOf<E>[] {
  return Object.freeze(Object.values(enumeration) as ValueOf<E>[]);
}

/** A type guard accepting exactly the values of an enumeration (no coercion of strings to numbers). */
export function enumerationGuard<E extends Enumeration>(
  enumeration: E,
): (value: unknown) => value is ValueOf<E> {
  const values = new Set<unknown>(Object.values(enumeration));
  return (value: unknown): value is ValueOf<E> => values.has(value);
}

/** A type guard accepting exactly the members of a list of literals. */
export function literalGuard<const T extends readonly (string | number)[]>(
  literals: T,
): (value: unknown) => value is T[number] {
  const values = new Set<unknown>(literals);
  return (value: unknown): value is T[number] => values.has(value);
}
