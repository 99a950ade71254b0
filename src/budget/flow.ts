/**
 * Subsidies into the ledger: the payables of concluded cases and worked duty shifts become payment
 * entries under their own keys, and a reconciliation shows whether the ledger still balances with
 * the cases and shifts it came from.
 *
 * @since 0.1.0
 */
import { Data, Result } from "effect"
import * as CalendarDate from "../CalendarDate.ts"
import * as Region from "../Region.ts"
import type { Budget, BudgetLine } from "./Budget.ts"
import type { LedgerEntry, Payable } from "./Ledger.ts"
import { sourceRef } from "./Ledger.ts"

/**
 * A payable that cannot enter the budget: no line (or more than one) of its category and no
 * `lineFor` choice, a chosen line the budget lacks, a date outside the budget's year, a region
 * outside the budget's, or a negative amount.
 *
 * @category errors
 * @since 0.1.0
 */
export class UnplaceablePayable extends Data.TaggedError("UnplaceablePayable")<{ readonly key: string; readonly reason: string }> {
  override get message(): string {
    return `payable ${this.key} cannot enter the budget: ${this.reason}`
  }
}

/**
 * Chooses the line of a payable; `undefined` to use the budget's one line of the payable's
 * category.
 *
 * @category models
 * @since 0.1.0
 */
export type LineChooser = (payable: Payable, budget: Budget) => string | undefined

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The payment entries for payables, each keyed by the payable's key, dated on its due date, with
 * its region, source and lawyer. The line is the one `lineFor` names, or else the budget's single
 * line of the payable's category. A payable of zero fen needs no entry and gives none. The entries
 * come in canonical order (date, key), whatever the order of the payables.
 *
 * @example
 * ```ts
 * import { CalendarDate, Money, Region } from "fayuan"
 * import { entriesFromPayables, type Budget } from "fayuan/budget"
 * declare const budget: Budget
 * const entries = entriesFromPayables(budget, [{
 *   key: "case:530103:C-0001", region: Region.makeUnsafe("530103"), on: CalendarDate.makeUnsafe("2018-05-18"),
 *   amount: Money.fenUnsafe(120000), source: { kind: "case", caseId: "C-0001" }, category: "case-subsidy"
 * }]) // Result.succeed([{ key: "case:530103:C-0001", kind: "payment", lineId: "cases", … }])
 * ```
 * @category flow
 * @since 0.1.0
 */
export const entriesFromPayables = (
  budget: Budget,
  payables: ReadonlyArray<Payable>,
  lineFor?: LineChooser
): Result.Result<ReadonlyArray<LedgerEntry>, UnplaceablePayable> => {
  const byCategory = new Map<string, Array<BudgetLine>>()
  for (const l of budget.lines) byCategory.set(l.category, [...(byCategory.get(l.category) ?? []), l])
  const ids = new Set(budget.lines.map((l) => l.id))
  const sorted = [...payables].sort((a, b) => compareText(a.on, b.on) || compareText(a.key, b.key))
  const out: Array<LedgerEntry> = []
  for (const p of sorted) {
    const fail = (reason: string) => Result.fail(new UnplaceablePayable({ key: p.key, reason }))
    if (p.amount < 0) return fail("the amount is negative")
    if (CalendarDate.year(p.on) !== budget.year) return fail("its date is outside the budget's year")
    if (!Region.contains(budget.region, p.region)) return fail("its region is outside the budget's region")
    let lineId = lineFor?.(p, budget)
    if (lineId === undefined) {
      const candidates = byCategory.get(p.category) ?? []
      if (candidates.length !== 1) return fail(candidates.length === 0 ? `the budget has no ${p.category} line` : `the budget has several ${p.category} lines; choose with lineFor`)
      lineId = candidates[0]!.id
    } else if (!ids.has(lineId)) return fail("the chosen line is not in the budget")
    if (p.amount === 0) continue
    const entry: LedgerEntry = {
      key: p.key,
      budgetId: budget.id,
      lineId,
      kind: "payment",
      amount: p.amount,
      on: p.on,
      source: p.source.kind === "case" ? { kind: "case", caseId: p.source.caseId } : { ...p.source },
      region: p.region
    }
    out.push(p.lawyerId === undefined ? entry : { ...entry, lawyerId: p.lawyerId })
  }
  return Result.succeed(out)
}

