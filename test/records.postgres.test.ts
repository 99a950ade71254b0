import { afterAll, describe } from "vitest"
import { openPostgres } from "../adapters/postgres/index.ts"
import { recordsContract, sharedRecordsSubject } from "./contract/records-store.ts"
import { freshDatabase, pgUrl } from "./support/postgres.ts"

describe.runIf(pgUrl !== undefined)("postgres", () => {
  const database = pgUrl === undefined ? undefined : freshDatabase("records")
  afterAll(async () => {
    await (await database)?.drop()
  })
  recordsContract(
    "postgres",
    sharedRecordsSubject(
      async (options) => openPostgres({ connectionString: (await database!).url, ...options }),
      async () => {
        const fresh = await freshDatabase("records_migration")
        const adapter = await openPostgres({ connectionString: fresh.url, max: 2, migrate: false })
        return {
          adapter,
          close: async () => {
            await adapter.close()
            await fresh.drop()
          }
        }
      }
    )
  )
})
