import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll } from "vitest"
import { openSqlite } from "../adapters/sqlite/index.ts"
import { caseStoreContract } from "./contract/case-store.ts"
import { sharedSubject } from "./support/sql-subject.ts"

const dir = mkdtempSync(join(tmpdir(), "fayuan-sqlite-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

caseStoreContract("sqlite", sharedSubject(() => openSqlite({ path: join(dir, "contract.sqlite") })))
