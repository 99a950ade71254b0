/**
 * The PostgreSQL server for the tests: its URL comes from FAYUAN_PG_URL (`.ci/run` starts a
 * throwaway cluster and sets it). Outside CI the PostgreSQL tests are skipped, visibly, when no
 * URL is given; in CI a missing URL is an error.
 */
import pg from "pg"
import { adapterEnabled } from "./adapters.ts"

const enabled = adapterEnabled("postgres")

/** The server's URL, or undefined when there is none or `FAYUAN_ADAPTERS` leaves PostgreSQL out. */
export const pgUrl = enabled ? process.env["FAYUAN_PG_URL"] : undefined

if (pgUrl === undefined && process.env["CI"] !== undefined) {
  throw new Error("CI is set but FAYUAN_PG_URL is not: .ci/run must start PostgreSQL for the tests")
}
if (pgUrl === undefined && enabled) console.warn("FAYUAN_PG_URL is not set: skipping the PostgreSQL tests")

/** Creates a fresh database on the server and returns its URL and a function that drops it. */
export const freshDatabase = async (label: string): Promise<{ readonly url: string; readonly drop: () => Promise<void> }> => {
  const name = `fayuan_${label}_${process.pid}_${Math.floor(Math.random() * 1e9)}`
  const admin = new pg.Client({ connectionString: pgUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(pgUrl!)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: pgUrl })
      await c.connect()
      await c.query(`drop database if exists ${name} with (force)`)
      await c.end()
    }
  }
}
