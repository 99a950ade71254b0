/**
 * `fayuan/adapters/postgres`: PostgreSQL in production, through `pg` and Kysely's Postgres dialect.
 * Pass a `pg.Pool` you manage, or a connection string (the adapter then owns and closes the pool).
 *
 * @example
 * import { openPostgres } from "fayuan/adapters/postgres"
 * const adapter = await openPostgres({ connectionString: process.env.DATABASE_URL! })
 *
 * @since 0.1.0
 */
import { Kysely, PostgresDialect } from "kysely"
import pg from "pg"
import { postgresFlavour } from "../kysely/flavours.ts"
import type { Opened, OpenOptions } from "../kysely/open.ts"
import { openWith, queryLog } from "../kysely/open.ts"
import type { FayuanDatabase } from "../kysely/schema.ts"

/**
 * Opens a PostgreSQL database, migrates it and returns the adapter.
 *
 * @category constructors
 */
export const openPostgres = async (
  options: ({ readonly pool: pg.Pool } | { readonly connectionString: string; readonly max?: number }) & OpenOptions
): Promise<Opened> => {
  let pool: pg.Pool
  if ("pool" in options) pool = options.pool
  else {
    pool = new pg.Pool({ connectionString: options.connectionString, max: options.max ?? 10 })
    // An idle connection the server closes (a restart, a dropped database) is removed from the
    // pool; without a listener its error would crash the host process.
    pool.on("error", () => undefined)
  }
  const db = new Kysely<FayuanDatabase>({ dialect: new PostgresDialect({ pool }), ...queryLog(options) })
  return openWith(db, postgresFlavour, options)
}
