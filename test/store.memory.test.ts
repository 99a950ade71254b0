import { makeMemoryDocumentStore, makeMemoryPartyStore, makeMemoryRosterStore, makeMemoryStore } from "../adapters/memory/index.ts"
import { caseStoreContract } from "./contract/case-store.ts"
import { documentStoreContract } from "./contract/document-store.ts"

caseStoreContract("memory", () => {
  const store = makeMemoryStore()
  const parties = makeMemoryPartyStore()
  const rosters = makeMemoryRosterStore()
  return {
    store,
    parties,
    rosters,
    corruptRoster: (rosterId) => rosters.tamper(rosterId, '{"schemaVersion":1'),
    corrupt: (caseId, sequence) => store.tamper(caseId, sequence, '{"type":"AidGranted","broken":'),
    corruptParty: (caseId) => parties.tamper(caseId, '{"name":')
  }
})

// One process: every writer shares the one store, as callers in one process would.
documentStoreContract("memory", {
  openMany: async (count) => {
    const store = makeMemoryDocumentStore()
    return { stores: Array.from({ length: count }, () => store), closeAll: async () => {} }
  }
})
