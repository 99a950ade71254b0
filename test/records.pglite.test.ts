import { openPglite } from "../adapters/pglite/index.ts"
import { recordsContract, sharedRecordsSubject } from "./contract/records-store.ts"

recordsContract(
  "pglite",
  sharedRecordsSubject(
    (options) => openPglite(options),
    async () => {
      const adapter = await openPglite({ migrate: false })
      return { adapter, close: () => adapter.close() }
    }
  )
)
