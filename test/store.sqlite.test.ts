import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll } from "vitest"
import { openSqlite } from "../adapters/sqlite/index.ts"
import { caseStoreContract } from "./contract/case-store.ts"
import { documentStoreContract } from "./contract/document-store.ts"
import type { SqlTarget } from "./contract/sql-reliability.ts"
import { sqlReliability } from "./contract/sql-reliability.ts"
import { sharedSubject } from "./support/sql-subject.ts"

const dir = mkdtempSync(join(tmpdir(), "fayuan-sqlite-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

caseStoreContract("sqlite", sharedSubject((options) => openSqlite({ path: join(dir, "contract.sqlite"), ...options })))

let n = 0
const many: SqlTarget = {
  openMany: async (count, options) => {
    const path = join(dir, `reliability-${n++}.sqlite`)
    const first = await openSqlite({ path, ...options })
    const rest = await Promise.all(Array.from({ length: count - 1 }, () => openSqlite({ path, ...options, migrate: false })))
    const adapters = [first, ...rest]
    return { adapters, closeAll: async () => void (await Promise.all(adapters.map((a) => a.close()))) }
  }
}
sqlReliability("sqlite", many)
documentStoreContract("sqlite", {
  openMany: async (count) => {
    const { adapters, closeAll } = await many.openMany(count)
    return { stores: adapters.map((a) => a.documentStore), closeAll }
  }
})
