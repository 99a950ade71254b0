import { afterAll, describe } from "vitest"
import { openPostgres } from "../adapters/postgres/index.ts"
import { caseStoreContract } from "./contract/case-store.ts"
import { documentStoreContract } from "./contract/document-store.ts"
import type { SqlTarget } from "./contract/sql-reliability.ts"
import { sqlReliability } from "./contract/sql-reliability.ts"
import { freshDatabase, pgUrl } from "./support/postgres.ts"
import { sharedSubject } from "./support/sql-subject.ts"

describe.runIf(pgUrl !== undefined)("postgres", () => {
  const database = pgUrl === undefined ? undefined : freshDatabase("contract")
  afterAll(async () => {
    await (await database)?.drop()
  })
  caseStoreContract("postgres", sharedSubject(async (options) => openPostgres({ connectionString: (await database!).url, ...options })))

  const many: SqlTarget = {
    openMany: async (count, options) => {
      const fresh = await freshDatabase("reliability")
      // Each writer has its own pool of one connection.
      const first = await openPostgres({ connectionString: fresh.url, max: 1, ...options })
      const rest = await Promise.all(Array.from({ length: count - 1 }, () => openPostgres({ connectionString: fresh.url, max: 1, ...options, migrate: false })))
      const adapters = [first, ...rest]
      return {
        adapters,
        closeAll: async () => {
          await Promise.all(adapters.map((a) => a.close()))
          await fresh.drop()
        }
      }
    }
  }
  sqlReliability("postgres", many)
  documentStoreContract("postgres", {
    openMany: async (count) => {
      const { adapters, closeAll } = await many.openMany(count)
      return { stores: adapters.map((a) => a.documentStore), closeAll }
    }
  })
})
