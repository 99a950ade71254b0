import { Effect, Result } from "effect"
import { describe, expect, it } from "vitest"
import { ledgerLayer, makeMemoryLedgerStore } from "../adapters/memory/ledger.ts"
import type { Budget, LedgerEntry, Payable } from "../src/budget/index.ts"
import {
  decodeBudget,
  decodeBudgetJson,
  decodeEntries,
  maxEntryFen,
  encodeBudgetJson,
  entriesFromPayables,
  execution,
  executionReport,
  makeBudgetUnsafe,
  plannedBy,
  reconcile,
  totalsOf
} from "../src/budget/index.ts"
import { entry } from "./support/budget.ts"
import * as CalendarDate from "../src/CalendarDate.ts"
import * as Money from "../src/Money.ts"
import * as Ratio from "../src/Ratio.ts"
import * as Region from "../src/Region.ts"

const d = CalendarDate.makeUnsafe
const fen = Money.fenUnsafe
const run = <A, E>(e: Effect.Effect<A, E>): Promise<Result.Result<A, E>> => Effect.runPromise(Effect.result(e))

/** A small budget: quarterly cases, a duty line spread over the year, publicity front-loaded. */
const budget: Budget = makeBudgetUnsafe({
  id: "PL-2018",
  region: "530103",
  year: 2018,
  title: "Panlong legal aid project 2018",
  lines: [
    {
      id: "cases",
      name: "Case subsidies",
      category: "case-subsidy",
      amount: 1_200_000,
      schedule: [
        { by: "2018-03-31", share: "0.25" },
        { by: "2018-06-30", share: "0.5" },
        { by: "2018-09-30", share: "0.75" },
        { by: "2018-12-31", share: "1" }
      ]
    },
    { id: "duty", name: "Duty-lawyer subsidies", category: "duty-subsidy", amount: 365_000, schedule: [{ by: "2018-12-31", share: "1" }] },
    {
      id: "publicity",
      name: "Publicity",
      category: "publicity",
      amount: 100_000,
      schedule: [
        { by: "2018-06-30", share: "0.8" },
        { by: "2018-12-31", share: "1" }
      ]
    }
  ]
})


const entries: ReadonlyArray<LedgerEntry> = [
  entry("c1", "cases", "payment", 300_000, "2018-03-15"),
  entry("c2", "cases", "payment", 100_000, "2018-06-30"),
  entry("c3", "cases", "payment", 50_000, "2018-07-01"),
  entry("d1", "duty", "payment", 170_000, "2018-06-20"),
  entry("p-c1", "publicity", "commitment", 60_000, "2018-04-01"),
  entry("p1", "publicity", "payment", 30_000, "2018-05-01", { settles: "p-c1" }),
  entry("p2", "publicity", "payment", 40_000, "2018-06-01")
]

