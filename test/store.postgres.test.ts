import { afterAll, describe } from "vitest"
import { openPostgres } from "../adapters/postgres/index.ts"
import { caseStoreContract } from "./contract/case-store.ts"
import { freshDatabase, pgUrl } from "./support/postgres.ts"
import { sharedSubject } from "./support/sql-subject.ts"

describe.runIf(pgUrl !== undefined)("postgres", () => {
  const database = pgUrl === undefined ? undefined : freshDatabase("contract")
  afterAll(async () => {
    await (await database)?.drop()
  })
  caseStoreContract("postgres", sharedSubject(async () => openPostgres({ connectionString: (await database!).url })))
})
