/**
 * Shared SQL adapters for the contract suite: one database per file, emptied before each use, so
 * engines that are slow to open (PGlite, a server) run the suite quickly.
 */
import { sql } from "kysely"
import { afterAll } from "vitest"
import type { Opened } from "../../adapters/kysely/open.ts"
import type { Subject } from "../contract/case-store.ts"

export const sharedSubject = (open: () => Promise<Opened>): (() => Promise<Subject>) => {
  let adapter: Promise<Opened> | undefined
  afterAll(async () => {
    if (adapter !== undefined) await (await adapter).close()
  })
  return async () => {
    adapter ??= open()
    const a = await adapter
    await sql`delete from fayuan_case_heads where region >= '0'`.execute(a.db)
    await sql`delete from fayuan_case_events where region >= '0'`.execute(a.db)
    return {
      store: a.caseStore,
      corrupt: async (caseId: string, sequence: number) => {
        await sql`update fayuan_case_events set payload = ${'{"type":"AidGranted","broken":'} where region >= '0' and case_id = ${caseId} and sequence = ${sequence}`.execute(a.db)
      }
    }
  }
}
