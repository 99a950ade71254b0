/**
 * The in-memory `LedgerStore`: the reference model the SQL adapters must match. Budgets and
 * entries are kept as the JSON a database would hold and decoded on every read; a batch is checked
 * by the same pure `planRecord` the SQL adapters use.
 *
 * @since 0.1.0
 */
import { Effect, Layer, Result } from "effect"
import type { Budget } from "../../src/budget/Budget.ts"
import { decodeBudgetJson, encodeBudgetJson } from "../../src/budget/Budget.ts"
import type { LedgerEntry, RecordError, RecordOutcome } from "../../src/budget/Ledger.ts"
import { BudgetNotFound, checkEntries, compareEntries, decodeStoredEntry, planRecord, recordedTotalProblem, totalsOf } from "../../src/budget/Ledger.ts"
import type { BudgetHead, LedgerStoreShape } from "../../src/budget/Store.ts"
import { checkBudgetChange, LedgerStore } from "../../src/budget/Store.ts"
import { CorruptRecord, StoreError } from "../../src/lifecycle/Store.ts"
import * as Money from "../../src/Money.ts"
import * as Region from "../../src/Region.ts"

/**
 * A memory ledger store, with ways for tests to reach under the port.
 *
 * @category models
 */
export interface MemoryLedgerStore extends LedgerStoreShape {
  /** Replaces the stored JSON of a budget (tests only). */
  readonly tamperBudget: (budgetId: string, json: string) => void
  /** Replaces the stored JSON of an entry (tests only). */
  readonly tamperEntry: (budgetId: string, key: string, json: string) => void
}

/**
 * A new, empty in-memory ledger store.
 *
 * @example
 * import { makeMemoryLedgerStore } from "fayuan/adapters/memory"
 * const ledger = makeMemoryLedgerStore()
 *
 * @category constructors
 */
