/**
 * What differs between the engines' SQL beyond Kysely's dialects. Insert-or-update in each engine's words: `ON CONFLICT (key) DO UPDATE SET c = excluded.c` in
 * PostgreSQL and SQLite, `ON DUPLICATE KEY UPDATE c = VALUES(c)` in the MySQL family (MySQL,
 * MariaDB, TiDB, OceanBase). The engine is told by the executor's adapter. Adapter-internal.
 */
import type { InsertQueryBuilder, Kysely, Transaction } from "kysely"
import { MysqlAdapter, sql } from "kysely"

/** Whether the executor speaks the MySQL family's SQL. */
export const isMysql = (db: Kysely<any> | Transaction<any>): boolean => db.getExecutor().adapter instanceof MysqlAdapter

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
