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

import { Effect } from "effect"
import { expect, it } from "vitest"
import { openSqlite } from "../adapters/sqlite/index.ts"
import { caseLog } from "./contract/case-store.ts"
import * as Region from "../src/Region.ts"

it("SQLite and PGlite stores in one process keep their statements apart (the compiled SQL is per dialect)", async () => {
  const [sqlite, pglite] = [await openSqlite({ path: ":memory:" }), await openPglite({})]
  try {
    for (const a of [sqlite, pglite, sqlite, pglite]) {
      const id = `mixed-${a.name}-${Math.random().toString(36).slice(2)}`
      const log = caseLog(id)
      await Effect.runPromise(a.caseStore.append([{ caseId: id, expectedVersion: 0, events: log.slice(0, 1) }]))
      await Effect.runPromise(a.caseStore.append([{ caseId: id, expectedVersion: 1, events: log.slice(1) }]))
      expect(await Effect.runPromise(a.caseStore.load(Region.makeUnsafe("530103"), id))).toEqual(log)
    }
  } finally {
    await sqlite.close()
    await pglite.close()
  }
})
