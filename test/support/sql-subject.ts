/**
 * Shared SQL adapters for the contract suite: one database per file, emptied before each use, so
 * engines that are slow to open (PGlite, a server) run the suite quickly.
 */
import { sql } from "kysely"
import { afterAll } from "vitest"
import type { Opened, OpenOptions } from "../../adapters/kysely/open.ts"
import type { Subject } from "../contract/case-store.ts"

export const sharedSubject = (open: (options: OpenOptions) => Promise<Opened>): (() => Promise<Subject>) => {
  let adapter: Promise<Opened> | undefined
  const queries: Array<string> = []
  afterAll(async () => {
    if (adapter !== undefined) await (await adapter).close()
  })
  return async () => {
    adapter ??= open({ onQuery: (q) => queries.push(q) })
    const a = await adapter
    await sql`delete from fayuan_parties where region >= '0'`.execute(a.db)
    await sql`delete from fayuan_rosters where region >= '0'`.execute(a.db)
    await sql`delete from fayuan_duty_shifts where region >= '0'`.execute(a.db)
    await sql`delete from fayuan_case_clocks where region >= '0'`.execute(a.db)
    await sql`delete from fayuan_records where region >= '0'`.execute(a.db)
    await sql`delete from fayuan_case_heads where region >= '0'`.execute(a.db)
    await sql`delete from fayuan_case_events where region >= '0'`.execute(a.db)
    return {
      store: a.caseStore,
      parties: a.partyStore,
      rosters: a.rosterStore,
      corruptRoster: async (rosterId: string) => {
        await sql`update fayuan_rosters set data = ${'{"schemaVersion":1'} where region >= '0' and roster_id = ${rosterId}`.execute(a.db)
      },
      queries: () => queries,
      corruptParty: async (caseId: string) => {
        await sql`update fayuan_parties set data = ${'{"name":'} where region >= '0' and case_id = ${caseId}`.execute(a.db)
      },
      corrupt: async (caseId: string, sequence: number) => {
        await sql`update fayuan_case_events set payload = ${'{"type":"AidGranted","broken":'} where region >= '0' and case_id = ${caseId} and sequence = ${sequence}`.execute(a.db)
      }
    }
  }
}
