import { afterAll, describe } from "vitest"
import { openMysql } from "../adapters/mysql/index.ts"
import { ledgerStoreContract, sharedLedgerSubject } from "./contract/ledger-store.ts"
import { freshMysqlDatabase as freshDatabase, mysqlUrl } from "./support/mysql.ts"

// Under CI a missing FAYUAN_MYSQL_URL fails in ./support/postgres.ts; elsewhere the suite is skipped, visibly.
describe.runIf(mysqlUrl !== undefined)("mysql", () => {
  const database = mysqlUrl === undefined ? undefined : freshDatabase("ledger")
  afterAll(async () => {
    await (await database)?.drop()
  })
  ledgerStoreContract("mysql", sharedLedgerSubject(async (options) => openMysql({ uri: (await database!).url, ...options })))
})
