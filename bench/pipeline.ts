/**
 * The headline benchmark: a Yunnan-sized year through the whole pipeline, on the public API only
 * (the built package, `fayuan/*`), as a host importing a year would:
 *
 * - `records`: the network and about five consultations per case with the other evaluation
 *   records (`RecordStore.put`, batches of 5,000);
 * - `roster`: each prefecture's duty roster for the year solved (16 rosters over 150 sites and
 *   2,000 lawyers: a bureau rosters its own sites), stored and worked (`recordWorked`);
 * - `decide`: every application decoded and decided (`decodeApplication`, `decide`);
 * - `assign`: each district's granted cases assigned from its prefecture's lawyers (`assignMany`);
 * - `lifecycle`: every case taken through its commands by the pure machine (`step`);
 * - `append`: the logs written in batches of whole cases, as an import does (`CaseStore.append`);
 * - `subsidies`: each district's case and duty subsidies calculated (`subsidiesForLedger`), its
 *   budget stored and the payments appended to the ledger (`LedgerStore`);
 * - `evaluate`: the province and each prefecture evaluated from the stores (`selfEvaluation`);
 * - `report`: the province's report rendered (Markdown, HTML, Word) and its table (`.xlsx`).
 *
 * The cases are the Panlong 2018 replay's, planned again for each of the 129 county-level
 * districts with their own seed (`examples/panlong-2018/generate.ts`), about 775 a district.
 *
 *   npm run bench -- pipeline                 # 10,000 and 100,000 cases, SQLite and PostgreSQL
 *   PIPELINE_CASES=10000 npm run bench -- pipeline
 *   PIPELINE_ADAPTERS=postgres npm run bench -- pipeline   # one adapter
 *
 * Each adapter and size runs in a child process of its own, so its peak memory is its own. Prints
 * `bench: pipeline-<stage>-seconds-<adapter>[-<size>]`, the total, the peak RSS, and seconds per
 * 1,000 cases at each size. PostgreSQL runs when `FAYUAN_PG_URL` is set (a fresh database each run).
 */
import { execFileSync, spawn } from "node:child_process"
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect, Result } from "effect"
import { CalendarDate, Money, Region, RuleBook, WorkCalendar } from "fayuan"
import type { Opened } from "fayuan/adapters/kysely"
import { openPostgres } from "fayuan/adapters/postgres"
import { openSqlite } from "fayuan/adapters/sqlite"
import { assignMany, type CaseToAssign, type Lawyer } from "fayuan/assignment"
import { type Budget, LedgerStore, makeBudgetUnsafe, subsidiesForLedger } from "fayuan/budget"
import { decide, decodeApplication } from "fayuan/eligibility"
import { RecordStore, schemes } from "fayuan/evaluation"
import { type Case, type CaseEvent, type Command, CaseStore, type Context, step, summarise } from "fayuan/lifecycle"
import { renderHtml, renderMarkdown, selfEvaluation } from "fayuan/report"
import { renderDocx } from "fayuan/report/docx"
import { renderSelfEvaluationXlsx } from "fayuan/report/xlsx"
import { decodeRosterInput, recordWorked, RosterStore, solve, type WorkedShift } from "fayuan/roster"
import { tables, withStandard } from "fayuan/subsidy"
import { generate, type PlannedCase } from "../examples/panlong-2018/generate.ts"
import { stepsOf } from "../examples/panlong-2018/cases.ts"
import { recordsOf } from "../examples/panlong-2018/pipeline.ts"
import { countiesOf, print, scratchPostgres } from "./harness.ts"
import { apportion, prefectures, prng, province, restrict } from "./yunnan.ts"

const SIZES = (process.env["PIPELINE_CASES"] ?? "10000,100000").split(",").map(Number)
const SEED = 2018_0601
const calendar = WorkCalendar.china

/**
 * The rule book with Kunming's 2018 hardship amounts for the whole province: the library ships
 * amounts for Kunming only, and a host supplies its own (synthetic here, flagged unverified).
 */
