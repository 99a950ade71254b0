/**
 * The port for budgets and their ledger.
 *
 * - A budget is stored whole, as versioned JSON, under its id (unique across regions) and region;
 *   saving it again replaces it, as long as the entries already recorded still fit (same region
 *   and year, every line with entries kept).
 * - `record` is idempotent and all or nothing: an entry whose key is stored with the same content
 *   is a duplicate and changes nothing; a key reused with other content, an unknown budget or
 *   line, or any other broken rule refuses the whole batch (see {@link planRecord}).
 * - Reads are scoped: a budget is seen in a scope that contains its region.
 * - `executionTotals` sums per line in the database (SQL `GROUP BY line_id, kind`).
 *
 * @since 0.1.0
 */
import { Context, Data, Effect } from "effect"
import type * as CalendarDate from "../CalendarDate.ts"
import type { CorruptRecord, StoreError } from "../Storage.ts"
import type * as Region from "../Region.ts"
import type { Budget } from "./Budget.ts"
import type { ExecutionOptions, ExecutionReport } from "./execution.ts"
import { execution } from "./execution.ts"
import type { BudgetNotFound, LedgerEntry, LedgerTotals, RecordError, RecordOutcome } from "./Ledger.ts"

/**
 * Saving a budget would leave recorded entries behind: its id is used by a budget of another
 * region, or the new version changes the year or drops a line that has entries.
 *
 * @category errors
 * @since 0.1.0
 */
export class BudgetConflict extends Data.TaggedError("BudgetConflict")<{ readonly budgetId: string; readonly reason: string }> {
  override get message(): string {
    return `budget ${this.budgetId} cannot be saved: ${this.reason}`
  }
}

/**
 * A budget in a listing.
 *
 * @category models
 * @since 0.1.0
 */
export interface BudgetHead {
  readonly budgetId: string
  readonly region: Region.RegionCode
  readonly year: number
}

/**
 * Dates an entry listing is limited to (both inclusive, both optional).
 *
 * @category models
 * @since 0.1.0
 */
export interface DateRange {
  readonly from?: CalendarDate.CalendarDate
  readonly to?: CalendarDate.CalendarDate
}

/**
 * What the stored budgets were, for checking a new version of one against its entries.
 *
 * @category models
 * @since 0.1.0
 */
export interface BudgetUsage {
  /** The stored budget with this id, in whatever region. */
  readonly stored: Budget | undefined
  /** The lines of the stored budget that have entries. */
  readonly linesWithEntries: ReadonlySet<string>
}

/**
 * Whether a new version of a budget may replace the stored one: `undefined` if so, else the
 * conflict. Shared by every adapter.
 *
 * @category models
 * @since 0.1.0
 */
export const checkBudgetChange = (budget: Budget, usage: BudgetUsage): BudgetConflict | undefined => {
  const old = usage.stored
  if (old === undefined) return undefined
  if (old.region !== budget.region) return new BudgetConflict({ budgetId: budget.id, reason: "the id is used by a budget of another region" })
  if (usage.linesWithEntries.size === 0) return undefined
  if (old.year !== budget.year) return new BudgetConflict({ budgetId: budget.id, reason: "the year cannot change once entries are recorded" })
  const kept = new Set(budget.lines.map((l) => l.id))
  const dropped = [...usage.linesWithEntries].filter((id) => !kept.has(id)).sort()
  if (dropped.length > 0) return new BudgetConflict({ budgetId: budget.id, reason: `line ${dropped[0]} has entries and cannot be removed` })
  return undefined
}

/**
 * What an adapter provides for budgets and the ledger.
 *
 * @category models
 * @since 0.1.0
 */
export interface LedgerStoreShape {
  /** Stores (or replaces) a budget; see {@link BudgetConflict}. */
  readonly putBudget: (budget: Budget) => Effect.Effect<void, BudgetConflict | StoreError>
  /** A budget inside `scope`. */
  readonly getBudget: (scope: Region.RegionCode, budgetId: string) => Effect.Effect<Budget, BudgetNotFound | CorruptRecord | StoreError>
  /** The budgets inside `scope`, by id. */
  readonly listBudgets: (scope: Region.RegionCode) => Effect.Effect<ReadonlyArray<BudgetHead>, StoreError>
  /** Appends a batch of entries to the ledger, idempotently, all or nothing (see {@link planRecord}). */
  readonly append: (entries: ReadonlyArray<LedgerEntry>) => Effect.Effect<RecordOutcome, RecordError | StoreError>
  /** The entries of a budget inside `scope`, within `range`, in canonical order (date, key). */
  readonly listEntries: (
    scope: Region.RegionCode,
    budgetId: string,
    range?: DateRange
  ) => Effect.Effect<ReadonlyArray<LedgerEntry>, BudgetNotFound | CorruptRecord | StoreError>
  /** The sums per line of a budget's entries up to `asOf` (inclusive); computed in SQL by the SQL adapters. */
  readonly totals: (
    scope: Region.RegionCode,
    budgetId: string,
    asOf: CalendarDate.CalendarDate
  ) => Effect.Effect<LedgerTotals, BudgetNotFound | CorruptRecord | StoreError>
}

/**
 * The ledger store service.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Region } from "fayuan"
 * import { LedgerStore } from "fayuan/budget"
 * const program = Effect.gen(function* () {
 *   const store = yield* LedgerStore
 *   return yield* store.listBudgets(Region.makeUnsafe("53"))
 * })
 * ```
 * @category services
 * @since 0.1.0
 */
export class LedgerStore extends Context.Service<LedgerStore, LedgerStoreShape>()("fayuan/LedgerStore") {}

/**
 * The execution report of a stored budget at `asOf`: the budget, and its totals as the store
 * computes them (in SQL on the SQL adapters), made into a report by {@link execution}.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { CalendarDate, Region } from "fayuan"
 * import { executionReport } from "fayuan/budget"
 * const report = executionReport(Region.makeUnsafe("53"), "YN-2018", CalendarDate.makeUnsafe("2018-06-30"))
 * // Effect<ExecutionReport, BudgetNotFound | CorruptRecord | StoreError, LedgerStore>
 * ```
 * @category services
 * @since 0.1.0
 */
export const executionReport = (
  scope: Region.RegionCode,
  budgetId: string,
  asOf: CalendarDate.CalendarDate,
  options: ExecutionOptions = {}
): Effect.Effect<ExecutionReport, BudgetNotFound | CorruptRecord | StoreError, LedgerStore> =>
  Effect.gen(function* () {
    const store = yield* LedgerStore
    const budget = yield* store.getBudget(scope, budgetId)
    const totals = yield* store.totals(scope, budgetId, asOf)
    return execution(budget, totals, asOf, options)
  })
