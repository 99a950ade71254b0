/**
 * What differs between the engines' SQL beyond Kysely's dialects, told by the executor's adapter:
 * insert-or-update (`ON CONFLICT (key) DO UPDATE SET c = excluded.c` in PostgreSQL and SQLite,
 * `ON DUPLICATE KEY UPDATE c = VALUES(c)` in the MySQL family — MySQL, MariaDB, TiDB, OceanBase)
 * and unbounded text. Adapter-internal.
 */
import type { InsertQueryBuilder, Kysely, Transaction } from "kysely"
import { MysqlAdapter, PostgresAdapter, sql } from "kysely"

/** The SQL an executor speaks: PostgreSQL's (PGlite's too), the MySQL family's, or SQLite's. */
export const sqlOf = (db: Kysely<any> | Transaction<any>): "postgres" | "mysql" | "sqlite" => {
  const adapter = db.getExecutor().adapter
  return adapter instanceof PostgresAdapter ? "postgres" : adapter instanceof MysqlAdapter ? "mysql" : "sqlite"
}

/** Whether the executor speaks the MySQL family's SQL. */
export const isMysql = (db: Kysely<any> | Transaction<any>): boolean => sqlOf(db) === "mysql"

/** `query` inserting rows keyed by `keys`; a row whose key exists has `columns` replaced by the new row's. */
export const upsert = <DB, TB extends keyof DB, O>(
  db: Kysely<DB> | Transaction<DB>,
  query: InsertQueryBuilder<DB, TB, O>,
  keys: ReadonlyArray<string>,
  columns: ReadonlyArray<string>
): InsertQueryBuilder<DB, TB, O> =>
  isMysql(db as Kysely<any>)
    ? query.onDuplicateKeyUpdate(Object.fromEntries(columns.map((c) => [c, sql`values(${sql.ref(c)})`])) as never)
    : query.onConflict((oc) => oc.columns(keys as never).doUpdateSet(Object.fromEntries(columns.map((c) => [c, sql.ref(`excluded.${c}`)])) as never))

/** Unbounded text for a column: `text` (PostgreSQL, SQLite), `longtext` in the MySQL family, whose `text` holds 64 kB. */
export const text = (db: Kysely<any>) => (isMysql(db) ? sql`longtext` : "text")