const book = (() => {
  const kunming = Region.makeUnsafe("530103")
  const keys = [...new Set(RuleBook.defaultSources.parameterEntries.filter((e) => e.region === "5301").map((e) => e.key))]
  const province = keys.flatMap((key) => {
    const v = RuleBook.parameterOn(RuleBook.defaultRuleBook, key, kunming, "2018-06-01")
    return Result.isFailure(v) ? [] : [{ key, region: Region.makeUnsafe("53"), validFrom: CalendarDate.makeUnsafe("2003-09-01"), value: v.success.value, basis: v.success.basis, source: "benchmark: Kunming's 2018 amounts for the whole province (synthetic)", verified: false }]
  })
  return Result.getOrThrow(RuleBook.make({ ...RuleBook.defaultSources, parameterEntries: [...RuleBook.defaultSources.parameterEntries, ...province] }))
})()

// ---------------------------------------------------------------------------------------------
// The province: districts and their share of the cases

interface District {
  readonly code: Region.RegionCode
  readonly prefecture: Region.RegionCode
  readonly index: number
}

const districts: ReadonlyArray<District> = prefectures.flatMap((p) => countiesOf(p.code, p.counties).map((c) => ({ code: Region.makeUnsafe(c), prefecture: Region.makeUnsafe(p.code) })))
  .map((d, index) => ({ ...d, index }))

/**
 * The cases of each district: about the same everywhere (0.9 to 1.05 of a mean weight), never more
 * than a Panlong year plans (864 cases): up to some 110,000 cases in all.
 */
const shares = (total: number): ReadonlyArray<number> => {
  const rand = prng(SEED)
  return apportion(total, districts.map(() => 0.9 + rand() * 0.15))
}

// ---------------------------------------------------------------------------------------------
// One district's year, planned (untimed)

interface DistrictPlan {
  readonly district: District
  readonly cases: ReadonlyArray<PlannedCase>
  readonly records: ReturnType<typeof recordsOf>
}

const planDistrict = (d: District, cases: number): DistrictPlan => {
  const plan = generate(SEED + d.index)
  if (cases > plan.cases.length) throw new Error(`district ${d.code}: ${cases} cases asked, the plan has ${plan.cases.length}`)
  const share = cases / plan.cases.length
  const id = (x: string) => `${d.code}-${x}`
  const picked = plan.cases.slice(0, cases).map((c) => ({ ...c, id: id(c.id), ...(c.application === undefined ? {} : { application: { ...c.application, region: d.code } }) }))
  // The records of the district: its network, and the consultations and activities in proportion.
  const scaled = { ...plan, region: d.code as unknown as typeof plan.region, consultations: plan.consultations.slice(0, Math.round(plan.consultations.length * share)) }
  return { district: d, cases: picked as ReadonlyArray<PlannedCase>, records: recordsOf(scaled) }
}

// ---------------------------------------------------------------------------------------------
// The stages of one district

/** The applications decided at intake: the decision each `apply` carries. */
const decideAll = (plan: DistrictPlan) => {
  const out = new Map<string, ReturnType<typeof summarise>>()
  for (const c of plan.cases) {
    if (c.application === undefined) continue
    const application = decodeApplication(c.application)
    if (Result.isFailure(application)) throw new Error(`${c.id}: ${application.failure.message}`)
    const decision = decide(application.success, { book })
    if (Result.isFailure(decision)) throw new Error(`${c.id}: ${decision.failure.message}`)
    out.set(c.id, summarise(decision.success))
  }
  return out
}

