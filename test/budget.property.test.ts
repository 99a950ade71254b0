import { Effect, Result } from "effect"
import fc from "fast-check"
import { afterAll, describe, expect, it } from "vitest"
import { makeMemoryLedgerStore } from "../adapters/memory/ledger.ts"
import type { Opened } from "../adapters/kysely/open.ts"
import { openSqlite } from "../adapters/sqlite/index.ts"
import { sql } from "kysely"
import type { Budget, LedgerEntry, Payable } from "../src/budget/index.ts"
import { entriesFromPayables, execution, makeBudgetUnsafe, maxEntryFen, plannedBy, reconcile, recordedTotalProblem, totalsOf } from "../src/budget/index.ts"
import * as CalendarDate from "../src/CalendarDate.ts"
import { entry } from "./support/budget.ts"
import * as Money from "../src/Money.ts"
import * as Ratio from "../src/Ratio.ts"
import * as Region from "../src/Region.ts"

const run = <A, E>(e: Effect.Effect<A, E>): Promise<Result.Result<A, E>> => Effect.runPromise(Effect.result(e))

// ---------------------------------------------------------------------------------------------
// Arbitraries

const monthEnds = (year: number) => Array.from({ length: 12 }, (_, m) => CalendarDate.endOfMonth(CalendarDate.makeUnsafe(`${year}-${String(m + 1).padStart(2, "0")}-01`)))

const categoryArb = fc.constantFrom("case-subsidy", "duty-subsidy", "publicity", "equipment", "grants", "auxiliary-staff", "training", "other")

/** A schedule: some month ends (or any days) with non-decreasing shares, the last one 1. */
const scheduleArb = (year: number) =>
  fc
    .tuple(
      fc.uniqueArray(fc.oneof(fc.constantFrom(...monthEnds(year)), fc.integer({ min: 0, max: 364 }).map((n) => CalendarDate.addDays(CalendarDate.makeUnsafe(`${year}-01-01`), n))), {
        minLength: 1,
        maxLength: 6
      }),
      fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 6, maxLength: 6 }),
      fc.constantFrom(12, 100, 7)
    )
    .map(([dates, raw, denominator]) => {
      const sorted = [...dates].sort()
      const shares = raw.slice(0, sorted.length).map((n) => Math.min(n * Math.ceil(denominator / 12), denominator)).sort((a, b) => a - b)
      return sorted.map((by, i) => ({ by, share: i === sorted.length - 1 ? Ratio.one : Ratio.makeUnsafe(shares[i]!, denominator) }))
    })

const budgetArb: fc.Arbitrary<Budget> = fc.constantFrom(2018, 2020).chain((year) =>
  fc
    .array(fc.record({ category: categoryArb, amount: fc.integer({ min: 1, max: 2_000_000_000 }), schedule: scheduleArb(year) }), { minLength: 1, maxLength: 5 })
    .map((lines) =>
      makeBudgetUnsafe({
        id: `B-${year}`,
        region: "5301",
        year,
        title: "property",
        lines: lines.map((l, i) => ({ id: `l${i}`, name: `line ${i}`, ...l }))
      })
    )
)

const dayIn = (year: number) => fc.integer({ min: 0, max: 364 }).map((n) => CalendarDate.addDays(CalendarDate.makeUnsafe(`${year}-01-01`), n))

/** Entries with unique keys on the budget's lines, commitments and payments, some settling. */
const entriesArb = (budget: Budget): fc.Arbitrary<ReadonlyArray<LedgerEntry>> =>
  fc
    .array(
      fc.record({
        line: fc.integer({ min: 0, max: budget.lines.length - 1 }),
        kind: fc.constantFrom("payment" as const, "commitment" as const),
        amount: fc.integer({ min: 1, max: 50_000_000 }),
        on: dayIn(budget.year),
        region: fc.option(fc.constantFrom("5301", "530102", "530103"), { nil: undefined })
      }),
      { maxLength: 40 }
    )
    .map((raw) => {
      const out: Array<LedgerEntry> = []
      raw.forEach((x, i) => {
        const e: LedgerEntry = {
          key: `e${i}`,
          budgetId: budget.id,
          lineId: budget.lines[x.line]!.id,
          kind: x.kind,
          amount: Money.fenUnsafe(x.amount),
          on: x.on,
          source: { kind: "manual" },
          ...(x.region === undefined ? {} : { region: Region.makeUnsafe(x.region) })
        }
        out.push(e)
        // Every third commitment is settled in part by a later payment.
        if (x.kind === "commitment" && i % 3 === 0) {
          out.push({ ...e, key: `s${i}`, kind: "payment", amount: Money.fenUnsafe(Math.max(1, Math.floor(x.amount / 2))), settles: e.key })
        }
      })
      return out
    })