export const makeMemoryLedgerStore = (): MemoryLedgerStore => {
  /** Budgets by id (unique across regions). */
  const budgets = new Map<string, { region: Region.RegionCode; json: string }>()
  /** Entries by budget id, then key, as JSON. */
  const ledgers = new Map<string, Map<string, string>>()

  const parse = (json: string): unknown => {
    try {
      return JSON.parse(json)
    } catch {
      return undefined
    }
  }

  const inScope = (budgetId: string, scope: Region.RegionCode): Effect.Effect<Budget, BudgetNotFound | CorruptRecord> => {
    const row = budgets.get(budgetId)
    if (row === undefined || !Region.contains(scope, row.region)) return Effect.fail(new BudgetNotFound({ budgetId }))
    const budget = decodeBudgetJson(row.json)
    return budget === undefined ? Effect.fail(new CorruptRecord({ store: "budgets", key: budgetId, reason: "the stored JSON does not decode" })) : Effect.succeed(budget)
  }

  const entriesOf = (budgetId: string): Effect.Effect<Array<LedgerEntry>, CorruptRecord> => {
    const out: Array<LedgerEntry> = []
    for (const [key, json] of ledgers.get(budgetId) ?? []) {
      const e = decodeStoredEntry(parse(json))
      if (e === undefined) return Effect.fail(new CorruptRecord({ store: "ledger", key: `${budgetId}/${key}`, reason: "the stored entry does not decode" }))
      out.push(e)
    }
    return Effect.succeed(out.sort(compareEntries))
  }

  return {
    putBudget: (budget) =>
      Effect.suspend(() => {
        const row = budgets.get(budget.id)
        const linesWithEntries = new Set<string>()
        for (const json of ledgers.get(budget.id)?.values() ?? []) {
          const lineId = (parse(json) as { lineId?: unknown } | undefined)?.lineId
          if (typeof lineId === "string") linesWithEntries.add(lineId)
        }
        const stored = row === undefined ? undefined : decodeBudgetJson(row.json) ?? { ...budget, region: row.region }
        const conflict = checkBudgetChange(budget, { stored, linesWithEntries })
        if (conflict !== undefined) return Effect.fail(conflict)
        budgets.set(budget.id, { region: budget.region, json: encodeBudgetJson(budget) })
        return Effect.void
      }),
    getBudget: (scope, budgetId) => Effect.suspend(() => inScope(budgetId, scope)),
    listBudgets: (scope) =>
      Effect.sync(() => {
        const out: Array<BudgetHead> = []
        for (const [budgetId, row] of budgets) {
          if (!Region.contains(scope, row.region)) continue
          const year = (parse(row.json) as { year?: unknown } | undefined)?.year
          out.push({ budgetId, region: row.region, year: typeof year === "number" ? year : Number.NaN })
        }
        return out.sort((a, b) => (a.budgetId < b.budgetId ? -1 : a.budgetId > b.budgetId ? 1 : 0))
      }),
    append: (entries) =>
      Effect.suspend((): Effect.Effect<RecordOutcome, RecordError | StoreError> => {
        const invalid = checkEntries(entries)
        if (invalid !== undefined) return Effect.fail(invalid)
        const decoded = new Map<string, Budget>()
        for (const id of new Set(entries.map((e) => e.budgetId))) {
          const row = budgets.get(id)
          if (row === undefined) continue
          const budget = decodeBudgetJson(row.json)
          if (budget === undefined) return Effect.fail(new StoreError({ store: "ledger", operation: "append", reason: `budget ${id}: the stored budget does not decode` }))
          decoded.set(id, budget)
        }
        const storedEntry = (budgetId: string, key: string): LedgerEntry | undefined => {
          const json = ledgers.get(budgetId)?.get(key)
          if (json === undefined) return undefined
          const e = decodeStoredEntry(parse(json))
          if (e === undefined) throw new CorruptRecord({ store: "ledger", key: `${budgetId}/${key}`, reason: "the stored entry does not decode" })
          return e
        }
        const settled = (budgetId: string, commitmentKey: string): Money.Fen => {
          let total = Money.zero
          for (const json of ledgers.get(budgetId)?.values() ?? []) {
            const e = decodeStoredEntry(parse(json))
            if (e !== undefined && e.kind === "payment" && e.settles === commitmentKey) total = Money.add(total, e.amount)
          }
          return total
        }
        let plan: ReturnType<typeof planRecord>
        try {
          plan = planRecord(entries, { budget: (id) => decoded.get(id), stored: storedEntry, settled })
        } catch (error) {
          if (error instanceof CorruptRecord) return Effect.fail(new StoreError({ store: "ledger", operation: "append", reason: error.message }))
          throw error
        }
        if (Result.isFailure(plan)) return Effect.fail(plan.failure)
        const recorded = (budgetId: string): number => {
          let total = 0
          for (const json of ledgers.get(budgetId)?.values() ?? []) total += (parse(json) as { amount: number }).amount
          return total
        }
        const tooMuch = recordedTotalProblem(plan.success.insert, recorded)
        if (tooMuch !== undefined) return Effect.fail(tooMuch)
        for (const e of plan.success.insert) {
          let ledger = ledgers.get(e.budgetId)
          if (ledger === undefined) ledgers.set(e.budgetId, (ledger = new Map()))
          ledger.set(e.key, JSON.stringify(e))
        }
        return Effect.succeed(plan.success.outcome)
      }),
    listEntries: (scope, budgetId, range = {}) =>
      Effect.gen(function* () {
        yield* inScope(budgetId, scope)
        const all = yield* entriesOf(budgetId)
        return all.filter((e) => (range.from === undefined || e.on >= range.from) && (range.to === undefined || e.on <= range.to))
      }),
    totals: (scope, budgetId, asOf) =>
      Effect.gen(function* () {
        const budget = yield* inScope(budgetId, scope)
        return totalsOf(budget, yield* entriesOf(budgetId), asOf)
      }),
    tamperBudget: (budgetId, json) => {
      const row = budgets.get(budgetId)
      if (row !== undefined) row.json = json
    },
    tamperEntry: (budgetId, key, json) => {
      const ledger = ledgers.get(budgetId)
      if (ledger?.has(key) === true) ledger.set(key, json)
    }
  }
}

/**
 * A layer providing a fresh in-memory `LedgerStore`.
 *
 * @category layers
 */
export const ledgerLayer = (): Layer.Layer<LedgerStore> => Layer.sync(LedgerStore, makeMemoryLedgerStore)
