/**
 * The MySQL-family server for the tests (MariaDB in CI): its URL comes from FAYUAN_MYSQL_URL
 * (`.ci/run` starts a throwaway MariaDB and sets it). Outside CI the MySQL tests are skipped,
 * visibly, when no URL is given; in CI a missing URL is an error.
 */
import { createConnection } from "mysql2/promise"
import { adapterEnabled } from "./adapters.ts"

const enabled = adapterEnabled("mysql")

/** The server's URL, or undefined when there is none or `FAYUAN_ADAPTERS` leaves MySQL out. */
export const mysqlUrl = enabled ? process.env["FAYUAN_MYSQL_URL"] : undefined

if (mysqlUrl === undefined && process.env["CI"] !== undefined) {
  throw new Error("CI is set but FAYUAN_MYSQL_URL is not: .ci/run must start MariaDB for the tests")
}
if (mysqlUrl === undefined && enabled) console.warn("FAYUAN_MYSQL_URL is not set: skipping the MySQL-family tests")

/** Creates a fresh database on the server and returns its URL and a function that drops it. */
export const freshMysqlDatabase = async (label: string): Promise<{ readonly url: string; readonly drop: () => Promise<void> }> => {
  const name = `fayuan_${label}_${process.pid}_${Math.floor(Math.random() * 1e9)}`
  const admin = await createConnection({ uri: mysqlUrl! })
  await admin.query(`create database ${name} character set utf8mb4 collate utf8mb4_bin`)
  await admin.end()
  const url = new URL(mysqlUrl!)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const c = await createConnection({ uri: mysqlUrl! })
      await c.query(`drop database if exists ${name}`)
      await c.end()
    }
  }
}