/** The district's cases assigned, in order of receipt, from its prefecture's lawyers. */
const assignAll = (plan: DistrictPlan, pool: ReadonlyArray<Lawyer>) => {
  const cases: Array<CaseToAssign> = [...plan.cases]
    .sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : a.id < b.id ? -1 : 1))
    .map((c) => ({ caseId: c.id, region: plan.district.code, kind: c.kind, requirements: {} }))
  const r = assignMany(cases, pool)
  const chosen = new Map<string, { lawyerId: string; firmId: string }>()
  for (const a of r.assignments) {
    if (a._tag !== "Assigned") throw new Error(`${a.caseId}: no lawyer (${a.explanation})`)
    chosen.set(a.caseId, { lawyerId: a.lawyerId, firmId: a.firmId })
  }
  return chosen
}

/**
 * A case through its commands (the replay's script, `stepsOf`), by the pure machine, with the
 * decision taken at intake and the lawyer the assignment chose: its log and the case at its end.
 */
const lifecycleOf = (c: PlannedCase, region: Region.RegionCode, decision: ReturnType<typeof summarise> | undefined, lawyer: { lawyerId: string; firmId: string }) => {
  let current: Case | undefined
  const events: Array<CaseEvent> = []
  for (const s of stepsOf(c, region, decision)) {
    let command: Command
    if (s.command.type === "assignCase") {
      s.command.chosen(lawyer.lawyerId)
      command = { type: "assign", lawyerId: lawyer.lawyerId, firmId: lawyer.firmId }
    } else command = s.command
    const ctx: Context = { at: s.at, calendar, book, actor: { id: s.actor(), role: s.role, region } }
    const r = step(current, command, ctx)
    if (Result.isFailure(r)) throw new Error(`${c.id}: ${command.type}: ${r.failure.message}`)
    current = r.success.case
    events.push(...r.success.events)
  }
  return { events, final: current! }
}

const yuan = (n: number) => Money.fenUnsafe(Math.round(n * 100))
const schedule = [
  { by: "2018-03-31", share: "0.25" },
  { by: "2018-06-30", share: "0.5" },
  { by: "2018-09-30", share: "0.75" },
  { by: "2018-12-31", share: "1" }
]

/** A district's budget: case and duty subsidies sized to its year. */
const budgetOf = (d: { readonly code: Region.RegionCode }, cases: number): Budget =>
  makeBudgetUnsafe({
    id: `B-${d.code}-2018`,
    region: d.code,
    year: 2018,
    title: `${d.code} legal aid 2018 (benchmark)`,
    lines: [
      { id: "cases", name: "办案补贴", category: "case-subsidy", amount: yuan(cases * 1_700 + 10_000), schedule },
      { id: "duty", name: "值班律师补贴", category: "duty-subsidy", amount: yuan(60_000), schedule }
    ]
  })

// ---------------------------------------------------------------------------------------------
// One run: an adapter and a size

interface StageClock {
  add(stage: string, ms: number): void
  readonly stages: Map<string, number>
}

const clock = (): StageClock => {
  const stages = new Map<string, number>()
  return { stages, add: (stage, ms) => stages.set(stage, (stages.get(stage) ?? 0) + ms) }
}

const timed = async <A>(c: StageClock, stage: string, f: () => A | Promise<A>): Promise<A> => {
  const start = performance.now()
  try {
    return await f()
  } finally {
    c.add(stage, performance.now() - start)
  }
}

const run = <A, E, R>(adapter: Opened, program: Effect.Effect<A, E, R>): Promise<A> => Effect.runPromise(Effect.provide(program, adapter.layer) as Effect.Effect<A, E, never>)

