/**
 * `fayuan/adapters/sqlite`: the embedded default. Node's built-in `node:sqlite` (Node ≥ 22.13, no
 * native build) through Kysely's SQLite dialect. A file path, or `":memory:"`.
 *
 * The database runs in WAL mode so readers never block the writer; a writer that finds the
 * database locked by another connection waits and retries (never blocking the event loop).
 *
 * @example
 * import { openSqlite } from "fayuan/adapters/sqlite"
 * const adapter = await openSqlite({ path: "fayuan.sqlite" })
 * // … Effect.provide(program, adapter.layer) …
 * await adapter.close()
 *
 * @since 0.1.0
 */
import { DatabaseSync } from "node:sqlite"
import type { SqliteDatabase, SqliteStatement } from "kysely"
import { Kysely, SqliteDialect } from "kysely"
import { sqliteFlavour } from "../kysely/flavours.ts"
import type { Opened, OpenOptions } from "../kysely/open.ts"
import { openWith, queryLog } from "../kysely/open.ts"
import type { FayuanDatabase } from "../kysely/schema.ts"

const readerPattern = /^\s*(select|with|pragma|values|explain)\b|\breturning\b/i

/** node:sqlite's binding takes no booleans; Kysely may pass them. */
const bindable = (p: unknown): unknown => (typeof p === "boolean" ? (p ? 1 : 0) : p)

/**
 * Adapts a `node:sqlite` database to the shape Kysely's SQLite dialect expects.
 *
 * @category internals
 */
export const kyselySqliteDatabase = (db: DatabaseSync): SqliteDatabase => {
  // Prepared statements are reused by their SQL text (Kysely's SQL is stable for a query shape).
  const cache = new Map<string, SqliteStatement>()
  const prepare = (sql: string): SqliteStatement => {
    const hit = cache.get(sql)
    if (hit !== undefined) return hit
    const made = build(sql)
    if (cache.size >= 500) cache.delete(cache.keys().next().value!)
    cache.set(sql, made)
    return made
  }
  const build = (sql: string): SqliteStatement => {
    const stmt = db.prepare(sql)
    const columns = (stmt as unknown as { columns?: () => ReadonlyArray<unknown> }).columns
    const reader = columns !== undefined ? columns.call(stmt).length > 0 : readerPattern.test(sql)
    return {
      reader,
      all: (parameters) => stmt.all(...(parameters.map(bindable) as Array<never>)) as Array<unknown>,
      run: (parameters) => {
        const r = stmt.run(...(parameters.map(bindable) as Array<never>))
        return { changes: r.changes, lastInsertRowid: r.lastInsertRowid }
      },
      iterate: (parameters) => stmt.iterate(...(parameters.map(bindable) as Array<never>)) as IterableIterator<unknown>
    }
  }
  return { close: () => db.close(), prepare }
}

/**
 * Opens (creating if needed) a SQLite database, migrates it and returns the adapter.
 *
 * @category constructors
 */
export const openSqlite = async (options: { readonly path: string } & OpenOptions): Promise<Opened> => {
  const raw = new DatabaseSync(options.path)
  raw.exec("PRAGMA busy_timeout = 0")
  if (options.path !== ":memory:") raw.exec("PRAGMA journal_mode = WAL")
  raw.exec("PRAGMA foreign_keys = ON")
  const db = new Kysely<FayuanDatabase>({ dialect: new SqliteDialect({ database: kyselySqliteDatabase(raw) }), ...queryLog(options) })
  return openWith(db, sqliteFlavour, options)
}
