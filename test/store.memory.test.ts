import { makeMemoryPartyStore, makeMemoryRosterStore, makeMemoryStore } from "../adapters/memory/index.ts"
import { caseStoreContract } from "./contract/case-store.ts"

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
