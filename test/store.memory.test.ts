import { makeMemoryPartyStore, makeMemoryStore } from "../adapters/memory/index.ts"
import { caseStoreContract } from "./contract/case-store.ts"

caseStoreContract("memory", () => {
  const store = makeMemoryStore()
  const parties = makeMemoryPartyStore()
  return {
    store,
    parties,
    corrupt: (caseId, sequence) => store.tamper(caseId, sequence, '{"type":"AidGranted","broken":'),
    corruptParty: (caseId) => parties.tamper(caseId, '{"name":')
  }
})