describe("decodeBudget", () => {
  it("decodes a budget with decimal and ratio shares and round-trips its stored JSON", () => {
    const b = makeBudgetUnsafe({
      id: "B",
      region: "53",
      year: 2020,
      title: "",
      lines: [{ id: "x", name: "X", category: "other", amount: 3, schedule: [{ by: "2020-04-30", share: { numerator: 1, denominator: 3 } }, { by: "2020-12-31", share: "1" }] }]
    })
    expect(b.lines[0]!.schedule[0]!.share).toEqual({ numerator: 1, denominator: 3 })
    expect(decodeBudgetJson(encodeBudgetJson(b))).toEqual(b)
    expect(decodeBudgetJson(encodeBudgetJson(budget))).toEqual(budget)
    expect(decodeBudgetJson("{")).toBeUndefined()
    expect(decodeBudgetJson(JSON.stringify(b))).toBeUndefined() // no schema version
  })

  it("names every bad field by its path", () => {
    const r = decodeBudget({
      id: "B",
      region: "530100",
      year: 2018,
      title: "t",
      lines: [
        { id: "a", name: "A", category: "grants", amount: 100, schedule: [{ by: "2018-06-30", share: "0.6" }, { by: "2018-03-31", share: "0.5" }, { by: "2019-01-31", share: "0.9" }] },
        { id: "a", name: "A2", category: "bribes", amount: 0, schedule: [] }
      ],
      extra: true
    })
    expect(Result.isFailure(r)).toBe(true)
    const paths = Result.isFailure(r) ? r.failure.issues.map((i) => i.path) : []
    expect(paths).toEqual(expect.arrayContaining(["region", "extra", "lines[1].category", "lines[1].amount", "lines[1].schedule"]))
    expect(Result.isFailure(r) && r.failure.message).toContain("lines[1].category")
  })

  it("checks the schedules and ids across fields", () => {
    const r = decodeBudget({
      id: "B",
      region: "5301",
      year: 2018,
      title: "t",
      lines: [
        { id: "a", name: "A", category: "grants", amount: 100, schedule: [{ by: "2018-06-30", share: "0.6" }, { by: "2018-03-31", share: "0.5" }, { by: "2019-01-31", share: "0.9" }] },
        { id: "a", name: "A2", category: "training", amount: 5, schedule: [{ by: "2018-12-31", share: "1.5" }] }
      ]
    })
    expect(Result.isFailure(r) && r.failure.issues).toEqual([
      { path: "lines[0].schedule[1].by", reason: "must be after the previous point's date" },
      { path: "lines[0].schedule[1].share", reason: "must not be less than the previous point's share" },
      { path: "lines[0].schedule[2].by", reason: "is outside the budget's year" },
      { path: "lines[0].schedule[2].share", reason: "the last point's share must be 1" },
      { path: "lines[1].id", reason: "is used twice" },
      { path: "lines[1].schedule[0].share", reason: "must be within 0 and 1" },
      { path: "lines[1].schedule[0].share", reason: "the last point's share must be 1" }
    ])
  })
})

describe("decodeEntries", () => {
  it("decodes entries and names bad fields by index", () => {
    expect(Result.isSuccess(decodeEntries(entries))).toBe(true)
    const r = decodeEntries([
      { key: "k", budgetId: "B", lineId: "x", kind: "payment", amount: 0, on: "2018-02-30", source: { kind: "manual" } },
      { key: "k2", budgetId: "B", lineId: "x", kind: "commitment", amount: 5, on: "2018-02-01", source: { kind: "case", caseId: "C1" }, settles: "k" }
    ])
    expect(Result.isFailure(r) && r.failure.issues.map((i) => i.path)).toEqual(["[0].amount", "[0].on"])
    const s = decodeEntries([{ key: "k2", budgetId: "B", lineId: "x", kind: "commitment", amount: 5, on: "2018-02-01", source: { kind: "case", caseId: "C1" }, settles: "k" }])
    expect(Result.isFailure(s) && s.failure.issues).toEqual([{ path: "[0].settles", reason: "only a payment settles a commitment" }])
  })

  it("refuses an amount above maxEntryFen (¥100 billion), so the sums a store keeps stay exact", () => {
    const at = (amount: number) => decodeEntries([{ key: "k", budgetId: "B", lineId: "x", kind: "payment", amount, on: "2018-02-01", source: { kind: "manual" } }])
    expect(Result.isSuccess(at(maxEntryFen))).toBe(true)
    const over = at(maxEntryFen + 1)
    expect(Result.isFailure(over) && over.failure.issues.map((i) => i.path)).toEqual(["[0].amount"])
    expect(Result.isFailure(at(Number.MAX_SAFE_INTEGER))).toBe(true)
  })

  it("takes a memo as a reference only, never free text, and never repeats it in its message", () => {
    const r = decodeEntries([{ key: "k", budgetId: "B", lineId: "x", kind: "payment", amount: 1, on: "2018-02-01", source: { kind: "manual" }, memo: "张三 13800000000" }])
    expect(Result.isFailure(r) && r.failure.issues.map((i) => i.path)).toEqual(["[0].memo"])
    expect(Result.isFailure(r) && r.failure.message).not.toContain("张三")
    const ok = decodeEntries([{ key: "k", budgetId: "B", lineId: "x", kind: "payment", amount: 1, on: "2018-02-01", source: { kind: "manual" }, memo: "voucher 2018-045" }])
    expect(Result.isSuccess(ok)).toBe(true)
  })
})

