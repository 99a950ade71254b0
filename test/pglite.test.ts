/**
 * Every PGlite contract in one file, on one PGlite instance (test/support/pglite.ts): the case
 * store, SQL reliability, documents, records and the evaluation source, the ledger, and a SQLite
 * and a PGlite store side by side in one process.
 */
import { Effect } from "effect"
import { expect, it } from "vitest"
import { openSqlite } from "../adapters/sqlite/index.ts"
import * as Region from "../src/Region.ts"
import { caseLog, caseStoreContract } from "./contract/case-store.ts"
import { documentStoreContract } from "./contract/document-store.ts"
import { ledgerStoreContract, sharedLedgerSubject } from "./contract/ledger-store.ts"
import { recordsContract, sharedRecordsSubject } from "./contract/records-store.ts"
import type { SqlTarget } from "./contract/sql-reliability.ts"
import { sqlReliability } from "./contract/sql-reliability.ts"
import { freshPglite, openSharedPglite } from "./support/pglite.ts"
import { sharedSubject } from "./support/sql-subject.ts"
import { openPglite } from "../adapters/pglite/index.ts"

caseStoreContract("pglite", sharedSubject((options) => openSharedPglite(options)))

// PGlite is one connection per instance: the writers share it through separate Kysely instances,
// and PGlite serialises their transactions.
const many: SqlTarget = {
  openMany: async (count, options) => {
    const pglite = await freshPglite()
    const first = await openPglite({ pglite, ...options })
    const rest = await Promise.all(Array.from({ length: count - 1 }, () => openPglite({ pglite, ...options, migrate: false })))
    // The instance is shared by the whole file: closing the adapters leaves it open.
    return { adapters: [first, ...rest].map((a) => ({ ...a, close: async () => {} })), closeAll: async () => {} }
  }
}
sqlReliability("pglite", many)
documentStoreContract("pglite", {
  openMany: async (count) => {
    const { adapters, closeAll } = await many.openMany(count)
    return { stores: adapters.map((a) => a.documentStore), closeAll }
  }
})

recordsContract(
  "pglite",
  sharedRecordsSubject(
    (options) => openSharedPglite(options),
    async () => {
      const adapter = await openSharedPglite({ migrate: false })
      return { adapter, close: () => adapter.close() }
    }
  )
)

ledgerStoreContract("pglite", sharedLedgerSubject((options) => openSharedPglite(options)))

it("SQLite and PGlite stores in one process keep their statements apart (the compiled SQL is per dialect)", async () => {
  const [sqlite, pglite] = [await openSqlite({ path: ":memory:" }), await openSharedPglite()]
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

it("PostgreSQL writes the rows of an append as one array per column (unnest), not a parameter per value", async () => {
  const queries: Array<string> = []
  const adapter = await openSharedPglite({ onQuery: (q) => queries.push(q) })
  const id = `unnest-${Math.random().toString(36).slice(2)}`
  await Effect.runPromise(adapter.caseStore.append([{ caseId: id, expectedVersion: 0, events: caseLog(id) }]))
  const inserts = queries.filter((q) => /^insert into "fayuan_(case_events|case_heads|case_clocks)"/.test(q))
  expect(inserts.length).toBeGreaterThanOrEqual(2)
  expect(inserts.filter((q) => !q.includes("select * from unnest("))).toEqual([])
})
