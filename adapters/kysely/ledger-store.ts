/**
 * The `LedgerStore` port on any Kysely dialect: budgets as versioned JSON (with their lines in a
 * table of their own, for queries), the ledger one row per entry, and execution totals summed in
 * SQL (`GROUP BY line_id, kind`).
 *
 * A batch is checked by the pure `planRecord` against what its transaction reads, then inserted.
 * A writer that races another to the same key hits the primary key and retries: it then sees the
 * other's entry, as a duplicate or a conflict. On PostgreSQL the commitments a batch settles are
 * locked (`FOR UPDATE`), so two batches cannot both settle the last of one; SQLite has one writer
 * at a time, and a stale reader's write is refused and retried.
 *
 * @since 0.1.0
 */
import { Effect, Result } from "effect"
import type { Kysely, Transaction } from "kysely"
import { sql } from "kysely"
import type { Budget } from "../../src/budget/Budget.ts"
import { decodeBudgetJson, encodeBudgetJson } from "../../src/budget/Budget.ts"
import type { GroupSum, LedgerEntry, LedgerTotals, RecordError, RecordOutcome } from "../../src/budget/Ledger.ts"
import {
  BudgetNotFound,
  checkEntries,
  compareEntries,
  decodeStoredEntry,
  entryKinds,
  InvalidEntry,
  lookupsOf,
  planRecord,
  recordedTotalProblem,
  sourceFromRef,
  sourceRef,
  totalsFromGroups
} from "../../src/budget/Ledger.ts"
import type { BudgetHead, LedgerStoreShape } from "../../src/budget/Store.ts"
import { BudgetConflict, checkBudgetChange } from "../../src/budget/Store.ts"
import * as Money from "../../src/Money.ts"
import * as Region from "../../src/Region.ts"
import { CorruptRecord, StoreError } from "../../src/Storage.ts"
import type { Flavour } from "./case-store.ts"
import { documentRows } from "./internal/documents.ts"
import { backoff, databaseError } from "./internal/errors.ts"
import { regionRange } from "./internal/region.ts"
import { rowsStatement } from "./internal/statements.ts"
import type { FayuanDatabase, LedgerEntriesTable } from "./schema.ts"

/** Rows per multi-row insert (13 columns: far below every engine's bound-parameter limit). */
const INSERT_CHUNK = 1000
/** Keys per `IN (…)` list. */
const KEY_CHUNK = 500

type Db = Kysely<FayuanDatabase> | Transaction<FayuanDatabase>


/** Thrown inside a transaction to roll it back with an expected failure. */
class Abort {
  readonly error: RecordError | BudgetConflict
  constructor(error: RecordError | BudgetConflict) {
    this.error = error
  }
}

/** A stored record that does not decode, reported as a store failure on writes. */
class Corrupt {
  readonly record: CorruptRecord
  constructor(record: CorruptRecord) {
    this.record = record
  }
}

/**
 * A bigint column as a number: PostgreSQL returns bigint and numeric sums as strings.
 *
 * @category rows
 */
export const toSafeInteger = (value: unknown): number | undefined => {
  const n = typeof value === "number" ? value : typeof value === "bigint" || typeof value === "string" ? Number(value) : Number.NaN
  return Number.isSafeInteger(n) ? n : undefined
}

/**
 * The row an entry is stored as.
 *
 * @category rows
 */
export const entryRow = (region: string, e: LedgerEntry): LedgerEntriesTable => ({
  region,
  budget_id: e.budgetId,
  entry_key: e.key,
  line_id: e.lineId,
  kind: e.kind,
  amount_fen: e.amount,
  on_date: e.on,
  source_kind: e.source.kind,
  source_ref: sourceRef(e.source),
  spent_region: e.region ?? null,
  lawyer_id: e.lawyerId ?? null,
  memo: e.memo ?? null,
  settles: e.settles ?? null
})

/** Ledger rows inserted: one statement per chunk (see `rowsStatement`). */
const insertEntries = rowsStatement((trx, rows: ReadonlyArray<LedgerEntriesTable>) => trx.insertInto("fayuan_ledger_entries").values(rows))

/**
 * An entry back from its row; `undefined` when the row does not decode.
 *
 * @category rows
 */
