/**
 * Storage benchmark: the Kysely `CaseStore` on each SQL adapter — SQLite (a temporary file),
 * PGlite (in memory) and PostgreSQL (only when `FAYUAN_PG_URL` is set; a fresh database is
 * created on that server and dropped afterwards).
 *
 * For each adapter:
 * - appends per second through `caseStore.append`, one command's events at a time at the expected
 *   version, as the workflow appends them, over the valid logs of many civil cases;
 * - the same encoded rows inserted into the same table by plain batched `INSERT`s, for a ceiling
 *   measured in the same run (`append-vs-raw-<adapter>` is append ÷ raw);
 * - loads per second of one case of 100 events.
 */
import { rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect, Result } from "effect"
import { sql } from "kysely"
import { openPglite } from "../adapters/pglite/index.ts"
import { openPostgres } from "../adapters/postgres/index.ts"
import { openMysql } from "../adapters/mysql/index.ts"
import { openSqlite } from "../adapters/sqlite/index.ts"
import { rowOf } from "../adapters/kysely/case-store.ts"
import type { Opened, OpenOptions } from "../adapters/kysely/open.ts"
import type { CaseEventsTable } from "../adapters/kysely/schema.ts"
import * as CalendarDate from "../src/CalendarDate.ts"
import type { Case } from "../src/lifecycle/Case.ts"
import type { Command, Context } from "../src/lifecycle/Command.ts"
import type { EligibilitySummary } from "../src/lifecycle/Event.ts"
import type { CaseEvent } from "../src/lifecycle/Event.ts"
import { step } from "../src/lifecycle/transition.ts"
import type { Role } from "../src/lifecycle/vocabulary.ts"
import * as Region from "../src/Region.ts"
import { defaultRuleBook } from "../src/RuleBook.ts"
import * as WorkCalendar from "../src/WorkCalendar.ts"
import { measure, print, scratchMysql, scratchPostgres, xorshift } from "./harness.ts"

/** Cases appended per round, and rounds (the median is reported) after one warm-up round. */
const CASES = 400
const ROUNDS = 3
/** Rows per raw `INSERT`, and raw runs per round. */
const BATCH = 500
const RAW_REPEAT = 5
/** Events in the case the load benchmark reads back. */
const LOAD_EVENTS = 100
const LOADS = 200
const SEED = 20240601

// ---------------------------------------------------------------------------------------------
// Valid event logs, built by the pure `step`

export const counties = ["530102", "530103", "530111", "530112", "530114"].map(Region.makeUnsafe)
const granted: EligibilitySummary = { outcome: "eligible", meansTest: "passed", citations: ["LAL-31-1-4", "LAL-34"], ruleSetId: "LAL-2022" }
const firstDay = CalendarDate.toEpochDay(CalendarDate.makeUnsafe("2024-01-02"))

/** One command's events: what a single `append` writes. */
export interface Append {
  readonly caseId: string
  readonly expectedVersion: number
  readonly events: ReadonlyArray<CaseEvent>
}

/** Drives one case through commands, keeping each accepted command's events as one append. */
class CaseBuilder {
  readonly appends: Array<Append> = []
  readonly caseId: string
  readonly region: Region.RegionCode
  readonly next: () => number
  current: Case | undefined
  day: number

  constructor(next: () => number, caseId: string, region: Region.RegionCode) {
    this.next = next
    this.caseId = caseId
    this.region = region
    this.day = firstDay + Math.floor(next() * 270)
  }

  send(command: Command, role: Role, id: string = role): this {
    const hh = String(8 + Math.floor(this.next() * 10)).padStart(2, "0")
    const mm = String(Math.floor(this.next() * 60)).padStart(2, "0")
    const at = `${CalendarDate.fromEpochDay(this.day)}T${hh}:${mm}:00+08:00`
    const ctx: Context = { at, calendar: WorkCalendar.china, book: defaultRuleBook, actor: { id, role, region: this.region } }
    const r = step(this.current, command, ctx)
    if (Result.isFailure(r)) throw new Error(`case ${this.caseId}: ${command.type} rejected: ${r.failure.message}`)
    this.appends.push({ caseId: this.caseId, expectedVersion: this.current?.version ?? 0, events: r.success.events })
    this.current = r.success.case
    this.day += Math.floor(this.next() * 3)
    return this
  }