describe("plannedBy", () => {
  const cases = budget.lines[0]!
  const duty = budget.lines[1]!
  it("is 0 before the year, the whole amount after the last point, the point's share on its date", () => {
    expect(plannedBy(cases, 2018, d("2017-12-31"))).toBe(0)
    expect(plannedBy(cases, 2018, d("2018-03-31"))).toBe(300_000)
    expect(plannedBy(cases, 2018, d("2018-12-31"))).toBe(1_200_000)
    expect(plannedBy(cases, 2018, d("2019-05-01"))).toBe(1_200_000)
  })
  it("interpolates linearly by days, or steps", () => {
    expect(plannedBy(duty, 2018, d("2018-01-01"))).toBe(1_000)
    expect(plannedBy(duty, 2018, d("2018-06-30"))).toBe(181_000)
    // 2018-05-15: 45 of the 91 days from 31 March to 30 June → 300,000 + 300,000 × 45/91 = 448,351.6…
    expect(plannedBy(cases, 2018, d("2018-05-15"))).toBe(448_352)
    expect(plannedBy(cases, 2018, d("2018-05-15"), "linear", "floor")).toBe(448_351)
    expect(plannedBy(cases, 2018, d("2018-05-15"), "step")).toBe(300_000)
    expect(plannedBy(duty, 2018, d("2018-12-30"), "step")).toBe(0)
  })
})

describe("execution", () => {
  it("computes the report by hand for a small budget at 30 June", () => {
    const report = execution(budget, entries, d("2018-06-30"))
    const [cases, duty, publicity] = report.lines
    expect(cases).toMatchObject({ lineId: "cases", budget: 1_200_000, planned: 600_000, paid: 400_000, committed: 0, variance: -200_000, entries: 2 })
    expect(cases!.executionRate).toEqual(Ratio.makeUnsafe(1, 3))
    expect(cases!.scheduleRate).toEqual(Ratio.makeUnsafe(1, 2))
    expect(duty).toMatchObject({ planned: 181_000, paid: 170_000, variance: -11_000 })
    expect(publicity).toMatchObject({ planned: 80_000, paid: 70_000, committed: 30_000, variance: -10_000, entries: 3 })
    expect(report.overall).toMatchObject({ budget: 1_665_000, planned: 861_000, paid: 640_000, committed: 30_000, variance: -221_000, entries: 6 })
    expect(report.overall.executionRate).toEqual(Ratio.makeUnsafe(128, 333))
    expect(report.overall.scheduleRate).toEqual(Ratio.makeUnsafe(287, 555))
    // Duty is behind by 11,000 of 181,000 (6%): under the 10% threshold.
    expect(report.warnings).toEqual([
      {
        _tag: "BehindSchedule",
        lineId: undefined,
        planned: 861_000,
        paid: 640_000,
        gap: 221_000,
        gapRate: Ratio.makeUnsafe(221, 861),
        threshold: Ratio.makeUnsafe(1, 10),
        daysLeft: 184,
        remaining: 1_025_000,
        neededPerMonth: 169_441
      },
      {
        _tag: "BehindSchedule",
        lineId: "cases",
        planned: 600_000,
        paid: 400_000,
        gap: 200_000,
        gapRate: Ratio.makeUnsafe(1, 3),
        threshold: Ratio.makeUnsafe(1, 10),
        daysLeft: 184,
        remaining: 800_000,
        neededPerMonth: 132_247
      },
      {
        _tag: "BehindSchedule",
        lineId: "publicity",
        planned: 80_000,
        paid: 70_000,
        gap: 10_000,
        gapRate: Ratio.makeUnsafe(1, 8),
        threshold: Ratio.makeUnsafe(1, 10),
        daysLeft: 184,
        remaining: 30_000,
        neededPerMonth: 4_960
      }
    ])
  })

  it("takes the threshold and the margin from the options", () => {
    const lenient = execution(budget, entries, d("2018-06-30"), { behindBy: Ratio.makeUnsafe(3, 10) })
    expect(lenient.warnings.map((w) => w.lineId)).toEqual(["cases"])
    const strict = execution(budget, entries, d("2018-06-30"), { behindBy: Ratio.zero })
    expect(strict.warnings.map((w) => w.lineId)).toEqual([undefined, "cases", "duty", "publicity"])
    // 31 days left: still time; 30 left: too late to act with the default margin.
    expect(execution(budget, entries, d("2018-11-30")).warnings.length).toBeGreaterThan(0)
    expect(execution(budget, entries, d("2018-12-01")).warnings).toEqual([])
    expect(execution(budget, entries, d("2018-12-01"), { marginDays: 0 }).warnings.length).toBeGreaterThan(0)
    expect(() => execution(budget, entries, d("2018-06-30"), { marginDays: -1 })).toThrow(RangeError)
  })

  it("gives the same report from entries and from totals, and refuses totals of another date", () => {
    const asOf = d("2018-06-30")
    expect(execution(budget, totalsOf(budget, entries, asOf), asOf)).toEqual(execution(budget, entries, asOf))
    expect(() => execution(budget, totalsOf(budget, entries, asOf), d("2018-07-01"))).toThrow(RangeError)
  })

  it("leaves out entries of other budgets and unknown lines", () => {
    const stray = [entry("x", "nope", "payment", 5, "2018-01-02"), { ...entry("y", "cases", "payment", 7, "2018-01-02"), budgetId: "other" }]
    expect(execution(budget, [...entries, ...stray], d("2018-06-30"))).toEqual(execution(budget, entries, d("2018-06-30")))
  })

  it("warns of nothing before the year starts", () => {
    const report = execution(budget, [], d("2017-12-01"))
    expect(report.overall.planned).toBe(0)
    expect(report.warnings).toEqual([])
  })
})

