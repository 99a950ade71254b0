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
import { backoff, databaseError } from "../kysely/internal/errors.ts"
import { migrate } from "../kysely/migrations.ts"
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
    // Every transaction fayuan opens writes: take the write lock when it begins (BEGIN IMMEDIATE),
    // so a busy database is found at the start and retried whole, never half way through, and a
    // migration in another process is waited for before this one reads what is applied.
    const stmt = db.prepare(/^\s*begin\s*$/i.test(sql) ? "begin immediate" : sql)
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
 * The database could not be opened: another process held its lock for longer than
 * `lockTimeoutMs` (migrating, say), or the file cannot be opened at all.
 *
 * @category errors
 */
export class SqliteOpenError extends Error {
  readonly _tag = "SqliteOpenError"
  readonly reason: string
  constructor(reason: string) {
    super(`sqlite: cannot open the database: ${reason}`)
    this.reason = reason
  }
}

const isBusy = (e: unknown): boolean => sqliteFlavour.isBusy(e)

/** Runs `f`, retrying while the database is locked by another connection, until `deadline`. */
const whileBusy = async <A>(f: () => A | Promise<A>, deadline: number, what: string): Promise<A> => {
  for (let attempt = 0; ; attempt++) {
    try {
      return await f()
    } catch (error) {
      if (!isBusy(error)) throw error
      if (Date.now() >= deadline) throw new SqliteOpenError(`${what}: the database stayed locked by another connection`)
      await backoff(attempt)
    }
  }
}

/**
 * Opens (creating if needed) a SQLite database, migrates it and returns the adapter. Many
 * processes may open one file at once (a web server's workers): each waits its turn for the
 * lock — to switch to WAL mode, to migrate — and fails with {@link SqliteOpenError} only when the
 * lock cannot be had within `lockTimeoutMs` (default 30 s). Reads and writes never block the event
 * loop on a lock: a busy write is retried after a short asynchronous wait.
 *
 * @category constructors
 */
export const openSqlite = async (options: { readonly path: string; readonly lockTimeoutMs?: number } & OpenOptions): Promise<Opened> => {
  const deadline = Date.now() + (options.lockTimeoutMs ?? 30_000)
  let raw: DatabaseSync
  try {
    raw = new DatabaseSync(options.path)
  } catch (error) {
    throw new SqliteOpenError(databaseError(error))
  }
  try {
    raw.exec("PRAGMA busy_timeout = 0")
    if (options.path !== ":memory:") await whileBusy(() => raw.exec("PRAGMA journal_mode = WAL"), deadline, "switching to WAL mode")
    raw.exec("PRAGMA foreign_keys = ON")
    // Deleted content is overwritten with zeros, so erased personal data leaves no copy in the file.
    raw.exec("PRAGMA secure_delete = ON")
  } catch (error) {
    raw.close()
    throw error instanceof SqliteOpenError ? error : new SqliteOpenError(databaseError(error))
  }
  const db = new Kysely<FayuanDatabase>({ dialect: new SqliteDialect({ database: kyselySqliteDatabase(raw) }), ...queryLog(options) })
  if (options.migrate === false) return openWith(db, sqliteFlavour, options)
  try {
    // Kysely runs SQLite migrations outside a transaction: hold the write lock across the whole
    // run (SQLite's DDL is transactional), so a worker that finds another migrating waits, then
    // sees the migrations applied — and a failed migration leaves nothing half done.
    await whileBusy(() => raw.exec("BEGIN IMMEDIATE"), deadline, "migrating")
    try {
      await migrate(db)
      raw.exec("COMMIT")
    } catch (error) {
      raw.exec("ROLLBACK")
      throw error
    }
  } catch (error) {
    await db.destroy()
    throw error
  }
  return openWith(db, sqliteFlavour, { ...options, migrate: false })
}