  get events(): number {
    return this.current?.version ?? 0
  }
}

/** A civil case from application to archive: review, grant, a lawyer, an outcome, a grade. */
export const civilCase = (next: () => number, caseId: string): ReadonlyArray<Append> => {
  const b = new CaseBuilder(next, caseId, counties[Math.floor(next() * counties.length)]!)
  const lawyer = `L${1 + Math.floor(next() * 40)}`
  b.send({ type: "apply", caseId, region: b.region, kind: "civil", channel: "centre" }, "intake")
  b.send({ type: "startReview" }, "reviewer")
  b.send({ type: "decide", eligibility: granted }, "reviewer")
  b.send({ type: "assign", lawyerId: lawyer, firmId: "F1" }, "dispatcher")
  b.send({ type: "startHandling" }, "lawyer", lawyer)
  b.day += 20
  b.send({ type: "recordOutcome", endedOn: CalendarDate.fromEpochDay(b.day - 1), outcome: "mediation" }, "lawyer", lawyer)
  b.send({ type: "conclude" }, "lawyer", lawyer)
  b.send({ type: "grade", grade: "good" }, "quality")
  b.send({ type: "archive" }, "intake")
  return b.appends
}

/** A case of exactly `n` events: granted, assigned, then the lawyer changes again and again. */
export const longCase = (next: () => number, caseId: string, n: number): ReadonlyArray<Append> => {
  const b = new CaseBuilder(next, caseId, counties[1]!)
  b.send({ type: "apply", caseId, region: b.region, kind: "civil", channel: "online" }, "intake")
  b.send({ type: "decide", eligibility: granted }, "reviewer")
  b.send({ type: "assign", lawyerId: "L1", firmId: "F1" }, "dispatcher")
  b.send({ type: "startHandling" }, "lawyer", "L1")
  for (let i = 0; b.events < n; i++) {
    b.send({ type: "reassign", lawyerId: i % 2 === 0 ? "L2" : "L1", firmId: "F1", reason: "unavailable" }, "dispatcher")
  }
  if (b.events !== n) throw new Error(`the long case has ${b.events} events, not ${n}`)
  return b.appends
}


/** The rows `append` writes for these events, encoded as the adapter encodes them. */
export const rowsOf = (appends: ReadonlyArray<Append>): Array<CaseEventsTable> => appends.flatMap((a) => a.events.map(rowOf))

// ---------------------------------------------------------------------------------------------
// Adapters

interface Subject {
  readonly name: string
  readonly open: (options?: OpenOptions) => Promise<Opened>
  /** `TRUNCATE` where the engine has it. */
  readonly truncate: boolean
  readonly cleanup: () => Promise<void>
}

const sqliteSubject = (): Subject => {
  const path = join(tmpdir(), `fayuan-bench-${process.pid}.sqlite`)
  const remove = () => {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(path + suffix, { force: true })
  }
  remove()
  return {
    name: "sqlite",
    truncate: false,
    // A second opening (to count queries) uses its own database in memory.
    open: (options = {}) => openSqlite({ path: options.onQuery === undefined ? path : ":memory:", ...options }),
    cleanup: async () => remove()
  }
}

const pgliteSubject = (): Subject => ({ name: "pglite", truncate: true, open: (options = {}) => openPglite(options), cleanup: async () => {} })

const mysqlSubject = async (url: string): Promise<Subject> => {
  const scratch = await scratchMysql(url, "fayuan_bench")
  return {
    name: "mysql",
    truncate: false,
    open: (options = {}) => openMysql({ uri: scratch.url, ...options }),
    cleanup: scratch.drop
  }
}

const postgresSubject = async (url: string): Promise<Subject> => {
  const scratch = await scratchPostgres(url, "fayuan_bench")
  return {
    name: "postgres",
    truncate: true,
    open: (options = {}) => openPostgres({ connectionString: scratch.url, ...options }),
    cleanup: scratch.drop
  }
}

// ---------------------------------------------------------------------------------------------
// Workloads

