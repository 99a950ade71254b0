/**
 * The engine-specific parts of the Kysely adapter: how each engine reports a unique-key violation
 * and a transient lock. No driver is imported here.
 *
 * @since 0.1.0
 */
import { sql } from "kysely"
import type { Flavour } from "./case-store.ts"
import { backoff } from "./internal/errors.ts"

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
  isBusy: (e) => [5, 6, 261, 517].includes(Number(field(e, "errcode"))) || /database is locked/.test(text(e)),
  // secure_delete (set on open) zeroes the freed bytes in the database file; the write-ahead log
  // still holds the pages as they were until a checkpoint copies them back and truncates it.
  afterErase: async (db) => {
    for (let attempt = 0; attempt < 200; attempt++) {
      const rows = await sql<{ busy: number }>`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db)
      if (Number(rows.rows[0]?.busy ?? 0) === 0) return
      await backoff(attempt)
    }
    const e = new Error("erased from the database, but other connections kept the write-ahead log busy: a copy stays in it until the next checkpoint")
    e.name = "EraseIncomplete"
    throw e
  }
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

/**
 * The MySQL family (MySQL, MariaDB, TiDB, OceanBase in MySQL mode), by error number: 1062
 * duplicate key; 1213 deadlock, 1205 lock-wait timeout and TiDB's 9007 write conflict are
 * retried.
 *
 * @category flavours
 */
export const mysqlFlavour: Flavour = {
  name: "mysql",
  isUniqueViolation: (e) => field(e, "errno") === 1062 || field(e, "code") === "ER_DUP_ENTRY",
  isBusy: (e) => [1213, 1205, 9007].includes(Number(field(e, "errno")))
}