const pipeline = async (adapter: Opened, total: number): Promise<StageClock> => {
  const c = clock()
  const counts = shares(total)
  const catalogue = Result.getOrThrow(withStandard(tables.panlong, { ...tables.panlong2018, id: "yunnan-benchmark", region: Region.makeUnsafe("53") }))
  const whole = province(SEED)

  // The rosters, a prefecture at a time, stored and worked.
  const shifts = new Map<string, Array<WorkedShift>>()
  await timed(c, "roster", async () => {
    for (const p of prefectures) {
      const inst = restrict(whole, p.code, [p.code], "2018-01-01", "2018-12-31")
      const input = decodeRosterInput({ period: { from: inst.from, to: inst.to }, sites: inst.sites, lawyers: inst.lawyers, firms: inst.firms, parameters: { maxPerMonth: 8, minDaysBetweenShifts: 1 }, seed: SEED })
      if (Result.isFailure(input)) throw new Error(`roster ${p.code}: ${input.failure.message}`)
      const roster = solve(input.success)
      const region = Region.makeUnsafe(p.code)
      const worked = await run(adapter, Effect.gen(function* () {
        yield* (yield* RosterStore).put(region, `R-${p.code}-2018`, roster)
        return yield* recordWorked(region, `R-${p.code}-2018`)
      }))
      // Shifts at a district's sites are paid from its budget, at a prefecture's from the prefecture's.
      for (const w of worked) {
        const list = shifts.get(w.region) ?? []
        list.push(w)
        shifts.set(w.region, list)
      }
    }
  })

  // The assignment pools: each prefecture's lawyers.
  const pools = new Map<string, Array<Lawyer>>()
  for (const l of whole.lawyers) {
    const pref = l.region.slice(0, 4)
    const list = pools.get(pref) ?? []
    list.push({ id: l.id, firmId: l.firmId, region: Region.makeUnsafe(l.region), yearsOfPractice: l.yearsOfPractice, languages: l.languages ?? [], specialties: [], minorsTrained: false, openCases: 0, maxOpenCases: 10_000, assignedCount: 0 })
    pools.set(pref, list)
  }

  for (const d of districts) {
    const plan = planDistrict(d, counts[d.index]!)
    await timed(c, "records", () => run(adapter, Effect.gen(function* () {
      const store = yield* RecordStore
      for (let i = 0; i < plan.records.length; i += 5_000) yield* store.put(plan.records.slice(i, i + 5_000))
    })))
    const decisions = await timed(c, "decide", () => decideAll(plan))
    const chosen = await timed(c, "assign", () => assignAll(plan, pools.get(d.prefecture)!))
    const logs = await timed(c, "lifecycle", () => plan.cases.map((p) => lifecycleOf(p, d.code, decisions.get(p.id), chosen.get(p.id)!)))
    await timed(c, "append", () => run(adapter, Effect.gen(function* () {
      const store = yield* CaseStore
      let batch: Array<{ caseId: string; expectedVersion: number; events: ReadonlyArray<CaseEvent> }> = []
      let size = 0
      for (const log of logs) {
        batch.push({ caseId: log.final.id, expectedVersion: 0, events: log.events })
        size += log.events.length
        if (size >= 500) {
          yield* store.append(batch)
          batch = []
          size = 0
        }
      }
      if (batch.length > 0) yield* store.append(batch)
    })))
    await timed(c, "subsidies", () => run(adapter, Effect.gen(function* () {
      const budget = budgetOf(d, plan.cases.length)
      const paid = yield* Effect.fromResult(subsidiesForLedger({ budget, catalogue, cases: logs.map((l) => l.final), shifts: shifts.get(d.code) ?? [] }))
      if (paid.unpaid.length > 0) return yield* Effect.die(new Error(`${d.code}: unpaid ${paid.unpaid[0]!.caseId}: ${paid.unpaid[0]!.reason}`))
      const ledger = yield* LedgerStore
      yield* ledger.putBudget(budget)
      for (let i = 0; i < paid.entries.length; i += 5_000) yield* ledger.append(paid.entries.slice(i, i + 5_000))
    })))
  }

  // The duty at each prefecture's own sites, from its budget.
  await timed(c, "subsidies", () => run(adapter, Effect.gen(function* () {
    const ledger = yield* LedgerStore
    for (const p of prefectures) {
      const budget = budgetOf({ code: Region.makeUnsafe(p.code) }, 0)
      const paid = yield* Effect.fromResult(subsidiesForLedger({ budget, catalogue, cases: [], shifts: shifts.get(p.code) ?? [] }))
      yield* ledger.putBudget(budget)
      if (paid.entries.length > 0) yield* ledger.append(paid.entries)
    }
  })))

  // The province and each prefecture evaluated; the province's report.
  const options = (scope: Region.RegionCode) => ({
    scope,
    year: 2018,
    scheme: schemes.panlong2018,
    regionName: scope === "53" ? "云南省" : scope,
    projectName: "法律援助项目（基准测试）",
    generatedOn: CalendarDate.makeUnsafe("2019-01-20")
  })
  const province53 = await timed(c, "evaluate", async () => {
    const out = await run(adapter, selfEvaluation(options(Region.makeUnsafe("53"))))
    for (const p of prefectures) await run(adapter, selfEvaluation(options(Region.makeUnsafe(p.code))))
    return out
  })
  await timed(c, "report", async () => {
    renderMarkdown(province53.report)
    renderHtml(province53.report)
    await renderDocx(province53.report)
    await renderSelfEvaluationXlsx(province53.report)
  })
  return c
}

