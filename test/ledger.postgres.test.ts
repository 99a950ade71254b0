import { afterAll, describe } from "vitest"
import { openPostgres } from "../adapters/postgres/index.ts"
import { ledgerStoreContract, sharedLedgerSubject } from "./contract/ledger-store.ts"
import { freshDatabase, pgUrl } from "./support/postgres.ts"

// Under CI a missing FAYUAN_PG_URL fails in ./support/postgres.ts; elsewhere the suite is skipped, visibly.
describe.runIf(pgUrl !== undefined)("postgres", () => {
  const database = pgUrl === undefined ? undefined : freshDatabase("ledger")
  afterAll(async () => {
    await (await database)?.drop()
  })
  ledgerStoreContract("postgres", sharedLedgerSubject(async (options) => openPostgres({ connectionString: (await database!).url, ...options })))
})