const runEffect = <A, E>(e: Effect.Effect<A, E>): Promise<A> => Effect.runPromise(e)

const clear = async (opened: Opened, truncate: boolean): Promise<void> => {
  if (truncate) await sql`TRUNCATE fayuan_case_events, fayuan_case_heads`.execute(opened.db)
  else {
    await opened.db.deleteFrom("fayuan_case_events").execute()
    await opened.db.deleteFrom("fayuan_case_heads").execute()
  }
}

const countEvents = async (opened: Opened): Promise<number> => {
  const r = await opened.db.selectFrom("fayuan_case_events").select((eb) => eb.fn.countAll<number | string | bigint>().as("n")).executeTakeFirstOrThrow()
  return Number(r.n)
}

/** Every command's append, in turn: the first command of every case, then the second, … */
const appendAll = async (opened: Opened, appends: ReadonlyArray<Append>): Promise<void> => {
  const store = opened.caseStore
  for (let i = 0; i < appends.length; i++) {
    const a = appends[i]!
    await runEffect(store.append([{ caseId: a.caseId, expectedVersion: a.expectedVersion, events: a.events }]))
  }
}

/** The same appends through `appendMany`, about `BATCH` events per transaction (as the raw inserts batch their rows). */
const appendBatches = async (opened: Opened, appends: ReadonlyArray<Append>): Promise<void> => {
  const store = opened.caseStore
  let batch: Array<Append> = []
  let size = 0
  for (const a of appends) {
    batch.push(a)
    size += a.events.length
    if (size >= BATCH) {
      await runEffect(store.append(batch))
      batch = []
      size = 0
    }
  }
  if (batch.length > 0) await runEffect(store.append(batch))
}

const insertAll = async (opened: Opened, rows: ReadonlyArray<CaseEventsTable>): Promise<void> => {
  for (let i = 0; i < rows.length; i += BATCH) {
    await opened.db.insertInto("fayuan_case_events").values(rows.slice(i, i + BATCH)).execute()
  }
}

/**
 * Runs the untimed `setup`, times `workload` and checks what it stored, `repeat` times over:
 * events per second of the time summed.
 */
const timed = async (events: number, setup: () => Promise<void>, workload: () => Promise<void>, check: () => Promise<void>, repeat = 1): Promise<number> => {
  let ns = 0
  for (let i = 0; i < repeat; i++) {
    await setup()
    const start = process.hrtime.bigint()
    await workload()
    ns += Number(process.hrtime.bigint() - start)
    await check()
  }
  return (events * repeat * 1e9) / Math.max(ns, 1)
}

const median = (values: ReadonlyArray<number>): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const roundsText = (xs: ReadonlyArray<number>): string => xs.map((x) => Math.round(x)).join(", ")

/** Statements per append by their first two words, counted on a separate opening (so the timed one runs without a query log). */
const queriesPerAppend = async (subject: Subject, appends: ReadonlyArray<Append>): Promise<Record<string, number>> => {
  let queries: Array<string> = []
  const opened = await subject.open({ onQuery: (q) => queries.push(q) })
  try {
    await clear(opened, subject.truncate)
    queries = []
    // Every command of the first 20 cases (heads are inserted by the first, updated after).
    const ids = new Set(appends.slice(0, 20).map((a) => a.caseId))
    const sample = appends.filter((a) => ids.has(a.caseId))
    await appendAll(opened, sample)
    const kinds: Record<string, number> = {}
    for (const q of queries) {
      const kind = q.trim().split(/\s+/, 2).join(" ").toLowerCase()
      kinds[kind] = (kinds[kind] ?? 0) + 1
    }
    for (const k of Object.keys(kinds)) kinds[k] = Math.round((kinds[k]! / sample.length) * 100) / 100
    return kinds
  } finally {
    await clear(opened, subject.truncate).catch(() => {})
    await opened.close()
  }
}