describe("the memory ledger store (idempotency, conflicts, unknown lines)", () => {
  const fresh = async () => {
    const store = makeMemoryLedgerStore()
    expect(await run(store.putBudget(budget))).toEqual(Result.succeed(undefined))
    return store
  }
  const scope = Region.makeUnsafe("5301")

  it("records a payment once: the second time it is a duplicate and changes nothing", async () => {
    const store = await fresh()
    const first = await run(store.append(entries))
    expect(Result.isSuccess(first) && first.success.recorded.length).toBe(entries.length)
    const again = await run(store.append(entries))
    expect(again).toEqual(Result.succeed({ recorded: [], duplicates: entries.map((e) => ({ budgetId: "PL-2018", key: e.key })).sort((a, b) => (a.key < b.key ? -1 : 1)) }))
    expect(Result.getOrThrow(await run(store.listEntries(scope, "PL-2018")))).toHaveLength(entries.length)
  })

  it("refuses a key reused with other content, and the whole batch with it", async () => {
    const store = await fresh()
    await run(store.append(entries.slice(0, 2)))
    const r = await run(store.append([entry("new", "duty", "payment", 1, "2018-02-01"), { ...entries[0]!, amount: fen(300_001) }]))
    expect(Result.isFailure(r) && r.failure).toMatchObject({ _tag: "IdempotencyConflict", budgetId: "PL-2018", key: "c1" })
    expect(Result.getOrThrow(await run(store.listEntries(scope, "PL-2018"))).map((e) => e.key)).toEqual(["c1", "c2"])
    // Within one batch too.
    const within = await run(store.append([entry("z", "duty", "payment", 1, "2018-02-01"), entry("z", "duty", "payment", 2, "2018-02-01")]))
    expect(Result.isFailure(within) && within.failure._tag).toBe("IdempotencyConflict")
  })

  it("refuses unknown budgets and lines, dates outside the year, regions outside the budget's", async () => {
    const store = await fresh()
    const cases: ReadonlyArray<[LedgerEntry, string]> = [
      [{ ...entry("a", "cases", "payment", 1, "2018-02-01"), budgetId: "nope" }, "BudgetNotFound"],
      [entry("a", "nope", "payment", 1, "2018-02-01"), "UnknownLine"],
      [entry("a", "cases", "payment", 1, "2019-01-01"), "InvalidEntry"],
      [entry("a", "cases", "payment", 1, "2018-01-01", { region: Region.makeUnsafe("530102") }), "InvalidEntry"],
      [entry("a", "cases", "payment", 0, "2018-01-01"), "InvalidEntry"],
      [entry("a", "cases", "payment", 5, "2018-05-01", { settles: "missing" }), "InvalidEntry"]
    ]
    for (const [bad, tag] of cases) {
      const r = await run(store.append([entry("ok", "duty", "payment", 1, "2018-02-01"), bad]))
      expect(Result.isFailure(r) && r.failure._tag).toBe(tag)
    }
    expect(Result.getOrThrow(await run(store.listEntries(scope, "PL-2018")))).toEqual([])
  })

  it("settles commitments without ever settling more than promised", async () => {
    const store = await fresh()
    await run(store.append(entries))
    const over = await run(store.append([entry("p3", "publicity", "payment", 30_001, "2018-06-02", { settles: "p-c1" })]))
    expect(Result.isFailure(over) && over.failure).toMatchObject({ _tag: "InvalidEntry", key: "p3", field: "settles" })
    const earlier = await run(store.append([entry("p3", "publicity", "payment", 1, "2018-03-01", { settles: "p-c1" })]))
    expect(Result.isFailure(earlier) && earlier.failure).toMatchObject({ field: "settles", reason: "names a commitment made after the payment" })
    const other = await run(store.append([entry("p3", "duty", "payment", 1, "2018-06-02", { settles: "p-c1" })]))
    expect(Result.isFailure(other) && other.failure).toMatchObject({ field: "settles", reason: "names a commitment of another line" })
    expect(Result.isSuccess(await run(store.append([entry("p3", "publicity", "payment", 30_000, "2018-06-02", { settles: "p-c1" })])))).toBe(true)
    const totals = Result.getOrThrow(await run(store.totals(scope, "PL-2018", d("2018-12-31"))))
    expect(totals.lines.find((l) => l.lineId === "publicity")).toEqual({ lineId: "publicity", payments: 100_000, commitments: 60_000, settled: 60_000, entries: 4 })
  })

  it("keeps budgets apart by scope and refuses a change that would strand entries", async () => {
    const store = await fresh()
    await run(store.append(entries))
    expect(Result.isFailure(await run(store.getBudget(Region.makeUnsafe("530102"), "PL-2018")))).toBe(true)
    expect(await run(store.getBudget(Region.makeUnsafe("53"), "PL-2018"))).toEqual(Result.succeed(budget))
    const moved = await run(store.putBudget({ ...budget, region: Region.makeUnsafe("530102") }))
    expect(Result.isFailure(moved) && moved.failure._tag).toBe("BudgetConflict")
    const dropped = await run(store.putBudget({ ...budget, lines: budget.lines.slice(0, 2) }))
    expect(Result.isFailure(dropped) && dropped.failure.message).toContain("line publicity has entries")
    const raised = { ...budget, lines: budget.lines.map((l) => (l.id === "cases" ? { ...l, amount: fen(2_000_000) } : l)) }
    expect(await run(store.putBudget(raised))).toEqual(Result.succeed(undefined))
  })

  it("builds the report from the store through the LedgerStore service", async () => {
    const program = Effect.gen(function* () {
      const { LedgerStore } = yield* Effect.promise(() => import("../src/budget/Store.ts"))
      const store = yield* LedgerStore
      yield* store.putBudget(budget)
      yield* store.append(entries)
      return yield* executionReport(Region.makeUnsafe("53"), "PL-2018", d("2018-06-30"))
    })
    const report = await Effect.runPromise(program.pipe(Effect.provide(ledgerLayer())))
    expect(report).toEqual(execution(budget, entries, d("2018-06-30")))
  })
})

