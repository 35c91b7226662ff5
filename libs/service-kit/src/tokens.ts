/** Injection token of the service's Postgres pool (a `pg` Pool). */
export const PG_POOL = Symbol('PG_POOL');
