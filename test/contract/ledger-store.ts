/**
 * The contract every LedgerStore adapter must keep. The in-memory adapter is the model; each SQL
 * adapter runs this same suite (see test/ledger.*.test.ts).
 */
import { Effect, Result } from "effect"
import fc from "fast-check"
import { sql } from "kysely"
import { describe, expect, it } from "vitest"
import { sharedAdapter } from "../support/sql-subject.ts"
import type { Opened, OpenOptions } from "../../adapters/kysely/open.ts"
import type { Budget, LedgerEntry, LedgerStoreShape } from "../../src/budget/index.ts"
import { execution, fingerprint, makeBudgetUnsafe, maxEntryFen, totalsOf } from "../../src/budget/index.ts"
import { entry } from "../support/budget.ts"
import * as CalendarDate from "../../src/CalendarDate.ts"
import * as Money from "../../src/Money.ts"
import * as Region from "../../src/Region.ts"

/** A ledger store under test, and ways to corrupt what it holds. */
export interface LedgerSubject {
  readonly store: LedgerStoreShape
  readonly corruptBudget?: (budgetId: string) => Promise<void> | void
  readonly corruptEntry?: (budgetId: string, key: string) => Promise<void> | void
  /** The SQL run so far, for the region-filter audit (SQL adapters). */
  readonly queries?: () => ReadonlyArray<string>
  readonly close?: () => Promise<void> | void
}

/** One SQL adapter per test file, its ledger tables emptied before each use. */
export const sharedLedgerSubject = (open: (options: OpenOptions) => Promise<Opened>): (() => Promise<LedgerSubject>) => {
  const shared = sharedAdapter(open, ["fayuan_ledger_entries", "fayuan_budget_lines", "fayuan_budgets"])
  return async () => {
    const a = await shared.use()
    return {
      store: a.ledgerStore,
      queries: shared.queries,
      corruptBudget: async (budgetId) => {
        await sql`update fayuan_budgets set data = ${'{"schemaVersion":1,"id":'} where region >= '0' and budget_id = ${budgetId}`.execute(a.db)
      },
      corruptEntry: async (budgetId, key) => {
        await sql`update fayuan_ledger_entries set on_date = ${"2018-02-30"} where region >= '0' and budget_id = ${budgetId} and entry_key = ${key}`.execute(a.db)
      }
    }
  }
}

const run = <A, E>(e: Effect.Effect<A, E>): Promise<Result.Result<A, E>> => Effect.runPromise(Effect.result(e))
const d = CalendarDate.makeUnsafe
const r = Region.makeUnsafe
const fen = Money.fenUnsafe

const quarterly = [
  { by: "2018-03-31", share: "0.25" },
  { by: "2018-06-30", share: "0.5" },
  { by: "2018-09-30", share: "0.75" },
  { by: "2018-12-31", share: "1" }
]

export const panlongBudget: Budget = makeBudgetUnsafe({
  id: "PL-2018",
  region: "530103",
  year: 2018,
  title: "Panlong 2018",
  lines: [
    { id: "cases", name: "Case subsidies", category: "case-subsidy", amount: 1_200_000, schedule: quarterly },
    { id: "duty", name: "Duty subsidies", category: "duty-subsidy", amount: 365_000, schedule: [{ by: "2018-12-31", share: "1" }] },
    { id: "pub", name: "Publicity", category: "publicity", amount: 100_000, schedule: [{ by: "2018-06-30", share: "0.8" }, { by: "2018-12-31", share: "1" }] }
  ]
})

export const yuxiBudget: Budget = makeBudgetUnsafe({
  id: "YX-2018",
  region: "5304",
  year: 2018,
  title: "Yuxi 2018",
  lines: [
    { id: "x", name: "Grants", category: "grants", amount: 360_000, schedule: quarterly },
    { id: "y", name: "Training", category: "training", amount: 50_000, schedule: [{ by: "2018-12-31", share: "1" }] }
  ]
})


