/**
 * The engine-specific parts of the Kysely adapter: how each engine reports a unique-key violation
 * and a transient lock. No driver is imported here.
 *
 * @since 0.1.0
 */
import type { Flavour } from "./case-store.ts"

const field = (e: unknown, name: string): unknown => (typeof e === "object" && e !== null ? (e as Record<string, unknown>)[name] : undefined)
const text = (e: unknown): string => (e instanceof Error ? e.message : "")

/**
 * SQLite through node:sqlite: extended result codes 2067 (unique) and 1555 (primary key); 5, 6
 * and 517 (busy, locked, busy snapshot) are retried.
 *
 * @category flavours
 */
export const sqliteFlavour: Flavour = {
  name: "sqlite",
  isUniqueViolation: (e) => field(e, "errcode") === 2067 || field(e, "errcode") === 1555 || /UNIQUE constraint failed/.test(text(e)),
  isBusy: (e) => [5, 6, 261, 517].includes(Number(field(e, "errcode"))) || /database is locked/.test(text(e))
}

/**
 * PostgreSQL (and PGlite) SQLSTATE codes: 23505 unique violation; 40001 serialization failure
 * and 40P01 deadlock are retried.
 *
 * @category flavours
 */
export const postgresFlavour: Flavour = {
  name: "postgres",
  isUniqueViolation: (e) => field(e, "code") === "23505",
  isBusy: (e) => field(e, "code") === "40001" || field(e, "code") === "40P01"
}
