/**
 * `fayuan/adapters/pglite`: PostgreSQL in process (PGlite, WebAssembly), for fast Postgres-dialect
 * tests and single-user tools. In memory by default, or a data directory.
 *
 * @example
 * import { openPglite } from "fayuan/adapters/pglite"
 * const adapter = await openPglite()
 *
 * @since 0.1.0
 */
import { PGlite } from "@electric-sql/pglite"
import { Kysely, PGliteDialect } from "kysely"
import type { Opened, OpenOptions } from "../kysely/open.ts"
import { openWith, queryLog } from "../kysely/open.ts"
import type { FayuanDatabase } from "../kysely/schema.ts"
import { postgresFlavour } from "../kysely/flavours.ts"

/**
 * Opens a PGlite database (a new in-memory one, a data directory, or an instance you pass),
 * migrates it and returns the adapter.
 *
 * @category constructors
 */
export const openPglite = async (
  options: { readonly pglite?: PGlite; readonly dataDir?: string } & OpenOptions = {}
): Promise<Opened> => {
  const pglite = options.pglite ?? new PGlite(options.dataDir)
  const db = new Kysely<FayuanDatabase>({ dialect: new PGliteDialect({ pglite }), ...queryLog(options) })
  return openWith(db, { ...postgresFlavour, name: "pglite" }, options)
}
