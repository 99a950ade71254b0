/**
 * `fayuan/adapters/mysql`: the MySQL family — MySQL, MariaDB, and the distributed databases that
 * speak it (TiDB, OceanBase in MySQL mode) — through `mysql2` and Kysely's MySQL dialect. Pass a
 * `mysql2` pool you manage, or a URI (the adapter then owns and closes the pool).
 *
 * Tables are created `utf8mb4` with the binary collation `utf8mb4_bin` (the database's default is
 * set so on migration), so a region prefix range orders its digits as bytes and ids compare as
 * written. Each connection adds `ANSI_QUOTES` to its `sql_mode`. Only what TiDB and OceanBase also
 * support is used: no triggers, procedures or engine-specific locks; the version check is the
 * primary key of the event log and a conditional update of the head.
 *
 * @example
 * import { openMysql } from "fayuan/adapters/mysql"
 * const adapter = await openMysql({ uri: "mysql://fayuan@127.0.0.1:3306/fayuan" })
 *
 * @since 0.2.0
 */
import { CompiledQuery, Kysely, MysqlDialect, sql } from "kysely"
import { createPool, type Pool } from "mysql2"
import { mysqlFlavour } from "../kysely/flavours.ts"
import type { Opened, OpenOptions } from "../kysely/open.ts"
import { openWith, queryLog } from "../kysely/open.ts"
import type { FayuanDatabase } from "../kysely/schema.ts"

/**
 * Opens a MySQL-family database, migrates it and returns the adapter.
 *
 * @category constructors
 */
export const openMysql = async (
  options: ({ readonly pool: Pool } | { readonly uri: string; readonly connectionLimit?: number }) & OpenOptions
): Promise<Opened> => {
  let pool: Pool
  if ("pool" in options) pool = options.pool
  else {
    pool = createPool({ uri: options.uri, connectionLimit: options.connectionLimit ?? 10, charset: "utf8mb4_bin", supportBigNumbers: true, dateStrings: true })
    // An idle connection the server closes is removed from the pool; without a listener its
    // error would crash the host process.
    pool.on("connection", (c) => c.on("error", () => undefined))
  }
  const db = new Kysely<FayuanDatabase>({
    dialect: new MysqlDialect({
      pool,
      // Standard identifier quotes for the SQL fayuan writes by hand; the binary collation for
      // the session's literals.
      onCreateConnection: async (connection) => {
        await connection.executeQuery(CompiledQuery.raw("set session sql_mode = concat_ws(',', nullif(@@session.sql_mode, ''), 'ANSI_QUOTES')"))
        await connection.executeQuery(CompiledQuery.raw("set names utf8mb4 collate utf8mb4_bin"))
      }
    }),
    ...queryLog(options)
  })
  if (options.migrate !== false) {
    try {
      // Tables take the database's default: utf8mb4 with the binary collation (set once; a user
      // without the right to alter the database opens one created so).
      const current = await sql<{ name: string | null; collation: string | null }>`
        select database() as name,
          (select default_collation_name from information_schema.schemata where schema_name = database()) as collation`.execute(db)
      const row = current.rows[0]
      if (row?.name === null || row?.name === undefined) throw new Error("openMysql: the URI names no database")
      if (row.collation !== "utf8mb4_bin") {
        await sql`alter database ${sql.id(row.name)} character set utf8mb4 collate utf8mb4_bin`.execute(db)
      }
    } catch (error) {
      await db.destroy()
      throw error
    }
  }
  return openWith(db, mysqlFlavour, options)
}
