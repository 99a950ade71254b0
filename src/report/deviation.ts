/**
 * 偏差原因分析及改进措施: why an indicator missed (or far exceeded) its annual value, filled from
 * the data where the data says why — time limits overdue, cases not aided, cases failing review,
 * spending behind the schedule — and otherwise left as a field the office completes
 * (`（待填写）`). The measures to take are always the office's to write.
 *
 * @since 0.2.0
 */
import * as Money from "../Money.ts"
import * as Ratio from "../Ratio.ts"
import type { ScoredIndicator } from "../evaluation/score.ts"
import { formatPercent } from "../evaluation/score.ts"
import { toComplete } from "./Grid.ts"
import type { BudgetSummary } from "./Report.ts"
import { dropReasonName } from "./text.ts"

/**
 * A deviation: the text of the cell, and whether part of it is left for the office.
 *
 * @category models
 */
export interface Deviation {
  readonly text: string
  /** The cause was read from the data. */
  readonly fromData: boolean
  /** Part of the cell is for the office to complete. */
  readonly toComplete: boolean
}

/**
 * Options: from what share of an at-least target an over-achievement asks for an explanation
 * (130% by default, as some provinces ask), and the budget, for the budget execution indicator.
 *
 * @category models
 */
export interface DeviationOptions {
  readonly overAchievement?: Ratio.Ratio
  readonly budget?: BudgetSummary
}

const money = (fen: number): string => Money.format(Money.fenUnsafe(fen))
const measures = "改进措施：" + toComplete

/** What the shortfall of a rate counts, by the measure's key. */
const shortfalls: ReadonlyArray<readonly [prefix: string, what: string]> = [
  ["timeliness.", "件超过办理时限"],
  ["aid.", "件应援未援"],
  ["quality.pass-rate", "件质量评查不合格"],
  ["network.", "个站点未提供"]
]

/** The records a rate counts short of all: `denominator − numerator` over the evidence's records. */
const shortOf = (i: ScoredIndicator): { readonly missed: number; readonly of: number } | undefined => {
  const a = i.actual
  if (a === undefined || a.unit !== "rate" || a.evidence.source === "manual") return undefined
  const of = a.evidence.records
  const done = (a.value.numerator * of) / a.value.denominator
  if (of <= 0 || !Number.isInteger(done)) return undefined
  return { missed: of - done, of }
}

/**
 * Why spending fell behind, from the budget: the months it lagged the schedule (the first, and
 * the worst) and the balance left at the year's end; `undefined` when it never lagged and all
 * was spent.
 *
 * @category deviation
 */
export const budgetCause = (budget: BudgetSummary): string | undefined => {
  const parts: Array<string> = []
  const behind = budget.monthly.filter((m) => m.paid < m.planned).sort((a, b) => a.month - b.month)
  if (behind.length > 0) {
    const first = behind[0]!
    const worst = behind.reduce((w, m) => (m.planned - m.paid > w.planned - w.paid ? m : w))
    parts.push(
      `支出未按经费安排进度执行，${first.month}月末起累计支出落后于计划` +
        (worst.month === first.month ? `（落后${money(first.planned - first.paid)}）` : `，${worst.month}月末落后最多（${money(worst.planned - worst.paid)}）`)
    )
  }
  if (budget.warnings.length > 0) parts.push(`年内预警${budget.warnings.length}次`)
  if (budget.spent < budget.total) parts.push(`全年结余${money(budget.total - budget.spent)}`)
  return parts.length === 0 ? undefined : parts.join("；")
}

/**
 * The deviation of a scored indicator, or `undefined` when it met its value without a large
 * excess. A cause the data shows is written out (with the measures left to complete); a cause it
 * does not show is left to complete.
 *
 * @example
 * ```ts
 * import { deviationOf } from "fayuan/report"
 * import type { ScoredIndicator } from "fayuan/evaluation"
 * declare const indicator: ScoredIndicator // timeliness 98.8%: 10 of 864 decisions late
 * deviationOf(indicator)?.text // "原因：10件超过办理时限（共864件）；改进措施：（待填写）"
 * ```
 *
 * @category deviation
 */
export const deviationOf = (i: ScoredIndicator, options: DeviationOptions = {}): Deviation | undefined => {
  if (i.dropped !== undefined) return { text: `未计分（${dropReasonName(i.dropped, "zh")}）：${toComplete}`, fromData: false, toComplete: true }
  if (i.met) {
    const factor = options.overAchievement ?? Ratio.makeUnsafe(13, 10)
    const target = i.target.value
    if (i.kind !== "at-least" || target === undefined || target.numerator === 0 || i.actual === undefined) return undefined
    // actual ≥ factor × target, exactly
    const over = Ratio.compare(i.actual.value, Ratio.makeUnsafe(factor.numerator * target.numerator, factor.denominator * target.denominator)) >= 0
    if (!over) return undefined
    const share = formatPercent(Ratio.makeUnsafe(i.actual.value.numerator * target.denominator, i.actual.value.denominator * target.numerator))
    return { text: `实际完成值为年度指标值的${share}，请分析指标值是否设定偏低：${toComplete}`, fromData: false, toComplete: true }
  }
  if (i.measure === "budget.execution-rate" && options.budget !== undefined) {
    const cause = budgetCause(options.budget)
    if (cause !== undefined) return { text: `原因：${cause}；${measures}`, fromData: true, toComplete: true }
  }
  const short = shortOf(i)
  const what = shortfalls.find(([prefix]) => i.measure.startsWith(prefix))?.[1]
  if (short !== undefined && what !== undefined && short.missed > 0) {
    return { text: `原因：${short.missed}${what}（共${short.of}${what.startsWith("个") ? "个" : "件"}）；${measures}`, fromData: true, toComplete: true }
  }
  return { text: `原因：${toComplete}；${measures}`, fromData: false, toComplete: true }
}
