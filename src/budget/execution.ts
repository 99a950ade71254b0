/**
 * Budget execution (预算执行): at any date, for the budget and each line, what was planned to be
 * spent by then, what was paid, what is still committed, the execution rate, the variance against
 * the schedule — and a warning while there is still time to act.
 *
 * Pure: the report is built from {@link LedgerTotals} (sums per line, which a SQL store computes in
 * SQL) or from the entries themselves, and is the same either way and whatever their order.
 *
 * @since 0.1.0
 */
import * as CalendarDate from "../CalendarDate.ts"
import * as Money from "../Money.ts"
import * as Ratio from "../Ratio.ts"
import type { Rounding } from "../Rounding.ts"
import { roundRational } from "../Rounding.ts"
import type { Budget, BudgetLine, Category } from "./Budget.ts"
import type { LedgerEntry, LedgerTotals } from "./Ledger.ts"
import { totalsOf } from "./Ledger.ts"

/**
 * How the planned share moves between two schedule points:
 *
 * - `"linear"` (default): in a straight line by days, from the previous point (or 0 at the start of
 *   the year) to the next — money is expected to flow evenly;
 * - `"step"`: it stays at the previous point's share until the next point's date is reached — only
 *   the checkpoints count.
 *
 * A point `{ by, share }` holds from the end of day `by`.
 *
 * @category options
 * @since 0.1.0
 */
export type Interpolation = "linear" | "step"

/**
 * Options of an execution report.
 *
 * - `interpolation`: see {@link Interpolation} (default `"linear"`);
 * - `plannedRounding`: rounding of a line's planned amount (amount × scheduled share) to whole fen
 *   (default `"half-up"`, 四舍五入); the overall planned amount is the sum of the lines';
 * - `behindBy`: a line (or the budget) is behind when the gap (planned − paid) is positive and at
 *   least this share of what was planned (default 0.1: behind by 10% or more);
 * - `marginDays`: no warning once `marginDays` or fewer days of the year are left — there is no time
 *   to act then (default 30);
 * - `paceRounding`: rounding of the monthly pace a warning asks for (default `"ceiling"`, so that
 *   keeping the pace is enough).
 *
 * @category options
 * @since 0.1.0
 */
export interface ExecutionOptions {
  readonly interpolation?: Interpolation
  readonly plannedRounding?: Rounding
  readonly behindBy?: Ratio.Ratio
  readonly marginDays?: number
  readonly paceRounding?: Rounding
}

/**
 * The options with every default filled in, as a report states them.
 *
 * @category options
 * @since 0.1.0
 */
export interface ResolvedExecutionOptions {
  readonly interpolation: Interpolation
  readonly plannedRounding: Rounding
  readonly behindBy: Ratio.Ratio
  readonly marginDays: number
  readonly paceRounding: Rounding
}

/**
 * The default options.
 *
 * @example
 * ```ts
 * import { Ratio } from "fayuan"
 * import { defaultExecutionOptions } from "fayuan/budget"
 * Ratio.toDecimalString(defaultExecutionOptions.behindBy) // "0.1"
 * ```
 * @category options
 * @since 0.1.0
 */
export const defaultExecutionOptions: ResolvedExecutionOptions = {
  interpolation: "linear",
  plannedRounding: "half-up",
  behindBy: Ratio.makeUnsafe(1, 10),
  marginDays: 30,
  paceRounding: "ceiling"
}

/**
 * The figures of a line or of the whole budget at a date.
 *
 * - `budget`: the amount; `planned`: what the schedule expects paid by `asOf`;
 * - `paid`: payments up to `asOf`; `committed`: open commitments (commitments less the payments
 *   that settle them);
 * - `executionRate` = paid ÷ budget and `scheduleRate` = planned ÷ budget, exact;
 * - `variance` = paid − planned (negative when behind);
 * - `entries`: how many entries up to `asOf`.
 *
 * @category models
 * @since 0.1.0
 */
export interface Figures {
  readonly budget: Money.Fen
  readonly planned: Money.Fen
  readonly paid: Money.Fen
  readonly committed: Money.Fen
  readonly executionRate: Ratio.Ratio
  readonly scheduleRate: Ratio.Ratio
  readonly variance: Money.Fen
  readonly entries: number
}

/**
 * A line's figures, with its id, name and category.
 *
 * @category models
 * @since 0.1.0
 */
export interface LineExecution extends Figures {
  readonly lineId: string
  readonly name: string
  readonly category: Category
}