describe("subsidies into the ledger", () => {
  const payables: ReadonlyArray<Payable> = [
    { key: "case:530103:C-0001", region: Region.makeUnsafe("530103"), on: d("2018-05-18"), amount: fen(120_000), source: { kind: "case", caseId: "C-0001" }, category: "case-subsidy", lawyerId: "L1" },
    {
      key: "shift:530103:2018-05-18:court:am:0",
      region: Region.makeUnsafe("530103"),
      on: d("2018-05-18"),
      amount: fen(10_000),
      source: { kind: "duty-shift", date: d("2018-05-18"), siteId: "court", slot: "am", seat: 0 },
      category: "duty-subsidy"
    },
    { key: "case:530103:C-0002", region: Region.makeUnsafe("530103"), on: d("2018-05-20"), amount: Money.zero, source: { kind: "case", caseId: "C-0002" }, category: "case-subsidy" }
  ]

  it("turns payables into payments on the line of their category, keyed by the payable", () => {
    const out = Result.getOrThrow(entriesFromPayables(budget, [...payables].reverse()))
    expect(out).toEqual([
      { key: "case:530103:C-0001", budgetId: "PL-2018", lineId: "cases", kind: "payment", amount: 120_000, on: "2018-05-18", source: { kind: "case", caseId: "C-0001" }, region: "530103", lawyerId: "L1" },
      {
        key: "shift:530103:2018-05-18:court:am:0",
        budgetId: "PL-2018",
        lineId: "duty",
        kind: "payment",
        amount: 10_000,
        on: "2018-05-18",
        source: { kind: "duty-shift", date: "2018-05-18", siteId: "court", slot: "am", seat: 0 },
        region: "530103"
      }
    ])
    expect(reconcile(out, payables)).toEqual({ missing: [], orphaned: [], mismatched: [], doubled: [], balanced: true })
  })

  it("lets lineFor choose, and refuses what cannot be placed", () => {
    const chosen = Result.getOrThrow(entriesFromPayables(budget, payables, (p) => (p.category === "duty-subsidy" ? "publicity" : undefined)))
    expect(chosen.map((e) => e.lineId)).toEqual(["cases", "publicity"])
    const two = makeBudgetUnsafe({ ...budget, lines: [...budget.lines, { ...budget.lines[0], id: "cases-2" }] })
    const r = entriesFromPayables(two, payables)
    expect(Result.isFailure(r) && r.failure).toMatchObject({ _tag: "UnplaceablePayable", key: "case:530103:C-0001" })
    expect(Result.isFailure(entriesFromPayables(budget, payables, () => "nope"))).toBe(true)
    expect(Result.isFailure(entriesFromPayables(budget, [{ ...payables[0]!, on: d("2019-01-02") }]))).toBe(true)
    expect(Result.isFailure(entriesFromPayables(budget, [{ ...payables[0]!, region: Region.makeUnsafe("530102") }]))).toBe(true)
    expect(Result.isFailure(entriesFromPayables(budget, [{ ...payables[0]!, amount: fen(-1) }]))).toBe(true)
  })

  it("reports missing, orphaned, mismatched and doubled entries", () => {
    const out = Result.getOrThrow(entriesFromPayables(budget, payables))
    const manual = entry("v-1", "publicity", "payment", 5, "2018-01-05")
    const r = reconcile(
      [
        { ...out[0]!, amount: fen(100_000) },
        { ...out[0]!, budgetId: "other" },
        { ...out[1]!, key: "shift:gone" },
        manual
      ],
      payables
    )
    expect(r.balanced).toBe(false)
    expect(r.missing.map((p) => p.key)).toEqual(["shift:530103:2018-05-18:court:am:0"])
    expect(r.orphaned.map((e) => e.key)).toEqual(["shift:gone"])
    expect(r.mismatched.map((m) => [m.key, m.entry.budgetId, m.fields])).toEqual([["case:530103:C-0001", "PL-2018", ["amount"]]])
    expect(r.doubled).toEqual(["case:530103:C-0001"])
  })
})