export const entryOfRow = (row: LedgerEntriesTable): LedgerEntry | undefined => {
  const input: Record<string, unknown> = {
    key: row.entry_key,
    budgetId: row.budget_id,
    lineId: row.line_id,
    kind: row.kind,
    amount: toSafeInteger(row.amount_fen),
    on: row.on_date,
    source: sourceFromRef(row.source_kind, row.source_ref)
  }
  if (row.spent_region !== null) input["region"] = row.spent_region
  if (row.lawyer_id !== null) input["lawyerId"] = row.lawyer_id
  if (row.memo !== null) input["memo"] = row.memo
  if (row.settles !== null) input["settles"] = row.settles
  return decodeStoredEntry(input)
}

const everywhere = regionRange(Region.national)

const chunks = <A>(items: ReadonlyArray<A>, size: number): Array<Array<A>> => {
  const out: Array<Array<A>> = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

const corruptBudget = (budgetId: string) => new CorruptRecord({ store: "budgets", key: budgetId, reason: "the stored JSON does not decode" })
const corruptEntry = (budgetId: string, key: string) => new CorruptRecord({ store: "ledger", key: `${budgetId}/${key}`, reason: "the stored entry does not decode" })

/**
 * A `LedgerStore` over a migrated Kysely database.
 *
 * @category constructors
 */
export const makeLedgerStore = (db: Kysely<FayuanDatabase>, flavour: Flavour): LedgerStoreShape => {
  const locks = flavour.name !== "sqlite"

  /** Budgets by id, in any region (ids are unique across regions). */
  const budgetsById = async (trx: Db, ids: ReadonlyArray<string>): Promise<Map<string, { region: string; budget: Budget | undefined; recorded: number }>> => {
    const out = new Map<string, { region: string; budget: Budget | undefined; recorded: number }>()
    for (const part of chunks(ids, KEY_CHUNK)) {
      const rows = await trx
        .selectFrom("fayuan_budgets")
        .select(["region", "budget_id", "data", "recorded_fen"])
        .where("region", ">=", everywhere.from)
        .where("region", "<", everywhere.to)
        .where("budget_id", "in", part)
        .execute()
      for (const r of rows) out.set(r.budget_id, { region: r.region, budget: decodeBudgetJson(r.data), recorded: toSafeInteger(r.recorded_fen) ?? Number.MAX_SAFE_INTEGER })
    }
    return out
  }

  /** The budget with this id inside `scope`, decoded. */
  const budgetInScope = async (trx: Db, budgetId: string, scope: Region.RegionCode): Promise<Budget> => {
    const rows = await documentRows(trx, "fayuan_budgets", scope, budgetId)
    if (rows.length !== 1) throw new Abort(new BudgetNotFound({ budgetId }))
    const budget = decodeBudgetJson(rows[0]!.data)
    if (budget === undefined) throw new Corrupt(corruptBudget(budgetId))
    return budget
  }

  /** Runs `body` in a transaction, retrying transient locks and lost races on a key. */
  const withRetry = async <A>(body: (trx: Transaction<FayuanDatabase>) => Promise<A>): Promise<A> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await db.transaction().execute(body)
      } catch (error) {
        const transient = flavour.isBusy(error) || flavour.isUniqueViolation(error)
        if (transient && attempt < 200) {
          await backoff(attempt)
          continue
        }
        throw error
      }
    }
  }

  const attempt = <A, E>(store: "budgets" | "ledger", operation: string, body: () => Promise<A>): Effect.Effect<A, E | CorruptRecord | StoreError> =>
    Effect.tryPromise({ try: body, catch: (error) => error }).pipe(
      Effect.catch((error: unknown): Effect.Effect<never, E | CorruptRecord | StoreError> => {
        if (error instanceof Abort) return Effect.fail(error.error as E)
        if (error instanceof Corrupt) return Effect.fail(error.record)
        return Effect.fail(new StoreError({ store, operation, reason: databaseError(error) }))
      })
    )

  const putBudget: LedgerStoreShape["putBudget"] = (budget) =>
    attempt<void, BudgetConflict>("budgets", "put", () =>
      withRetry(async (trx) => {
        const existing = (await budgetsById(trx, [budget.id])).get(budget.id)
        const linesWithEntries = new Set<string>()
        if (existing !== undefined) {
          const rows = await trx
            .selectFrom("fayuan_ledger_entries")
            .select(["line_id"])
            .where("region", "=", existing.region)
            .where("budget_id", "=", budget.id)
            .groupBy("line_id")
            .execute()
          for (const r of rows) linesWithEntries.add(r.line_id)
        }
        // A stored budget that no longer decodes may be replaced in its own region (a repair).
        const stored = existing === undefined ? undefined : existing.budget ?? { ...budget, region: existing.region as Region.RegionCode }
        const conflict = checkBudgetChange(budget, { stored, linesWithEntries })
        if (conflict !== undefined) throw new Abort(conflict)
        await trx.deleteFrom("fayuan_budget_lines").where("region", "=", budget.region).where("budget_id", "=", budget.id).execute()
        await trx.deleteFrom("fayuan_budgets").where("region", "=", budget.region).where("budget_id", "=", budget.id).execute()
        // A changed budget keeps the total of what is recorded on it.
        await trx
          .insertInto("fayuan_budgets")
          .values({ region: budget.region, budget_id: budget.id, year: budget.year, data: encodeBudgetJson(budget), recorded_fen: existing?.recorded ?? 0 })
          .execute()
        for (const part of chunks(budget.lines, INSERT_CHUNK)) {
          await trx
            .insertInto("fayuan_budget_lines")
            .values(part.map((l) => ({ region: budget.region, budget_id: budget.id, line_id: l.id, category: l.category, amount_fen: l.amount })))
            .execute()
        }
      })
    ).pipe(Effect.catchTag("CorruptRecord", (c) => Effect.fail(new StoreError({ store: "budgets", operation: "put", reason: c.message }))))

  const getBudget: LedgerStoreShape["getBudget"] = (scope, budgetId) => attempt<Budget, BudgetNotFound>("budgets", "get", () => budgetInScope(db, budgetId, scope))

  const listBudgets: LedgerStoreShape["listBudgets"] = (scope) =>
    Effect.tryPromise({
      try: async () => {
        const { from, to } = regionRange(scope)
        const rows = await db.selectFrom("fayuan_budgets").select(["region", "budget_id", "year"]).where("region", ">=", from).where("region", "<", to).execute()
        return rows
          .map((r): BudgetHead => ({ budgetId: r.budget_id, region: r.region as Region.RegionCode, year: Number(r.year) }))
          .sort((a, b) => (a.budgetId < b.budgetId ? -1 : a.budgetId > b.budgetId ? 1 : 0))
      },
      catch: (error) => new StoreError({ store: "budgets", operation: "list", reason: databaseError(error) })
    })

  const append: LedgerStoreShape["append"] = (entries) =>
    attempt<RecordOutcome, RecordError>("ledger", "append", async () => {
      const invalid = checkEntries(entries)
      if (invalid !== undefined) throw new Abort(invalid)
      if (entries.length === 0) return { recorded: [], duplicates: [] }
      const lookups = lookupsOf(entries)
      return withRetry(async (trx) => {
        const found = await budgetsById(trx, [...lookups.keys()])
        const budgets = new Map<string, Budget>()
        const stored = new Map<string, LedgerEntry>()
        const settled = new Map<string, number>()
        for (const [budgetId, { keys, settles }] of lookups) {
          const b = found.get(budgetId)
          if (b === undefined) continue
          if (b.budget === undefined) throw new Corrupt(corruptBudget(budgetId))
          budgets.set(budgetId, b.budget)
          const wanted = [...new Set([...keys, ...settles])]
          for (const part of chunks(wanted, KEY_CHUNK)) {
            let q = trx.selectFrom("fayuan_ledger_entries").selectAll().where("region", "=", b.region).where("budget_id", "=", budgetId).where("entry_key", "in", part)
            // Lock what may be settled: two batches must not both settle the last of a commitment.
            if (locks && part.some((k) => settles.has(k))) q = q.forUpdate()
            for (const row of await q.execute()) {
              const e = entryOfRow(row)
              if (e === undefined) throw new Corrupt(corruptEntry(budgetId, row.entry_key))
              stored.set(`${budgetId}\u0000${e.key}`, e)
            }
          }
          for (const part of chunks([...settles], KEY_CHUNK)) {
            const rows = await trx
              .selectFrom("fayuan_ledger_entries")
              .select((eb) => ["settles", eb.fn.sum<number | string>("amount_fen").as("total")])
              .where("region", "=", b.region)
              .where("budget_id", "=", budgetId)
              .where("kind", "=", "payment")
              .where("settles", "in", part)
              .groupBy("settles")
              .execute()
            for (const r of rows) settled.set(`${budgetId}\u0000${r.settles}`, toSafeInteger(r.total) ?? 0)
          }
        }
        const plan = planRecord(entries, {
          budget: (id) => budgets.get(id),
          stored: (id, key) => stored.get(`${id}\u0000${key}`),
          settled: (id, key) => (settled.get(`${id}\u0000${key}`) ?? 0) as Money.Fen
        })
        if (Result.isFailure(plan)) throw new Abort(plan.failure)
        const tooMuch = recordedTotalProblem(plan.success.insert, (id) => found.get(id)?.recorded ?? 0)
        if (tooMuch !== undefined) throw new Abort(tooMuch)
        // Each budget's recorded total raised in the statement that checks it stays exact, so two
        // batches at once cannot both pass on the total they read.
        const added = new Map<string, number>()
        for (const e of plan.success.insert) added.set(e.budgetId, (added.get(e.budgetId) ?? 0) + e.amount)
        for (const [budgetId, sum] of [...added].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
          const updated = await trx
            .updateTable("fayuan_budgets")
            .set({ recorded_fen: sql`recorded_fen + ${sum}` })
            .where("region", "=", found.get(budgetId)!.region)
            .where("budget_id", "=", budgetId)
            .where("recorded_fen", "<=", Number.MAX_SAFE_INTEGER - sum)
            .executeTakeFirst()
          if (Number(updated.numUpdatedRows) !== 1) {
            const first = plan.success.insert.find((e) => e.budgetId === budgetId)!
            throw new Abort(new InvalidEntry({ key: first.key, field: "amount", reason: "would take the budget's recorded total past the exact range (about ¥90 trillion)" }))
          }
        }
        const rows = plan.success.insert.map((e) => entryRow(found.get(e.budgetId)!.region, e))
        for (const part of chunks(rows, INSERT_CHUNK)) await insertEntries(trx, part)
        return plan.success.outcome
      })
    }).pipe(Effect.catchTag("CorruptRecord", (c) => Effect.fail(new StoreError({ store: "ledger", operation: "append", reason: c.message }))))

  const listEntries: LedgerStoreShape["listEntries"] = (scope, budgetId, range = {}) =>
    attempt<ReadonlyArray<LedgerEntry>, BudgetNotFound>("ledger", "list", async () => {
      const budget = await budgetInScope(db, budgetId, scope)
      let q = db.selectFrom("fayuan_ledger_entries").selectAll().where("region", "=", budget.region).where("budget_id", "=", budgetId)
      if (range.from !== undefined) q = q.where("on_date", ">=", range.from)
      if (range.to !== undefined) q = q.where("on_date", "<=", range.to)
      const rows = await q.execute()
      const out: Array<LedgerEntry> = []
      for (const row of rows) {
        const e = entryOfRow(row)
        if (e === undefined) throw new Corrupt(corruptEntry(budgetId, row.entry_key))
        out.push(e)
      }
      // Sorted here, by code units, so every engine and collation gives the same order.
      return out.sort(compareEntries)
    })

  const totals: LedgerStoreShape["totals"] = (scope, budgetId, asOf) =>
    attempt<LedgerTotals, BudgetNotFound>("ledger", "totals", async () => {
      const budget = await budgetInScope(db, budgetId, scope)
      const rows = await db
        .selectFrom("fayuan_ledger_entries")
        .select((eb) => [
          "line_id",
          "kind",
          eb.fn.sum<number | string>("amount_fen").as("amount"),
          eb.fn.sum<number | string>(sql<number>`case when settles is null then 0 else amount_fen end`).as("settled"),
          eb.fn.countAll<number | string>().as("entries")
        ])
        .where("region", "=", budget.region)
        .where("budget_id", "=", budgetId)
        .where("on_date", "<=", asOf)
        .groupBy(["line_id", "kind"])
        .execute()
      const groups: Array<GroupSum> = []
      for (const r of rows) {
        const amount = toSafeInteger(r.amount)
        const settled = toSafeInteger(r.settled)
        const entries = toSafeInteger(r.entries)
        if (!(entryKinds as ReadonlyArray<string>).includes(r.kind) || amount === undefined || settled === undefined || entries === undefined) {
          throw new Corrupt(new CorruptRecord({ store: "ledger", key: budgetId, reason: "the stored entries do not sum to safe amounts of known kinds" }))
        }
        groups.push({ lineId: r.line_id, kind: r.kind as GroupSum["kind"], amount: Money.fenUnsafe(amount), settled: Money.fenUnsafe(settled), entries })
      }
      return totalsFromGroups(budget, asOf, groups)
    })

  return { putBudget, getBudget, listBudgets, append, listEntries, totals }
}