/**
 * A payable and the entry recorded for it that disagree, with the fields that differ (`amount`,
 * `on`, `source`, `region`, `lawyerId`, `kind`).
 *
 * @category models
 * @since 0.1.0
 */
export interface Mismatch {
  readonly key: string
  readonly payable: Payable
  readonly entry: LedgerEntry
  readonly fields: ReadonlyArray<string>
}

/**
 * How the ledger stands against the cases and shifts:
 *
 * - `missing`: payables (of a positive amount) with no entry;
 * - `orphaned`: entries from a case or a duty shift with no payable;
 * - `mismatched`: both exist but differ;
 * - `doubled`: keys recorded in more than one budget (paid twice);
 * - `balanced`: all four are empty.
 *
 * Every list is sorted by key.
 *
 * @category models
 * @since 0.1.0
 */
export interface Reconciliation {
  readonly missing: ReadonlyArray<Payable>
  readonly orphaned: ReadonlyArray<LedgerEntry>
  readonly mismatched: ReadonlyArray<Mismatch>
  readonly doubled: ReadonlyArray<string>
  readonly balanced: boolean
}

const differences = (p: Payable, e: LedgerEntry): ReadonlyArray<string> => {
  const fields: Array<string> = []
  if (e.kind !== "payment") fields.push("kind")
  if (p.amount !== e.amount) fields.push("amount")
  if (p.on !== e.on) fields.push("on")
  if (p.source.kind !== e.source.kind || sourceRef(p.source) !== sourceRef(e.source)) fields.push("source")
  if (p.region !== e.region) fields.push("region")
  if (p.lawyerId !== e.lawyerId) fields.push("lawyerId")
  return fields
}

/**
 * Reconciles the ledger with the payables of the cases and shifts it came from, by key. Manual
 * entries are not checked. Deterministic whatever the order of either list.
 *
 * @example
 * ```ts
 * import { reconcile, type LedgerEntry, type Payable } from "fayuan/budget"
 * declare const entries: ReadonlyArray<LedgerEntry>
 * declare const payables: ReadonlyArray<Payable>
 * reconcile(entries, payables).balanced // true when every subsidy is paid once, as computed
 * ```
 * @category flow
 * @since 0.1.0
 */
export const reconcile = (entries: ReadonlyArray<LedgerEntry>, payables: ReadonlyArray<Payable>): Reconciliation => {
  const byKey = new Map<string, Array<LedgerEntry>>()
  for (const e of entries) {
    if (e.source.kind === "manual") continue
    byKey.set(e.key, [...(byKey.get(e.key) ?? []), e])
  }
  const payableKeys = new Set<string>()
  const missing: Array<Payable> = []
  const mismatched: Array<Mismatch> = []
  const sortedPayables = [...payables].sort((a, b) => compareText(a.key, b.key) || a.amount - b.amount || compareText(a.on, b.on))
  for (const p of sortedPayables) {
    payableKeys.add(p.key)
    const found = byKey.get(p.key)
    if (found === undefined) {
      if (p.amount > 0) missing.push(p)
      continue
    }
    for (const e of [...found].sort((a, b) => compareText(a.budgetId, b.budgetId))) {
      const fields = differences(p, e)
      if (fields.length > 0) mismatched.push({ key: p.key, payable: p, entry: e, fields })
    }
  }
  const orphaned = entries
    .filter((e) => e.source.kind !== "manual" && !payableKeys.has(e.key))
    .sort((a, b) => compareText(a.key, b.key) || compareText(a.budgetId, b.budgetId))
  const doubled = [...byKey].filter(([, es]) => new Set(es.map((e) => e.budgetId)).size > 1).map(([k]) => k).sort()
  return { missing, orphaned, mismatched, doubled, balanced: missing.length === 0 && orphaned.length === 0 && mismatched.length === 0 && doubled.length === 0 }
}
