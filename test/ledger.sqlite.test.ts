import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll } from "vitest"
import { openSqlite } from "../adapters/sqlite/index.ts"
import { ledgerStoreContract, sharedLedgerSubject } from "./contract/ledger-store.ts"

const dir = mkdtempSync(join(tmpdir(), "fayuan-ledger-sqlite-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

ledgerStoreContract("sqlite", sharedLedgerSubject((options) => openSqlite({ path: join(dir, "ledger.sqlite"), ...options })))