// ---------------------------------------------------------------------------------------------
// The child: one adapter, one size

const child = async (adapterName: string, total: number): Promise<void> => {
  let adapter: Opened
  let cleanup = async () => {}
  if (adapterName === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "fayuan-pipeline-"))
    adapter = await openSqlite({ path: join(dir, "pipeline.sqlite"), caseCache: 0 })
    cleanup = async () => rmSync(dir, { recursive: true, force: true })
  } else {
    const scratch = await scratchPostgres(process.env["FAYUAN_PG_URL"]!, "fayuan_pipeline")
    adapter = await openPostgres({ connectionString: scratch.url, caseCache: 0 })
    cleanup = scratch.drop
  }
  try {
    const c = await pipeline(adapter, total)
    const suffix = total === 100_000 ? adapterName : `${adapterName}-${total}`
    let sum = 0
    for (const [stage, ms] of c.stages) {
      sum += ms
      print(`pipeline-${stage}-seconds-${suffix}`, ms / 1000, "s")
    }
    print(`pipeline-province-seconds-${suffix}`, sum / 1000, "s")
    print(`pipeline-seconds-per-1000-cases-${adapterName}-${total}`, sum / total, "s")
    print(`pipeline-peak-rss-mb-${suffix}`, process.resourceUsage().maxRSS / 1024, "MB")
  } finally {
    await adapter.close()
    await cleanup()
  }
}

export const run_ = async (): Promise<void> => {
  // The built package is what a host imports: built first when missing or older than a source.
  const root = join(import.meta.dirname, "..")
  const built = join(root, "dist", "index.js")
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((m, e) => Math.max(m, e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs), 0)
  if (!existsSync(built) || Math.max(newest(join(root, "src")), newest(join(root, "adapters"))) > statSync(built).mtimeMs) {
    process.stderr.write("pipeline: building the package (dist/ is missing or older than the sources)\n")
    execFileSync("npx", ["tsup", "--silent"], { cwd: root, stdio: "inherit" })
  }
  const only = process.env["PIPELINE_ADAPTERS"]?.split(",")
  const adapters = ["sqlite", ...(process.env["FAYUAN_PG_URL"] === undefined ? [] : ["postgres"])].filter((a) => only === undefined || only.includes(a))
  if (process.env["FAYUAN_PG_URL"] === undefined) process.stderr.write("pipeline: FAYUAN_PG_URL is not set: PostgreSQL is not measured\n")
  for (const adapter of adapters) {
    for (const size of SIZES) {
      await new Promise<void>((resolve, reject) => {
        const p = spawn(process.execPath, [import.meta.filename, "--child", adapter, String(size)], { stdio: ["ignore", "inherit", "inherit"] })
        p.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`pipeline ${adapter} ${size}: exit ${code}`))))
      })
    }
  }
}

export { run_ as run }

if (process.argv[2] === "--child") await child(process.argv[3]!, Number(process.argv[4]))