const asOfArb = (year: number) => fc.oneof(dayIn(year), fc.constantFrom(`${year - 1}-12-31`, `${year}-12-31`, `${year + 1}-02-01`).map(CalendarDate.makeUnsafe))

const budgetWithEntries = budgetArb.chain((budget) => fc.tuple(fc.constant(budget), entriesArb(budget), asOfArb(budget.year)))

const sumWhere = (entries: ReadonlyArray<LedgerEntry>, p: (e: LedgerEntry) => boolean) => entries.filter(p).reduce((s, e) => s + e.amount, 0)

// ---------------------------------------------------------------------------------------------

describe("budget properties: the schedule", () => {
  it("planned is within 0 and the amount, non-decreasing in time, the whole amount at the year's end; a step never exceeds a line", () => {
    fc.assert(
      fc.property(budgetArb, fc.array(fc.integer({ min: -10, max: 380 }), { minLength: 2, maxLength: 8 }), (budget, offsets) => {
        const start = CalendarDate.makeUnsafe(`${budget.year}-01-01`)
        const dates = [...offsets].sort((a, b) => a - b).map((n) => CalendarDate.addDays(start, n))
        for (const line of budget.lines) {
          let previous = -1
          for (const date of dates) {
            const planned = plannedBy(line, budget.year, date)
            expect(planned).toBeGreaterThanOrEqual(0)
            expect(planned).toBeLessThanOrEqual(line.amount)
            expect(planned).toBeGreaterThanOrEqual(previous)
            expect(plannedBy(line, budget.year, date, "step", "floor")).toBeLessThanOrEqual(plannedBy(line, budget.year, date, "linear", "floor"))
            previous = planned
          }
          expect(plannedBy(line, budget.year, CalendarDate.makeUnsafe(`${budget.year}-12-31`))).toBe(line.amount)
        }
      })
    )
  })
})

describe("budget properties: execution", () => {
  it("totals equal the sums of the entries, and the overall figures the sums of the lines", () => {
    fc.assert(
      fc.property(budgetWithEntries, ([budget, entries, asOf]) => {
        const totals = totalsOf(budget, entries, asOf)
        for (const t of totals.lines) {
          const mine = (e: LedgerEntry) => e.lineId === t.lineId && e.on <= asOf
          expect(t.payments).toBe(sumWhere(entries, (e) => mine(e) && e.kind === "payment"))
          expect(t.commitments).toBe(sumWhere(entries, (e) => mine(e) && e.kind === "commitment"))
          expect(t.settled).toBe(sumWhere(entries, (e) => mine(e) && e.settles !== undefined))
          expect(t.entries).toBe(entries.filter(mine).length)
        }
        const report = execution(budget, entries, asOf)
        expect(report.overall.paid).toBe(sumWhere(entries, (e) => e.on <= asOf && e.kind === "payment"))
        expect(report.overall.planned).toBe(report.lines.reduce((s, l) => s + l.planned, 0))
        expect(report.overall.committed).toBe(report.lines.reduce((s, l) => s + l.committed, 0))
        for (const l of [...report.lines, report.overall]) {
          expect(l.variance).toBe(l.paid - l.planned)
          expect(l.committed).toBeGreaterThanOrEqual(0)
          expect(Ratio.compare(l.executionRate, Ratio.makeUnsafe(l.paid, l.budget))).toBe(0)
        }
      })
    )
  })

  it("the report does not depend on the order of the entries, and is the same from totals", () => {
    fc.assert(
      fc.property(
        budgetWithEntries.chain(([b, es, asOf]) => fc.tuple(fc.constant(b), fc.constant(es), fc.constant(asOf), fc.shuffledSubarray([...es], { minLength: es.length, maxLength: es.length }))),
        ([budget, entries, asOf, shuffled]) => {
          const report = execution(budget, entries, asOf)
          expect(execution(budget, shuffled, asOf)).toEqual(report)
          expect(execution(budget, totalsOf(budget, shuffled, asOf), asOf)).toEqual(report)
        }
      )
    )
  })

  it("warns exactly when behind by the threshold with time left, with consistent figures", () => {
    fc.assert(
      fc.property(budgetWithEntries, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 60 }), ([budget, entries, asOf], tenths, marginDays) => {
        const behindBy = Ratio.makeUnsafe(tenths, 10)
        const report = execution(budget, entries, asOf, { behindBy, marginDays })
        const daysLeft = CalendarDate.diffDays(asOf, CalendarDate.makeUnsafe(`${budget.year}-12-31`))
        const expected = [{ id: undefined as string | undefined, f: report.overall }, ...report.lines.map((l) => ({ id: l.lineId as string | undefined, f: l }))]
          .filter(({ f }) => daysLeft > marginDays && f.planned - f.paid > 0 && (f.planned - f.paid) * 10 >= tenths * f.planned)
          .map(({ id }) => id)
        expect(report.warnings.map((w) => w.lineId)).toEqual(expected)
        for (const w of report.warnings) {
          expect(w.gap).toBe(w.planned - w.paid)
          expect(w.daysLeft).toBe(daysLeft)
          // Keeping the pace spends what remains by the year's end.
          expect(w.neededPerMonth * ((12 * w.daysLeft) / (CalendarDate.isLeapYear(budget.year) ? 366 : 365))).toBeGreaterThanOrEqual(w.remaining - 1e-6)
        }
      })
    )
  })
})