/**
 * Spending is behind schedule while there is still time to act, with the figures behind it:
 * `planned`, `paid`, `gap` (planned − paid), `gapRate` (gap ÷ planned) against `threshold`,
 * `daysLeft` in the year after `asOf`, `remaining` (budget − paid) and `neededPerMonth`: the
 * monthly pace that spends the remaining amount by the end of the year (a month being a twelfth of
 * the year's days).
 *
 * @category models
 * @since 0.1.0
 */
export interface BehindSchedule {
  readonly _tag: "BehindSchedule"
  /** `undefined` for the budget as a whole. */
  readonly lineId: string | undefined
  readonly planned: Money.Fen
  readonly paid: Money.Fen
  readonly gap: Money.Fen
  readonly gapRate: Ratio.Ratio
  readonly threshold: Ratio.Ratio
  readonly daysLeft: number
  readonly remaining: Money.Fen
  readonly neededPerMonth: Money.Fen
}

/**
 * An execution report: the budget as a whole (`overall`, whose amounts are the sums of the
 * lines'), each line in the budget's order, and the warnings (the whole budget first, then lines
 * in order), with the options used.
 *
 * @category models
 * @since 0.1.0
 */
export interface ExecutionReport {
  readonly budgetId: string
  readonly region: string
  readonly year: number
  readonly asOf: CalendarDate.CalendarDate
  readonly overall: Figures
  readonly lines: ReadonlyArray<LineExecution>
  readonly warnings: ReadonlyArray<BehindSchedule>
  readonly options: ResolvedExecutionOptions
}

const resolve = (options: ExecutionOptions): ResolvedExecutionOptions => {
  const o = { ...defaultExecutionOptions, ...options }
  if (!Number.isSafeInteger(o.marginDays) || o.marginDays < 0) throw new RangeError("execution: marginDays must be a non-negative integer")
  if (Ratio.compare(o.behindBy, Ratio.zero) < 0) throw new RangeError("execution: behindBy must not be negative")
  return o
}

/**
 * The planned amount of a line by the end of `asOf`: its amount × the scheduled share at `asOf`
 * (0 before the year, the last share after the last point; between points as `interpolation`
 * says), rounded with `rounding`. The share is exact until that single rounding.
 *
 * @example
 * ```ts
 * import { CalendarDate } from "fayuan"
 * import { makeBudgetUnsafe, plannedBy } from "fayuan/budget"
 * const budget = makeBudgetUnsafe({ id: "B", region: "53", year: 2018, title: "", lines: [
 *   { id: "duty", name: "Duty", category: "duty-subsidy", amount: 365000, schedule: [{ by: "2018-12-31", share: "1" }] }
 * ] })
 * plannedBy(budget.lines[0]!, 2018, CalendarDate.makeUnsafe("2018-06-30")) // 181000: 181 of 365 days
 * plannedBy(budget.lines[0]!, 2018, CalendarDate.makeUnsafe("2018-06-30"), "step") // 0
 * ```
 * @category execution
 * @since 0.1.0
 */
export const plannedBy = (
  line: BudgetLine,
  year: number,
  asOf: CalendarDate.CalendarDate,
  interpolation: Interpolation = "linear",
  rounding: Rounding = "half-up"
): Money.Fen => {
  const a = CalendarDate.toEpochDay(asOf)
  // The implicit origin: share 0 at the end of the day before 1 January.
  let d0 = CalendarDate.toEpochDay(`${year}-01-01` as CalendarDate.CalendarDate) - 1
  let s0: Ratio.Ratio = Ratio.zero
  if (a <= d0) return Money.zero
  for (const p of line.schedule) {
    const d1 = CalendarDate.toEpochDay(p.by)
    if (a < d1) {
      if (interpolation === "step") return Money.multiply(line.amount, s0, rounding)
      // share = s0 + (s1 − s0) × (a − d0) / (d1 − d0), exactly, over a common denominator.
      const n0 = BigInt(s0.numerator), m0 = BigInt(s0.denominator)
      const n1 = BigInt(p.share.numerator), m1 = BigInt(p.share.denominator)
      const span = BigInt(d1 - d0), done = BigInt(a - d0)
      const numerator = n0 * m1 * span + (n1 * m0 - n0 * m1) * done
      const denominator = m0 * m1 * span
      return Money.fenUnsafe(Number(roundRational(BigInt(line.amount) * numerator, denominator, rounding)))
    }
    d0 = d1
    s0 = p.share
  }
  return Money.multiply(line.amount, s0, rounding)
}

const rate = (part: Money.Fen, whole: Money.Fen): Ratio.Ratio => (whole === 0 ? Ratio.zero : Ratio.makeUnsafe(part, whole))

