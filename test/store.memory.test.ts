import { makeMemoryStore } from "../adapters/memory/index.ts"
import { caseStoreContract } from "./contract/case-store.ts"

caseStoreContract("memory", () => {
  const store = makeMemoryStore()
  return { store, corrupt: (caseId, sequence) => store.tamper(caseId, sequence, '{"type":"AidGranted","broken":') }
})
