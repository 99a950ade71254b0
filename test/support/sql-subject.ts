/**
 * Shared SQL adapters for the contract suite: one database per file, emptied before each use, so
 * engines that are slow to open (PGlite, a server) run the suite quickly.
 */
import { sql } from "kysely"
import { afterAll } from "vitest"
import type { Opened, OpenOptions } from "../../adapters/kysely/open.ts"
import type { Subject } from "../contract/case-store.ts"

/** The key the contract suites seal parties with (a fixed test key: never use it for real data). */
export const testParties = { keys: { current: { id: "test-1", key: new Uint8Array(32).fill(7) } } } as const

export const sharedSubject = (open: (options: OpenOptions) => Promise<Opened>): (() => Promise<Subject>) => {
  const shared = sharedAdapter(open, ["fayuan_parties", "fayuan_rosters", "fayuan_duty_shifts", "fayuan_case_clocks", "fayuan_records", "fayuan_case_heads", "fayuan_case_events"])
  return async () => {
    const a = await shared.use()
    return {
      store: a.caseStore,
      parties: a.partyStore,
      rosters: a.rosterStore,
      corruptRoster: async (rosterId: string) => {
        await sql`update fayuan_rosters set data = ${'{"schemaVersion":1'} where region >= '0' and roster_id = ${rosterId}`.execute(a.db)
      },
      queries: shared.queries,
      rawParty: async (caseId: string) => {
        const rows = await sql<{ data: string }>`select data from fayuan_parties where region >= '0' and case_id = ${caseId}`.execute(a.db)
        return rows.rows.map((r) => r.data).join("")
      },
      corruptParty: async (caseId: string) => {
        await sql`update fayuan_parties set data = ${'{"name":'} where region >= '0' and case_id = ${caseId}`.execute(a.db)
      },
      corrupt: async (caseId: string, sequence: number) => {
        await sql`update fayuan_case_events set payload = ${'{"type":"AidGranted","broken":'} where region >= '0' and case_id = ${caseId} and sequence = ${sequence}`.execute(a.db)
      }
    }
  }
}

/**
 * One adapter per test file, opened on first use with a query log, closed after the file; `use`
 * empties `tables` (in that order) before handing it out, so slow engines open once (and again
 * if its tables are gone).
 */
export const sharedAdapter = (open: (options: OpenOptions) => Promise<Opened>, tables: ReadonlyArray<string>) => {
  let adapter: Promise<Opened> | undefined
  const queries: Array<string> = []
  afterAll(async () => {
    if (adapter !== undefined) await (await adapter).close()
  })
  return {
    queries: (): ReadonlyArray<string> => queries,
    use: async (): Promise<Opened> => {
      const opening = () => open({ onQuery: (q) => queries.push(q), parties: testParties })
      const empty = async (a: Opened) => {
        for (const table of tables) await sql`delete from ${sql.table(table)} where region >= '0'`.execute(a.db)
      }
      adapter ??= opening()
      const a = await adapter
      try {
        await empty(a)
        return a
      } catch {
        // The database went from under it (one PGlite instance shared by a file, and a test that
        // needed it empty dropped its tables): open again.
        adapter = opening()
        const again = await adapter
        await empty(again)
        return again
      }
    }
  }
}
