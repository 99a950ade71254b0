/**
 * Budget benchmark: a province-year ledger of 1,000,000 entries (Yunnan's 16 prefectures × 8
 * districts each, 20 budget lines) on SQLite (a temporary file) and PostgreSQL (only when
 * `FAYUAN_PG_URL` is set; a fresh database is created on that server and dropped afterwards).
 *
 * For each adapter:
 * - `budget-ledger-insert-<adapter>`: entries per second loaded with big multi-row `INSERT`s
 *   through Kysely (the rows the ledger store writes, in transactions of 50,000);
 * - `budget-ledger-record-<adapter>`: entries per second through `ledgerStore.record` (decoding,
 *   idempotency and settlement checks, then the insert), in batches of 5,000;
 * - `budget-execution-report-<adapter>`: milliseconds for the province's execution report —
 *   `executionTotals` summed in SQL (`GROUP BY line_id, kind` over the million rows) and the pure
 *   report on top — median of 5 rounds after a warm-up;
 * - `budget-execution-entries-<adapter>`: the same as ledger entries summed per second.
 */
import { rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect, Result } from "effect"
import { sql } from "kysely"
import { entryRow } from "../adapters/kysely/ledger-store.ts"
import type { Opened } from "../adapters/kysely/open.ts"
import type { LedgerEntriesTable } from "../adapters/kysely/schema.ts"
import { openPostgres } from "../adapters/postgres/index.ts"
import { openSqlite } from "../adapters/sqlite/index.ts"
import type { Budget, Category, LedgerEntry } from "../src/budget/index.ts"
import { categories, execution, makeBudgetUnsafe } from "../src/budget/index.ts"
import * as CalendarDate from "../src/CalendarDate.ts"
import * as Money from "../src/Money.ts"
import * as Region from "../src/Region.ts"
import { countiesOf, measure, print, scratchPostgres, xorshift } from "./harness.ts"

/** Entries in the province-year ledger. */
const ENTRIES = 1_000_000
/** Entries recorded through the store (after the bulk load), and per `record` call. */
const RECORDED = 50_000
const RECORD_BATCH = 5_000
/** Rows per `INSERT` and per transaction in the bulk load. */
const INSERT_ROWS = 1_000
const TRANSACTION_ROWS = 50_000
const LINES = 20
const SEED = 20180630

/** Yunnan's 16 prefectures, 8 districts each. */
const prefectures = ["01", "03", "04", "05", "06", "07", "08", "09", "23", "25", "26", "28", "29", "31", "33", "34"]
const districts = prefectures.flatMap((p) => countiesOf(`53${p}`, 8))

const quarterly = [
  { by: "2018-03-31", share: "0.2" },
  { by: "2018-06-30", share: "0.45" },
  { by: "2018-09-30", share: "0.7" },
  { by: "2018-12-31", share: "1" }
]

const budget: Budget = makeBudgetUnsafe({
  id: "YN-2018",
  region: "53",
  year: 2018,
  title: "Yunnan legal aid 2018 (benchmark)",
  lines: Array.from({ length: LINES }, (_, i) => ({
    id: `line-${String(i).padStart(2, "0")}`,
    name: `Line ${i}`,
    category: categories[i % categories.length] as Category,
    amount: 30_000_000_000,
    schedule: quarterly
  }))
})

const firstDay = CalendarDate.toEpochDay(CalendarDate.makeUnsafe("2018-01-01"))

/** Entry `i` of the ledger: deterministic, spread over districts, lines, the year and sources. */
const entryAt = (i: number, next: () => number, prefix = "e"): LedgerEntry => {
  const line = budget.lines[i % LINES]!
  const region = districts[Math.floor(next() * districts.length)]!
  const on = CalendarDate.fromEpochDay(firstDay + Math.floor(next() * 365))
  const kind = next() < 0.1 ? "commitment" : "payment"
  const amount = Money.fenUnsafe(10_000 + Math.floor(next() * 490_000))
  const key = `${prefix}${i}`
  const source: LedgerEntry["source"] =
    line.category === "case-subsidy"
      ? { kind: "case", caseId: `C-${region}-${i}` }
      : line.category === "duty-subsidy"
        ? { kind: "duty-shift", date: on, siteId: `court-${region}`, slot: "am", seat: i % 4 }
        : { kind: "manual", ref: `voucher ${i}` }
  return { key, budgetId: budget.id, lineId: line.id, kind, amount, on, source, region, lawyerId: `L${i % 5_000}` }
}

