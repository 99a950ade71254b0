import { PGlite } from "@electric-sql/pglite"
import { openPglite } from "../adapters/pglite/index.ts"
import { caseStoreContract } from "./contract/case-store.ts"
import { documentStoreContract } from "./contract/document-store.ts"
import type { SqlTarget } from "./contract/sql-reliability.ts"
import { sqlReliability } from "./contract/sql-reliability.ts"
import { sharedSubject } from "./support/sql-subject.ts"

caseStoreContract("pglite", sharedSubject((options) => openPglite(options)))

// PGlite is one connection per instance: the writers share it through separate Kysely instances,
// and PGlite serialises their transactions.
const many: SqlTarget = {
  openMany: async (count, options) => {
    const pglite = new PGlite()
    const first = await openPglite({ pglite, ...options })
    const rest = await Promise.all(Array.from({ length: count - 1 }, () => openPglite({ pglite, ...options, migrate: false })))
    return { adapters: [first, ...rest], closeAll: () => first.close() }
  }
}
sqlReliability("pglite", many)
documentStoreContract("pglite", {
  openMany: async (count) => {
    const { adapters, closeAll } = await many.openMany(count)
    return { stores: adapters.map((a) => a.documentStore), closeAll }
  }
})