const benchAdapter = async (subject: Subject): Promise<void> => {
  const name = subject.name
  const next = xorshift(SEED)
  const cases = Array.from({ length: CASES }, (_, i) => civilCase(next, `bench-${String(i).padStart(5, "0")}`))
  // The workflow's order: cases advance side by side, one command at a time.
  const appends: Array<Append> = []
  for (let k = 0; cases.some((c) => k < c.length); k++) for (const c of cases) if (k < c.length) appends.push(c[k]!)
  const rows = rowsOf(appends)
  const events = rows.length

  const opened = await subject.open()
  try {
    const checkEvents = async () => {
      const n = await countEvents(opened)
      if (n !== events) throw new Error(`${name}: ${n} events stored, not ${events}`)
    }
    const reset = () => clear(opened, subject.truncate)
    const append = () => timed(events, reset, () => appendAll(opened, appends), checkEvents)
    const batched = () => timed(events, reset, () => appendBatches(opened, appends), checkEvents)
    // The raw inserts take a few tens of milliseconds: several runs make one round.
    const raw = () => timed(events, reset, () => insertAll(opened, rows), checkEvents, RAW_REPEAT)

    // One warm-up round of each, then alternate so drift (caches, WAL growth) hits both alike.
    await append()
    await batched()
    await raw()
    const appendRounds: Array<number> = []
    const batchedRounds: Array<number> = []
    const rawRounds: Array<number> = []
    for (let r = 0; r < ROUNDS; r++) {
      appendRounds.push(await append())
      batchedRounds.push(await batched())
      rawRounds.push(await raw())
    }
    const perAppend = median(appendRounds)
    const perBatched = median(batchedRounds)
    const perRaw = median(rawRounds)
    const kinds = await queriesPerAppend(subject, appends)
    process.stderr.write(
      `storage ${name}: ${CASES} cases, ${appends.length} appends, ${events} events; append rounds [${roundsText(appendRounds)}] events/s, ` +
        `raw rounds [${roundsText(rawRounds)}] events/s, ratio ${(perAppend / perRaw).toPrecision(3)}; ` +
        `${(appends.length / (events / perAppend)).toFixed(0)} appends/s; queries per append ${JSON.stringify(kinds)}\n`
    )
    // Appends with the concurrency check, batched like the raw inserts (appendMany): the same rows,
    // the same rows per transaction. Then one command per transaction, as the workflow appends.
    print(`append-${name}`, perBatched, "per-s")
    print(`raw-insert-${name}`, perRaw, "per-s")
    print(`append-vs-raw-${name}`, perBatched / perRaw, "x")
    print(`append-single-${name}`, perAppend, "per-s")
    print(`append-single-vs-raw-${name}`, perAppend / perRaw, "x")

    // Loading one case of 100 events.
    await reset()
    const long = longCase(xorshift(SEED + 1), "bench-long", LOAD_EVENTS)
    await appendAll(opened, long)
    const region = long[0]!.events[0]!.region
    const loadAll = async () => {
      for (let i = 0; i < LOADS; i++) {
        const log = await runEffect(opened.caseStore.load(region, "bench-long"))
        if (log.length !== LOAD_EVENTS) throw new Error(`${name}: loaded ${log.length} events, not ${LOAD_EVENTS}`)
      }
    }
    const loads = await measure(LOADS, loadAll, { warmup: 1, rounds: 5 })
    print(`load-${LOAD_EVENTS}-events-${name}`, loads.perSecond, "per-s")
    await reset()
  } finally {
    await opened.close()
  }
}

export const run = async (): Promise<void> => {
  const subjects: Array<() => Promise<Subject>> = [async () => sqliteSubject(), async () => pgliteSubject()]
  const url = process.env["FAYUAN_PG_URL"]
  if (url === undefined || url === "") process.stderr.write("storage: postgres skipped (set FAYUAN_PG_URL to a server where a database may be created)\n")
  else subjects.push(() => postgresSubject(url))
  const mysqlUrl = process.env["FAYUAN_MYSQL_URL"]
  if (mysqlUrl === undefined || mysqlUrl === "") process.stderr.write("storage: mysql skipped (set FAYUAN_MYSQL_URL to a server where a database may be created)\n")
  else subjects.push(() => mysqlSubject(mysqlUrl))
  for (const make of subjects) {
    const subject = await make()
    try {
      await benchAdapter(subject)
    } finally {
      await subject.cleanup()
    }
  }
}

export default run
