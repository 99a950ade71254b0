import { makeMemoryLedgerStore } from "../adapters/memory/index.ts"
import { ledgerStoreContract } from "./contract/ledger-store.ts"

ledgerStoreContract("memory", () => {
  const store = makeMemoryLedgerStore()
  return {
    store,
    corruptBudget: (budgetId) => store.tamperBudget(budgetId, '{"schemaVersion":1,"id":'),
    corruptEntry: (budgetId, key) => store.tamperEntry(budgetId, key, '{"key":')
  }
})
