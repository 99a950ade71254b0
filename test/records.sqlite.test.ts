import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll } from "vitest"
import { openSqlite } from "../adapters/sqlite/index.ts"
import { recordsContract, sharedRecordsSubject } from "./contract/records-store.ts"

const dir = mkdtempSync(join(tmpdir(), "fayuan-records-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let n = 0
recordsContract(
  "sqlite",
  sharedRecordsSubject(
    (options) => openSqlite({ path: join(dir, "records.sqlite"), ...options }),
    async () => {
      const adapter = await openSqlite({ path: join(dir, `unmigrated-${n++}.sqlite`), migrate: false })
      return { adapter, close: () => adapter.close() }
    }
  )
)