const figures = (budget: Money.Fen, planned: Money.Fen, paid: Money.Fen, committed: Money.Fen, entries: number): Figures => ({
  budget,
  planned,
  paid,
  committed,
  executionRate: rate(paid, budget),
  scheduleRate: rate(planned, budget),
  variance: Money.subtract(paid, planned),
  entries
})

const isLedgerTotals = (source: ReadonlyArray<LedgerEntry> | LedgerTotals): source is LedgerTotals => !Array.isArray(source)

/**
 * The execution report of a budget at `asOf`, from its ledger entries (those of other budgets, of
 * unknown lines, or after `asOf` are left out) or from {@link LedgerTotals} computed as of the same
 * date (a `RangeError` otherwise: a defect). Deterministic whatever the order of the entries.
 *
 * A line — and the budget as a whole — is behind when `planned − paid` is positive and at least
 * `behindBy` × planned, and it is warned about while more than `marginDays` days of the year are
 * left after `asOf`.
 *
 * @example
 * ```ts
 * import { CalendarDate } from "fayuan"
 * import { execution, totalsOf, type Budget, type LedgerEntry } from "fayuan/budget"
 * declare const budget: Budget
 * declare const entries: ReadonlyArray<LedgerEntry>
 * const asOf = CalendarDate.makeUnsafe("2018-06-30")
 * const report = execution(budget, totalsOf(budget, entries, asOf), asOf)
 * report.overall.executionRate // paid ÷ budget, exact
 * report.warnings // [{ _tag: "BehindSchedule", lineId: "duty", gap, daysLeft, neededPerMonth, … }]
 * ```
 * @category execution
 * @since 0.1.0
 */
export const execution = (
  budget: Budget,
  source: ReadonlyArray<LedgerEntry> | LedgerTotals,
  asOf: CalendarDate.CalendarDate,
  options: ExecutionOptions = {}
): ExecutionReport => {
  const o = resolve(options)
  let totals: LedgerTotals
  if (isLedgerTotals(source)) {
    if (source.asOf !== asOf) throw new RangeError(`execution: the totals are as of ${source.asOf}, the report is asked as of ${asOf}`)
    if (source.budgetId !== budget.id) throw new RangeError("execution: the totals are of another budget")
    totals = source
  } else totals = totalsOf(budget, source, asOf)
  const byLine = new Map(totals.lines.map((t) => [t.lineId, t]))

  const lines: Array<LineExecution> = budget.lines.map((line) => {
    const t = byLine.get(line.id)
    const paid = t?.payments ?? Money.zero
    const committed = t === undefined ? Money.zero : Money.subtract(t.commitments, t.settled)
    const planned = plannedBy(line, budget.year, asOf, o.interpolation, o.plannedRounding)
    return { lineId: line.id, name: line.name, category: line.category, ...figures(line.amount, planned, paid, committed, t?.entries ?? 0) }
  })
  const overall = figures(
    Money.sum(lines.map((l) => l.budget)),
    Money.sum(lines.map((l) => l.planned)),
    Money.sum(lines.map((l) => l.paid)),
    Money.sum(lines.map((l) => l.committed)),
    lines.reduce((n, l) => n + l.entries, 0)
  )

  const yearEnd = `${budget.year}-12-31` as CalendarDate.CalendarDate
  const daysLeft = CalendarDate.diffDays(asOf, yearEnd)
  const daysInYear = CalendarDate.isLeapYear(budget.year) ? 366 : 365
  const warnings: Array<BehindSchedule> = []
  const check = (lineId: string | undefined, f: Figures) => {
    if (daysLeft <= o.marginDays) return
    const gap = Money.subtract(f.planned, f.paid)
    if (gap <= 0) return
    // gap ≥ behindBy × planned, compared exactly.
    if (BigInt(gap) * BigInt(o.behindBy.denominator) < BigInt(o.behindBy.numerator) * BigInt(f.planned)) return
    const remaining = Money.subtract(f.budget, f.paid)
    // remaining ÷ (daysLeft × 12 ÷ daysInYear) months.
    const neededPerMonth = Money.fenUnsafe(Number(roundRational(BigInt(remaining) * BigInt(daysInYear), BigInt(12 * daysLeft), o.paceRounding)))
    warnings.push({
      _tag: "BehindSchedule",
      lineId,
      planned: f.planned,
      paid: f.paid,
      gap,
      gapRate: Ratio.makeUnsafe(gap, f.planned),
      threshold: o.behindBy,
      daysLeft,
      remaining,
      neededPerMonth
    })
  }
  check(undefined, overall)
  for (const l of lines) check(l.lineId, l)

  return { budgetId: budget.id, region: budget.region, year: budget.year, asOf, overall, lines, warnings, options: o }
}