const sample: ReadonlyArray<LedgerEntry> = [
  entry("case:530103:C-0001", "cases", "payment", 120_000, "2018-03-15", { source: { kind: "case", caseId: "C-0001" }, region: r("530103"), lawyerId: "L1" }),
  entry("shift:530103:2018-05-18:court:am:0", "duty", "payment", 10_000, "2018-05-18", {
    source: { kind: "duty-shift", date: d("2018-05-18"), siteId: "court", slot: "am", seat: 0 },
    region: r("530103")
  }),
  entry("pub-c1", "pub", "commitment", 60_000, "2018-04-01", { source: { kind: "manual", ref: "contract 7" }, memo: "handbooks" }),
  entry("pub-p1", "pub", "payment", 30_000, "2018-05-01", { settles: "pub-c1" }),
  entry("pub-p2", "pub", "payment", 40_000, "2018-07-01")
]

const keysOf = (es: ReadonlyArray<LedgerEntry>) => es.map((e) => e.key)

export const ledgerStoreContract = (name: string, make: () => Promise<LedgerSubject> | LedgerSubject): void => {
  describe(`LedgerStore contract: ${name}`, () => {
    const withBudgets = async () => {
      const subject = await make()
      expect(await run(subject.store.putBudget(panlongBudget))).toEqual(Result.succeed(undefined))
      expect(await run(subject.store.putBudget(yuxiBudget))).toEqual(Result.succeed(undefined))
      return subject
    }

    it("saves budgets and reads them back inside their scope only", async () => {
      const { store, close } = await withBudgets()
      expect(await run(store.getBudget(r("5301"), "PL-2018"))).toEqual(Result.succeed(panlongBudget))
      expect(await run(store.getBudget(Region.national, "PL-2018"))).toEqual(Result.succeed(panlongBudget))
      const outside = await run(store.getBudget(r("530102"), "PL-2018"))
      expect(Result.isFailure(outside) && outside.failure).toMatchObject({ _tag: "BudgetNotFound", budgetId: "PL-2018" })
      expect(await run(store.listBudgets(r("53")))).toEqual(
        Result.succeed([
          { budgetId: "PL-2018", region: "530103", year: 2018 },
          { budgetId: "YX-2018", region: "5304", year: 2018 }
        ])
      )
      expect(await run(store.listBudgets(r("5304")))).toEqual(Result.succeed([{ budgetId: "YX-2018", region: "5304", year: 2018 }]))
      const listOutside = await run(store.listEntries(r("5304"), "PL-2018"))
      expect(Result.isFailure(listOutside) && listOutside.failure._tag).toBe("BudgetNotFound")
      const totalsOutside = await run(store.totals(r("5304"), "PL-2018", d("2018-12-31")))
      expect(Result.isFailure(totalsOutside) && totalsOutside.failure._tag).toBe("BudgetNotFound")
      await close?.()
    })

    it("replaces a budget, but never so as to strand its entries", async () => {
      const { store, close } = await withBudgets()
      const renamed = { ...panlongBudget, title: "renamed", lines: panlongBudget.lines.slice(0, 2) }
      expect(await run(store.putBudget(renamed))).toEqual(Result.succeed(undefined))
      expect(await run(store.getBudget(r("53"), "PL-2018"))).toEqual(Result.succeed(renamed))
      expect(await run(store.putBudget(panlongBudget))).toEqual(Result.succeed(undefined))
      expect(Result.isSuccess(await run(store.append(sample)))).toBe(true)
      const conflicts = [
        { ...panlongBudget, region: r("5304") },
        { ...panlongBudget, year: 2019 },
        { ...panlongBudget, lines: panlongBudget.lines.slice(0, 2) }
      ]
      for (const b of conflicts) {
        const res = await run(store.putBudget(b))
        expect(Result.isFailure(res) && res.failure._tag).toBe("BudgetConflict")
      }
      expect(await run(store.getBudget(r("53"), "PL-2018"))).toEqual(Result.succeed(panlongBudget))
      const more = { ...panlongBudget, lines: [...panlongBudget.lines, { ...panlongBudget.lines[2]!, id: "pub-2" }] }
      expect(await run(store.putBudget(more))).toEqual(Result.succeed(undefined))
      await close?.()
    })

    it("records entries once: a replay is all duplicates and changes nothing", async () => {
      const { store, close } = await withBudgets()
      const first = Result.getOrThrow(await run(store.append(sample)))
      expect(first.recorded.map((x) => x.key)).toEqual([...keysOf(sample)].sort())
      expect(first.duplicates).toEqual([])
      const listed = Result.getOrThrow(await run(store.listEntries(r("53"), "PL-2018")))
      expect(listed).toEqual([...sample].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.key < b.key ? -1 : 1)))
      const again = Result.getOrThrow(await run(store.append([...sample].reverse())))
      expect(again.recorded).toEqual([])
      expect(again.duplicates.map((x) => x.key)).toEqual([...keysOf(sample)].sort())
      expect(Result.getOrThrow(await run(store.listEntries(r("53"), "PL-2018")))).toEqual(listed)
      const ranged = Result.getOrThrow(await run(store.listEntries(r("530103"), "PL-2018", { from: d("2018-04-01"), to: d("2018-05-18") })))
      expect(keysOf(ranged)).toEqual(["pub-c1", "pub-p1", "shift:530103:2018-05-18:court:am:0"])
      expect(Result.getOrThrow(await run(store.append([])))).toEqual({ recorded: [], duplicates: [] })
      await close?.()
    })

    it("refuses a key reused with other content and stores nothing of the batch", async () => {
      const { store, close } = await withBudgets()
      await run(store.append(sample.slice(0, 2)))
      const changed = { ...sample[0]!, memo: "corrected" }
      const res = await run(store.append([entry("fresh", "duty", "payment", 1, "2018-02-01"), changed]))
      expect(Result.isFailure(res) && res.failure).toMatchObject({ _tag: "IdempotencyConflict", budgetId: "PL-2018", key: sample[0]!.key })
      const inBatch = await run(store.append([entry("twice", "duty", "payment", 1, "2018-02-01"), entry("twice", "duty", "payment", 1, "2018-02-02")]))
      expect(Result.isFailure(inBatch) && inBatch.failure._tag).toBe("IdempotencyConflict")
      expect(keysOf(Result.getOrThrow(await run(store.listEntries(r("53"), "PL-2018"))))).toEqual(keysOf(sample.slice(0, 2)))
      // The same key in another budget is another entry.
      const other = { ...sample[0]!, budgetId: "YX-2018", lineId: "x", region: r("5304") }
      expect(Result.isSuccess(await run(store.append([other])))).toBe(true)
      await close?.()
    })

    it("refuses bad entries with typed errors and stores nothing", async () => {
      const { store, close } = await withBudgets()
      const bad: ReadonlyArray<[LedgerEntry, string]> = [
        [{ ...entry("a", "cases", "payment", 1, "2018-02-01"), budgetId: "nope" }, "BudgetNotFound"],
        [entry("a", "nope", "payment", 1, "2018-02-01"), "UnknownLine"],
        [entry("a", "cases", "payment", 1, "2017-12-31"), "InvalidEntry"],
        [entry("a", "cases", "payment", 1, "2018-02-01", { region: r("5304") }), "InvalidEntry"],
        [entry("a", "cases", "payment", -5, "2018-02-01"), "InvalidEntry"],
        [{ ...entry("a", "cases", "payment", 1, "2018-02-01"), kind: "refund" } as unknown as LedgerEntry, "InvalidEntry"],
        [entry("a", "pub", "payment", 1, "2018-02-01", { settles: "nothing" }), "InvalidEntry"]
      ]
      for (const [e, tag] of bad) {
        const res = await run(store.append([entry("good", "duty", "payment", 1, "2018-02-01"), e]))
        expect(Result.isFailure(res) && res.failure._tag, `${tag} ${JSON.stringify(e)}`).toBe(tag)
      }
      expect(Result.getOrThrow(await run(store.listEntries(r("53"), "PL-2018")))).toEqual([])
      await close?.()
    })

    it("keeps a budget's recorded total inside the exact integers: the entry that would leave them is refused, nothing of its batch is stored, and the sums stay readable", async () => {
      const { store, close } = await withBudgets()
      // 900 entries of the largest amount: 9 × 10^15 fen, just inside 2^53 − 1.
      const big = Array.from({ length: 900 }, (_, i) => entry(`big-${String(i).padStart(3, "0")}`, "cases", i % 2 === 0 ? "payment" : "commitment", maxEntryFen, "2018-03-01"))
      expect(Result.isSuccess(await run(store.append(big)))).toBe(true)
      const before = Result.getOrThrow(await run(store.totals(r("53"), "PL-2018", d("2018-12-31"))))
      // A budget changed in between keeps the total of what is recorded on it.
      expect(await run(store.putBudget({ ...panlongBudget, title: "renamed" }))).toEqual(Result.succeed(undefined))
      const over = await run(store.append([entry("small", "duty", "payment", 1, "2018-03-02"), entry("one-more", "cases", "payment", maxEntryFen, "2018-03-02")]))
      expect(Result.isFailure(over) && over.failure).toMatchObject({ _tag: "InvalidEntry", field: "amount" })
      expect(Result.getOrThrow(await run(store.totals(r("53"), "PL-2018", d("2018-12-31"))))).toEqual(before)
      // Another budget has its own total.
      expect(Result.isSuccess(await run(store.append([{ ...entry("yx", "x", "payment", maxEntryFen, "2018-03-02"), budgetId: "YX-2018" }])))).toBe(true)
      await close?.()
    })

    it("settles commitments, never beyond what was committed", async () => {
      const { store, close } = await withBudgets()
      await run(store.append(sample))
      const over = await run(store.append([entry("pub-p3", "pub", "payment", 30_001, "2018-08-01", { settles: "pub-c1" })]))
      expect(Result.isFailure(over) && over.failure).toMatchObject({ _tag: "InvalidEntry", key: "pub-p3", field: "settles" })
      // Two payments in one batch that together exceed it.
      const split = await run(
        store.append([entry("pub-p3", "pub", "payment", 20_000, "2018-08-01", { settles: "pub-c1" }), entry("pub-p4", "pub", "payment", 20_000, "2018-08-02", { settles: "pub-c1" })])
      )
      expect(Result.isFailure(split) && split.failure._tag).toBe("InvalidEntry")
      // A commitment and its settlement in one batch.
      const both = await run(store.append([entry("pub-p5", "pub", "payment", 500, "2018-09-02", { settles: "pub-c2" }), entry("pub-c2", "pub", "commitment", 500, "2018-09-01")]))
      expect(Result.isSuccess(both)).toBe(true)
      const totals = Result.getOrThrow(await run(store.totals(r("53"), "PL-2018", d("2018-12-31"))))
      expect(totals.lines.find((l) => l.lineId === "pub")).toEqual({ lineId: "pub", payments: 70_500, commitments: 60_500, settled: 30_500, entries: 5 })
      const report = execution(panlongBudget, totals, d("2018-12-31"))
      expect(report.lines.find((l) => l.lineId === "pub")!.committed).toBe(30_000)
      await close?.()
    })

    it("sums per line up to a date exactly as the entries say, and the report is the same from either", async () => {
      const { store, close } = await withBudgets()
      await run(store.append(sample))
      const entries = Result.getOrThrow(await run(store.listEntries(r("53"), "PL-2018")))
      for (const asOf of ["2017-12-31", "2018-03-15", "2018-05-18", "2018-06-30", "2018-12-31", "2019-03-01"].map(d)) {
        const totals = Result.getOrThrow(await run(store.totals(r("5301"), "PL-2018", asOf)))
        expect(totals).toEqual(totalsOf(panlongBudget, entries, asOf))
        expect(execution(panlongBudget, totals, asOf)).toEqual(execution(panlongBudget, entries, asOf))
      }
      const empty = Result.getOrThrow(await run(store.totals(r("53"), "YX-2018", d("2018-12-31"))))
      expect(empty.lines).toEqual([
        { lineId: "x", payments: 0, commitments: 0, settled: 0, entries: 0 },
        { lineId: "y", payments: 0, commitments: 0, settled: 0, entries: 0 }
      ])
      await close?.()
    })

    it("concurrent batches with one key: one is recorded, the others are duplicates or conflicts", async () => {
      const { store, close } = await withBudgets()
      const variants = [1, 1, 2, 3, 1].map((amount, i) => [entry("race", "duty", "payment", amount, "2018-03-01"), entry(`own-${i}`, "duty", "payment", 5, "2018-03-01")])
      const results = await Promise.all(variants.map((batch) => run(store.append(batch))))
      const stored = Result.getOrThrow(await run(store.listEntries(r("53"), "PL-2018")))
      const race = stored.find((e) => e.key === "race")!
      results.forEach((res, i) => {
        const mine = variants[i]![0]!
        if (mine.amount === race.amount) expect(Result.isSuccess(res)).toBe(true)
        else expect(Result.isFailure(res) && res.failure._tag).toBe("IdempotencyConflict")
      })
      expect(results.filter((x) => Result.isSuccess(x) && x.success.recorded.some((k) => k.key === "race"))).toHaveLength(1)
      expect(stored.filter((e) => e.key.startsWith("own-")).length).toBe(results.filter(Result.isSuccess).length)
      await close?.()
    })

    it("reports a stored budget or entry that no longer decodes", async () => {
      const subject = await withBudgets()
      const { store } = subject
      await run(store.append(sample))
      if (subject.corruptEntry !== undefined) {
        await subject.corruptEntry("PL-2018", "pub-p2")
        const res = await run(store.listEntries(r("53"), "PL-2018"))
        expect(Result.isFailure(res) && res.failure).toMatchObject({ _tag: "CorruptRecord", store: "ledger", key: "PL-2018/pub-p2" })
      }
      if (subject.corruptBudget !== undefined) {
        await subject.corruptBudget("PL-2018")
        const res = await run(store.getBudget(r("53"), "PL-2018"))
        expect(Result.isFailure(res) && res.failure).toMatchObject({ _tag: "CorruptRecord", store: "budgets", key: "PL-2018" })
        const rec = await run(store.append([entry("z", "duty", "payment", 1, "2018-02-01")]))
        expect(Result.isFailure(rec) && rec.failure._tag).toBe("StoreError")
        // The other budget still works.
        expect(await run(store.getBudget(r("53"), "YX-2018"))).toEqual(Result.succeed(yuxiBudget))
      }
      await subject.close?.()
    })

    it("behaves like a plain model under any sequence of records, listings and totals (fc.commands)", async () => {
      type Model = Map<string, LedgerEntry> // by budget + key
      interface Real {
        readonly store: LedgerStoreShape
      }
      const budgets = new Map([panlongBudget, yuxiBudget].map((b) => [b.id, b]))
      const mk = (k: string) => k

      class Record implements fc.AsyncCommand<Model, Real> {
        readonly batch: ReadonlyArray<LedgerEntry>
        constructor(batch: ReadonlyArray<LedgerEntry>) {
          this.batch = batch
        }
        check = () => true
        async run(model: Model, real: Real) {
          const before = new Map(model)
          const res = await run(real.store.append(this.batch))
          // The model's rules, written plainly.
          const errors = new Set<string>()
          const seen = new Map<string, LedgerEntry>()
          const fresh: Array<string> = []
          const dups: Array<string> = []
          for (const e of this.batch) {
            const b = budgets.get(e.budgetId)
            if (b === undefined) {
              errors.add("BudgetNotFound")
              continue
            }
            const k = `${e.budgetId}|${mk(e.key)}`
            const prior = seen.get(k) ?? model.get(k)
            if (prior !== undefined) {
              if (fingerprint(prior) !== fingerprint(e)) errors.add("IdempotencyConflict")
              else dups.push(k)
              continue
            }
            seen.set(k, e)
            fresh.push(k)
            if (!b.lines.some((l) => l.id === e.lineId)) errors.add("UnknownLine")
            if (CalendarDate.year(e.on) !== b.year) errors.add("InvalidEntry")
          }
          if (errors.size > 0) {
            expect(Result.isFailure(res) && [...errors]).toContain(Result.isFailure(res) ? res.failure._tag : "none")
            expect(model).toEqual(before)
            return
          }
          expect(Result.isSuccess(res)).toBe(true)
          const outcome = Result.getOrThrow(res)
          expect(outcome.recorded.map((x) => `${x.budgetId}|${x.key}`)).toEqual([...fresh].sort())
          expect(outcome.duplicates.map((x) => `${x.budgetId}|${x.key}`)).toEqual([...dups].sort())
          for (const k of fresh) model.set(k, seen.get(k)!)
        }
        toString = () => `record(${this.batch.map((e) => `${e.budgetId}/${e.key}/${e.lineId}/${e.amount}/${e.on}`).join(", ")})`
      }
      class List implements fc.AsyncCommand<Model, Real> {
        readonly scope: string
        readonly budgetId: string
        readonly from: string | undefined
        constructor(scope: string, budgetId: string, from: string | undefined) {
          this.scope = scope
          this.budgetId = budgetId
          this.from = from
        }
        check = () => true
        async run(model: Model, real: Real) {
          const res = await run(real.store.listEntries(r(this.scope), this.budgetId, this.from === undefined ? {} : { from: d(this.from) }))
          const b = budgets.get(this.budgetId)!
          if (!Region.contains(r(this.scope), b.region)) {
            expect(Result.isFailure(res) && res.failure._tag).toBe("BudgetNotFound")
            return
          }
          const expected = [...model.values()]
            .filter((e) => e.budgetId === this.budgetId && (this.from === undefined || e.on >= this.from))
            .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
          expect(res).toEqual(Result.succeed(expected))
        }
        toString = () => `list(${this.scope}, ${this.budgetId}, ${this.from})`
      }
      class Totals implements fc.AsyncCommand<Model, Real> {
        readonly scope: string
        readonly budgetId: string
        readonly asOf: string
        constructor(scope: string, budgetId: string, asOf: string) {
          this.scope = scope
          this.budgetId = budgetId
          this.asOf = asOf
        }
        check = () => true
        async run(model: Model, real: Real) {
          const res = await run(real.store.totals(r(this.scope), this.budgetId, d(this.asOf)))
          const b = budgets.get(this.budgetId)!
          if (!Region.contains(r(this.scope), b.region)) {
            expect(Result.isFailure(res) && res.failure._tag).toBe("BudgetNotFound")
            return
          }
          expect(res).toEqual(Result.succeed(totalsOf(b, [...model.values()], d(this.asOf))))
        }
        toString = () => `totals(${this.scope}, ${this.budgetId}, ${this.asOf})`
      }

      const date = fc.constantFrom("2017-12-31", "2018-01-01", "2018-03-31", "2018-06-30", "2018-11-15", "2018-12-31", "2019-01-01")
      const anEntry = fc
        .record({
          budgetId: fc.constantFrom("PL-2018", "PL-2018", "YX-2018", "nope"),
          key: fc.constantFrom("k0", "k1", "k2", "k3", "k4", "k5"),
          lineId: fc.constantFrom("cases", "duty", "x", "y", "z"),
          kind: fc.constantFrom("payment" as const, "commitment" as const),
          amount: fc.constantFrom(1, 100, 12_345),
          on: date,
          memo: fc.option(fc.constantFrom("a", "b"), { nil: undefined })
        })
        .map(({ memo, ...e }): LedgerEntry => {
          const base: LedgerEntry = { ...e, amount: fen(e.amount), on: d(e.on), source: { kind: "case", caseId: `C-${e.key}` } }
          return memo === undefined ? base : { ...base, memo }
        })
      const scope = fc.constantFrom("530103", "5301", "53", "5304", "000000")
      const budgetId = fc.constantFrom("PL-2018", "YX-2018")
      const commands = [
        fc.array(anEntry, { minLength: 1, maxLength: 5 }).map((batch) => new Record(batch)),
        fc.tuple(scope, budgetId, fc.option(date, { nil: undefined })).map(([s, b, f]) => new List(s, b, f)),
        fc.tuple(scope, budgetId, date).map(([s, b, a]) => new Totals(s, b, a))
      ]
      await fc.assert(
        fc.asyncProperty(fc.commands(commands, { size: "+1" }), async (cmds) => {
          const { store, close } = await withBudgets()
          await fc.asyncModelRun(() => ({ model: new Map() as Model, real: { store } }), cmds)
          await close?.()
        }),
        { numRuns: 30 }
      )
    })

    it("every query on a ledger table carries the region filter", async () => {
      const subject = await withBudgets()
      const queries = subject.queries?.()
      if (queries === undefined) return
      await run(subject.store.append(sample))
      await run(subject.store.listEntries(r("53"), "PL-2018"))
      await run(subject.store.totals(r("53"), "PL-2018", d("2018-06-30")))
      const ledgerQueries = queries.filter((q) => /fayuan_(budgets|budget_lines|ledger_entries)/.test(q) && /^\s*(select|update|delete)/i.test(q))
      expect(ledgerQueries.length).toBeGreaterThan(5)
      const unfiltered = ledgerQueries.filter((q) => !/\bregion["`]?\s*(=|>=|in \()/.test(q))
      expect(unfiltered).toEqual([])
      await subject.close?.()
    })
  })
}