describe("budget properties: the ledger store", () => {
  it("replaying the same payments twice changes nothing, in any order", async () => {
    await fc.assert(
      fc.asyncProperty(
        budgetArb.chain((b) => fc.tuple(fc.constant(b), entriesArb(b))).chain(([b, es]) => fc.tuple(fc.constant(b), fc.constant(es), fc.shuffledSubarray([...es]))),
        async ([budget, entries, replay]) => {
          const store = makeMemoryLedgerStore()
          await run(store.putBudget(budget))
          const first = Result.getOrThrow(await run(store.append(entries)))
          expect(first.recorded).toHaveLength(entries.length)
          const scope = Region.makeUnsafe("53")
          const asOf = CalendarDate.makeUnsafe(`${budget.year}-12-31`)
          const listed = Result.getOrThrow(await run(store.listEntries(scope, budget.id)))
          const totals = Result.getOrThrow(await run(store.totals(scope, budget.id, asOf)))
          const again = Result.getOrThrow(await run(store.append([...replay].reverse())))
          expect(again.recorded).toEqual([])
          expect(again.duplicates).toHaveLength(replay.length)
          expect(Result.getOrThrow(await run(store.listEntries(scope, budget.id)))).toEqual(listed)
          expect(Result.getOrThrow(await run(store.totals(scope, budget.id, asOf)))).toEqual(totals)
        }
      ),
      { numRuns: 100 }
    )
  })

  describe("on SQLite", () => {
    let adapter: Promise<Opened> | undefined
    afterAll(async () => {
      if (adapter !== undefined) await (await adapter).close()
    })
    it("the report from SQL totals equals the report from the entries", async () => {
      adapter ??= openSqlite({ path: ":memory:" })
      const a = await adapter
      await fc.assert(
        fc.asyncProperty(budgetWithEntries, async ([budget, entries, asOf]) => {
          await sql`delete from fayuan_ledger_entries where region >= '0'`.execute(a.db)
          await sql`delete from fayuan_budget_lines where region >= '0'`.execute(a.db)
          await sql`delete from fayuan_budgets where region >= '0'`.execute(a.db)
          const store = a.ledgerStore
          expect(Result.isSuccess(await run(store.putBudget(budget)))).toBe(true)
          expect(Result.isSuccess(await run(store.append(entries)))).toBe(true)
          const totals = Result.getOrThrow(await run(store.totals(Region.makeUnsafe("5301"), budget.id, asOf)))
          expect(totals).toEqual(totalsOf(budget, entries, asOf))
          expect(execution(budget, totals, asOf)).toEqual(execution(budget, entries, asOf))
        }),
        { numRuns: 60 }
      )
    })
  })
})

