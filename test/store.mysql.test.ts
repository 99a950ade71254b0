import { createConnection } from "mysql2/promise"
import { describe, expect, it } from "vitest"
import { openMysql } from "../adapters/mysql/index.ts"
import { freshMysqlDatabase, mysqlUrl } from "./support/mysql.ts"
import { storeSuites } from "./support/server-suites.ts"

storeSuites({ name: "mysql", url: mysqlUrl, fresh: freshMysqlDatabase, open: (url, options, connectionLimit) => openMysql({ uri: url, ...(connectionLimit === undefined ? {} : { connectionLimit }), ...options }) })

describe.runIf(mysqlUrl !== undefined)("mysql: collation", () => {
  it("creates every table utf8mb4 with the binary collation, even in a database created otherwise", async () => {
    const fresh = await freshMysqlDatabase("collation")
    const admin = await createConnection({ uri: fresh.url })
    try {
      await admin.query("alter database character set latin1 collate latin1_swedish_ci")
      const adapter = await openMysql({ uri: fresh.url })
      const [rows] = await admin.query(
        "select table_name as t, column_name as c, collation_name as k from information_schema.columns where table_schema = database() and column_name = 'region'"
      )
      await adapter.close()
      const regions = rows as Array<{ t: string; c: string; k: string }>
      expect(regions.length).toBeGreaterThanOrEqual(10)
      expect(regions.filter((r) => r.k !== "utf8mb4_bin")).toEqual([])
    } finally {
      await admin.end()
      await fresh.drop()
    }
  })
})