const asOf = CalendarDate.makeUnsafe("2018-12-31")
const province = Region.makeUnsafe("53")

const benchAdapter = async (name: string, opened: Opened): Promise<void> => {
  const store = opened.ledgerStore
  Result.getOrThrow(await Effect.runPromise(Effect.result(store.putBudget(budget))))

  // Bulk load through Kysely, as the ledger store writes its rows.
  const next = xorshift(SEED)
  const loadStart = process.hrtime.bigint()
  for (let t = 0; t < ENTRIES; t += TRANSACTION_ROWS) {
    const rows: Array<LedgerEntriesTable> = []
    for (let i = t; i < Math.min(ENTRIES, t + TRANSACTION_ROWS); i++) rows.push(entryRow(budget.region, entryAt(i, next)))
    await opened.db.transaction().execute(async (trx) => {
      for (let j = 0; j < rows.length; j += INSERT_ROWS) await trx.insertInto("fayuan_ledger_entries").values(rows.slice(j, j + INSERT_ROWS)).execute()
    })
  }
  const loadSeconds = Number(process.hrtime.bigint() - loadStart) / 1e9
  print(`budget-ledger-insert-${name}`, ENTRIES / loadSeconds, "per-s")

  // Through the store: checks, idempotency lookups, then the insert.
  const recordNext = xorshift(SEED + 1)
  const recordStart = process.hrtime.bigint()
  for (let t = 0; t < RECORDED; t += RECORD_BATCH) {
    const batch = Array.from({ length: RECORD_BATCH }, (_, j) => entryAt(t + j, recordNext, "r"))
    const outcome = Result.getOrThrow(await Effect.runPromise(Effect.result(store.append(batch))))
    if (outcome.recorded.length !== RECORD_BATCH) throw new Error(`${name}: recorded ${outcome.recorded.length} of ${RECORD_BATCH}`)
  }
  const recordSeconds = Number(process.hrtime.bigint() - recordStart) / 1e9
  print(`budget-ledger-record-${name}`, RECORDED / recordSeconds, "per-s")

  // What autovacuum does after a bulk load: statistics, and the visibility map index-only scans need.
  if (name === "postgres") await sql`vacuum analyze fayuan_ledger_entries`.execute(opened.db)

  // The execution report of the province: totals in SQL, the report on top.
  const total = ENTRIES + RECORDED
  let report: ReturnType<typeof execution> | undefined
  const m = await measure(
    1,
    async () => {
      const totals = Result.getOrThrow(await Effect.runPromise(Effect.result(store.totals(province, budget.id, asOf))))
      report = execution(budget, totals, asOf)
    },
    { warmup: 1, rounds: 5 }
  )
  if (report === undefined || report.overall.entries !== total) throw new Error(`${name}: the report counts ${report?.overall.entries} entries, not ${total}`)
  print(`budget-execution-report-${name}`, 1000 / m.perSecond, "ms")
  print(`budget-execution-entries-${name}`, total * m.perSecond, "per-s")
}

const withSqlite = async (): Promise<void> => {
  const path = join(tmpdir(), `fayuan-bench-budget-${process.pid}.sqlite`)
  const remove = () => {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(path + suffix, { force: true })
  }
  remove()
  const opened = await openSqlite({ path })
  try {
    await benchAdapter("sqlite", opened)
  } finally {
    await opened.close()
    remove()
  }
}

const withPostgres = async (url: string): Promise<void> => {
  const scratch = await scratchPostgres(url, "fayuan_bench_budget")
  try {
    const opened = await openPostgres({ connectionString: scratch.url })
    try {
      await benchAdapter("postgres", opened)
    } finally {
      await opened.close()
    }
  } finally {
    await scratch.drop()
  }
}

export const run = async (): Promise<void> => {
  await withSqlite()
  const url = process.env["FAYUAN_PG_URL"]
  if (url === undefined || url === "") process.stderr.write("budget: postgres skipped (set FAYUAN_PG_URL to a server where a database may be created)\n")
  else await withPostgres(url)
}

export default run