describe("budget properties: subsidies into the ledger", () => {
  const payablesArb = (budget: Budget): fc.Arbitrary<ReadonlyArray<Payable>> =>
    fc.uniqueArray(
      fc.record({
        n: fc.integer({ min: 0, max: 10_000 }),
        shift: fc.boolean(),
        county: fc.constantFrom("530102", "530103", "530111"),
        on: dayIn(budget.year),
        amount: fc.integer({ min: 0, max: 500_000 }),
        lawyer: fc.option(fc.constantFrom("L1", "L2"), { nil: undefined })
      }),
      { selector: (p) => `${p.shift}|${p.n}`, maxLength: 30 }
    ).map((raw) =>
      raw.map((p): Payable => {
        const region = Region.makeUnsafe(p.county)
        const base = p.shift
          ? { key: `shift:${p.county}:${p.on}:court:am:${p.n}`, source: { kind: "duty-shift" as const, date: p.on, siteId: "court", slot: "am", seat: p.n }, category: "duty-subsidy" as const }
          : { key: `case:${p.county}:C-${p.n}`, source: { kind: "case" as const, caseId: `C-${p.n}` }, category: "case-subsidy" as const }
        return { ...base, region, on: p.on, amount: Money.fenUnsafe(p.amount), ...(p.lawyer === undefined ? {} : { lawyerId: p.lawyer }) }
      })
    )
  const subsidyBudget = (year: number) =>
    makeBudgetUnsafe({
      id: `S-${year}`,
      region: "5301",
      year,
      title: "subsidies",
      lines: [
        { id: "cases", name: "Cases", category: "case-subsidy", amount: 100_000_000, schedule: [{ by: `${year}-12-31`, share: "1" }] },
        { id: "duty", name: "Duty", category: "duty-subsidy", amount: 10_000_000, schedule: [{ by: `${year}-12-31`, share: "1" }] }
      ]
    })

  it("entries from payables, recorded and read back, reconcile with them; dropping or changing one shows", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(2018, 2020).chain((year) => {
          const budget = subsidyBudget(year)
          return fc.tuple(fc.constant(budget), payablesArb(budget), fc.nat())
        }),
        async ([budget, payables, pick]) => {
          const entries = Result.getOrThrow(entriesFromPayables(budget, payables))
          expect(entries).toHaveLength(payables.filter((p) => p.amount > 0).length)
          expect(reconcile(entries, payables).balanced).toBe(true)
          expect(reconcile([...entries].reverse(), [...payables].reverse())).toEqual(reconcile(entries, payables))
          const store = makeMemoryLedgerStore()
          await run(store.putBudget(budget))
          Result.getOrThrow(await run(store.append(entries)))
          const stored = Result.getOrThrow(await run(store.listEntries(Region.makeUnsafe("5301"), budget.id)))
          expect(reconcile(stored, payables).balanced).toBe(true)
          if (entries.length > 0) {
            const i = pick % entries.length
            const dropped = reconcile(entries.filter((_, j) => j !== i), payables)
            expect(dropped.missing.map((p) => p.key)).toEqual([entries[i]!.key])
            const changed = reconcile(entries.map((e, j) => (j === i ? { ...e, amount: Money.fenUnsafe(e.amount + 1) } : e)), payables)
            expect(changed.mismatched.map((m) => [m.key, m.fields])).toEqual([[entries[i]!.key, ["amount"]]])
          }
        }
      ),
      { numRuns: 100 }
    )
  })
})

describe("recordedTotalProblem", () => {
  it("refuses a batch exactly when a budget's recorded total would pass 2^53 − 1, naming an entry of that budget, whatever the order of the batch", () => {
    const budgetIds = ["A", "B", "C"] as const
    const batch = fc.array(
      fc.record({ budgetId: fc.constantFrom(...budgetIds), amount: fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.constant(maxEntryFen)) }),
      { maxLength: 40 }
    )
    // Recorded totals from empty to a hair under the limit.
    const start = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: Number.MAX_SAFE_INTEGER - 3 * maxEntryFen, max: Number.MAX_SAFE_INTEGER }))
    fc.assert(
      fc.property(batch, fc.record({ A: start, B: start, C: start }), fc.nat(), (items, recorded, shuffle) => {
        const entries = items.map((x, i) => ({ ...entry(`k${String(i).padStart(3, "0")}`, "cases", "payment", x.amount, "2018-02-01"), budgetId: x.budgetId }))
        const rotated = [...entries.slice(shuffle % Math.max(1, entries.length)), ...entries.slice(0, shuffle % Math.max(1, entries.length))]
        const over = new Set(budgetIds.filter((b) => recorded[b] + entries.filter((e) => e.budgetId === b).reduce((s, e) => s + e.amount, 0) > Number.MAX_SAFE_INTEGER))
        const problem = recordedTotalProblem(rotated, (b) => recorded[b as (typeof budgetIds)[number]])
        expect(problem === undefined).toBe(over.size === 0)
        if (problem !== undefined) {
          expect(problem).toMatchObject({ _tag: "InvalidEntry", field: "amount" })
          expect(over.has(entries.find((e) => e.key === problem.key)!.budgetId as (typeof budgetIds)[number])).toBe(true)
          // The same answer for the batch in any order.
          expect(recordedTotalProblem(entries, (b) => recorded[b as (typeof budgetIds)[number]])).toEqual(problem)
        }
      })
    )
  })
})
