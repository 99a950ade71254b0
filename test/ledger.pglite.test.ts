import { openPglite } from "../adapters/pglite/index.ts"
import { ledgerStoreContract, sharedLedgerSubject } from "./contract/ledger-store.ts"

ledgerStoreContract("pglite", sharedLedgerSubject((options) => openPglite(options)))
