/**
 * The self-evaluation of a year, from the stores: the measures counted in the records (in SQL on
 * the SQL adapters), the ledger's measures (budget execution, grants, subsidy per case), the
 * scheme's scores, and the report's input — everything the seed report assembled by hand.
 *
 * @example
 * import { Effect } from "effect"
 * import { CalendarDate, Region } from "fayuan"
 * import { schemes } from "fayuan/evaluation"
 * import { renderMarkdown, selfEvaluation } from "fayuan/report"
 * const program = selfEvaluation({
 *   scope: Region.makeUnsafe("530103"), year: 2018, scheme: schemes.panlong2018, budgetId: "PL-2018",
 *   regionName: { zh: "盘龙区", en: "Panlong District" }, projectName: "法律援助项目",
 *   generatedOn: CalendarDate.makeUnsafe("2019-01-15")
 * }).pipe(Effect.map((r) => renderMarkdown(r.report)))
 *
 * @since 0.1.0
 */
import { Data, Effect } from "effect"
import * as CalendarDate from "../CalendarDate.ts"
import * as Money from "../Money.ts"
import * as Ratio from "../Ratio.ts"
import type * as Region from "../Region.ts"
import type { Budget } from "../budget/Budget.ts"
import type { ExecutionOptions, ExecutionReport } from "../budget/execution.ts"
import { execution } from "../budget/execution.ts"
import type { BudgetNotFound } from "../budget/Ledger.ts"
import { LedgerStore } from "../budget/Store.ts"
import type { CorruptRecord, StoreError } from "../lifecycle/Store.ts"
import type { Measured, Measures } from "../evaluation/Measure.ts"
import type { Judgements, Scheme } from "../evaluation/Scheme.ts"
import type { Evaluation } from "../evaluation/score.ts"
import { evaluate } from "../evaluation/score.ts"
import { EvaluationSource, yearPeriod } from "../evaluation/Source.ts"
import type { BudgetSummary, BudgetWarning, Funds, Narrative, Office, ReportInput } from "./Report.ts"
import type { Localized } from "./text.ts"

/**
 * Nothing was found to evaluate: no case, record, duty shift or ledger entry in the scope and year
 * (a wrong scope or year, most often). Ask with `allowEmpty: true` for the report of an empty year.
 *
 * @category errors
 */
export class NothingToEvaluate extends Data.TaggedError("NothingToEvaluate")<{ readonly scope: string; readonly year: number }> {
  override get message(): string {
    return `scope: nothing to evaluate in ${this.scope} for ${this.year} (no case, record, duty shift or ledger entry); pass allowEmpty: true for the empty report`
  }
}

/**
 * The budget named for the evaluation is another year's.
 *
 * @category errors
 */
export class BudgetYearMismatch extends Data.TaggedError("BudgetYearMismatch")<{ readonly budgetId: string; readonly budgetYear: number; readonly year: number }> {
  override get message(): string {
    return `budgetId: budget ${this.budgetId} is for ${this.budgetYear}, not the year evaluated (${this.year})`
  }
}

/**
 * What to evaluate and how to title the report.
 *
 * @category self-evaluation
 */
export interface SelfEvaluationOptions {
  readonly scope: Region.RegionCode
  readonly year: number
  readonly scheme: Scheme
  /** The project budget whose ledger gives the budget and cost measures (none: those indicators drop). */
  readonly budgetId?: string
  readonly regionName: Localized
  readonly projectName: Localized
  /** The report date (never the clock, so the same records give the same bytes). */
  readonly generatedOn: CalendarDate.CalendarDate
  /** Figures entered by hand, by measure key; they replace computed ones and are marked manual. */
  readonly manual?: Measures
  readonly judgements?: Judgements
  readonly notApplicable?: ReadonlyArray<string>
  readonly narrative?: Narrative
  /** The reporting unit and its department, for the header, the signature block and the table. */
  readonly office?: Office
  /** The budget as first approved and the sources of the funds, for the table's funds block. */
  readonly funds?: Funds
  /** How budget execution and its warnings are computed (see `execution`). */
  readonly execution?: ExecutionOptions
  /**
   * Evaluate a scope and year with no record at all (the report then says so first). Without it,
   * an empty year fails with `NothingToEvaluate`.
   */
  readonly allowEmpty?: boolean
}

/**
 * The result: the measures (with evidence), the evaluation, the budget's execution at year end
 * and at each month end, and the report's input.
 *
 * @category self-evaluation
 */
export interface SelfEvaluation {
  readonly measures: Measures
  readonly evaluation: Evaluation
  readonly execution?: ExecutionReport
  readonly monthly?: ReadonlyArray<ExecutionReport>
  readonly report: ReportInput
}

const monthEnds = (year: number): ReadonlyArray<CalendarDate.CalendarDate> =>
  Array.from({ length: 12 }, (_, i) => CalendarDate.endOfMonth(CalendarDate.makeUnsafe(`${String(year).padStart(4, "0")}-${String(i + 1).padStart(2, "0")}-01`)))

const sumPaid = (report: ExecutionReport, category: string): { readonly paid: Money.Fen; readonly entries: number } => {
  let paid = Money.zero
  let entries = 0
  for (const l of report.lines) {
    if (l.category !== category) continue
    paid = Money.add(paid, l.paid)
    entries += l.entries
  }
  return { paid, entries }
}

/**
 * The ledger's measures for a year: budget execution (paid ÷ budget), grants paid to the
 * sub-district offices, and the subsidy per concluded case (case-subsidy payments ÷ cases
 * concluded in the year).
 *
 * @category self-evaluation
 */
export const ledgerMeasures = (budget: Budget, report: ExecutionReport, concluded: Measured | undefined): Measures => {
  const out = new Map<string, Measured>()
  const ledger = `ledger of budget ${budget.id} (${budget.region}) to ${report.asOf}`
  const ledgerZh = `预算${budget.id}（${budget.region}）截至${report.asOf}的台账`
  const overall = report.overall
  if (overall.budget > 0) {
    out.set("budget.execution-rate", {
      value: Ratio.makeUnsafe(overall.paid, overall.budget),
      unit: "rate",
      evidence: {
        source: "records",
        filter: `${ledger}: ${Money.format(overall.paid)} paid ÷ ${Money.format(overall.budget)} budgeted (records: ledger entries, payments and commitments)`,
        filterZh: `${ledgerZh}：已支付${Money.format(overall.paid)} ÷ 预算${Money.format(overall.budget)}（记录数为台账条目，含支付和承诺）`,
        records: overall.entries
      }
    })
  }
  const grants = sumPaid(report, "grants")
  out.set("budget.grants-to-offices", {
    value: Ratio.makeUnsafe(grants.paid, 1),
    unit: "fen",
    evidence: {
      source: "records",
      filter: `${ledger}, paid on lines of category grants (records: ledger entries of those lines)`,
      filterZh: `${ledgerZh}中“补助经费”类预算项目的已支付金额（记录数为这些项目的台账条目）`,
      records: grants.entries
    }
  })
  const subsidies = sumPaid(report, "case-subsidy")
  const cases = concluded === undefined ? 0 : concluded.value.numerator
  if (cases > 0) {
    out.set("cost.subsidy-per-case", {
      value: Ratio.makeUnsafe(subsidies.paid, cases),
      unit: "fen",
      evidence: {
        source: "derived",
        filter: `${ledger}, paid on case-subsidy lines (${Money.format(subsidies.paid)}, ${subsidies.entries} entries) ÷ cases concluded (${concluded!.evidence.filter})`,
        filterZh: `${ledgerZh}中办案补贴已支付${Money.format(subsidies.paid)}（${subsidies.entries}条）÷ 结案数（${concluded!.evidence.filterZh ?? concluded!.evidence.filter}）`,
        records: subsidies.entries
      }
    })
  }
  return out
}

/** The month ends at which spending is reviewed against the schedule: the first three quarters' ends. */
const reviewMonths = [3, 6, 9]

const warningsOf = (budget: Budget, monthly: ReadonlyArray<ExecutionReport>): ReadonlyArray<BudgetWarning> => {
  // The first quarter end at which each line (and the whole budget) was behind: when the warning
  // came, while there was still time to act.
  const seen = new Set<string>()
  const out: Array<BudgetWarning> = []
  for (const month of reviewMonths) {
    const r = monthly[month - 1]
    if (r === undefined) continue
    for (const w of r.warnings) {
      const id = w.lineId ?? ""
      if (seen.has(id)) continue
      seen.add(id)
      const name = w.lineId === undefined ? undefined : budget.lines.find((l) => l.id === w.lineId)?.name
      out.push({
        line: name ?? w.lineId ?? { zh: "预算合计", en: "the whole budget" },
        ...(w.lineId === undefined ? { overall: true } : {}),
        planned: w.planned,
        paid: w.paid,
        text: {
          zh: `${r.asOf}预警，落后计划${Money.format(w.gap)}，距年底${w.daysLeft}天，此后每月需支出${Money.format(w.neededPerMonth)}`,
          en: `warned on ${r.asOf}: behind plan by ${Money.format(w.gap)} with ${w.daysLeft} days left, ${Money.format(w.neededPerMonth)} a month needed from then`
        }
      })
    }
  }
  return out
}

const budgetSummary = (budget: Budget, year: ExecutionReport, monthly: ReadonlyArray<ExecutionReport>): BudgetSummary => ({
  method: { interpolation: year.options.interpolation, behindBy: year.options.behindBy, marginDays: year.options.marginDays },
  total: year.overall.budget,
  spent: year.overall.paid,
  lines: year.lines.map((l) => ({ name: l.name, category: l.category, amount: l.budget, planned: l.planned, paid: l.paid, variance: l.variance })),
  monthly: monthly.map((r, i) => ({ month: i + 1, planned: r.overall.planned, paid: r.overall.paid })),
  warnings: warningsOf(budget, monthly)
})

/**
 * Evaluates a year from the stores and builds the report's input. Needs the `EvaluationSource`
 * and, with a `budgetId`, the `LedgerStore`.
 *
 * @category self-evaluation
 */
export const selfEvaluation = (
  options: SelfEvaluationOptions
): Effect.Effect<SelfEvaluation, StoreError | BudgetNotFound | BudgetYearMismatch | NothingToEvaluate | CorruptRecord, EvaluationSource | LedgerStore> =>
  Effect.gen(function* () {
    const source = yield* EvaluationSource
    const period = yearPeriod(options.year)
    const counted = yield* source.measure(options.scope, period)
    const casesByMonth = yield* source.casesByMonth(options.scope, options.year)
    const clocks = yield* source.clockSummary(options.scope, period)
    const measures = new Map<string, Measured>(counted)
    let year: ExecutionReport | undefined
    let monthly: ReadonlyArray<ExecutionReport> | undefined
    let budget: BudgetSummary | undefined
    if (options.budgetId !== undefined) {
      const ledger = yield* LedgerStore
      const b = yield* ledger.getBudget(options.scope, options.budgetId)
      if (b.year !== options.year) return yield* Effect.fail(new BudgetYearMismatch({ budgetId: b.id, budgetYear: b.year, year: options.year }))
      const reports: Array<ExecutionReport> = []
      for (const end of monthEnds(options.year)) {
        const totals = yield* ledger.totals(options.scope, b.id, end)
        reports.push(execution(b, totals, end, options.execution))
      }
      monthly = reports
      year = reports[reports.length - 1]!
      for (const [k, m] of ledgerMeasures(b, year, counted.get("cases.concluded"))) measures.set(k, m)
      budget = budgetSummary(b, year, reports)
    }
    const empty = [...measures.values()].every((m) => m.evidence.records === 0) && (year === undefined || year.lines.every((l) => l.entries === 0))
    if (empty && options.allowEmpty !== true) return yield* Effect.fail(new NothingToEvaluate({ scope: options.scope, year: options.year }))
    for (const [k, m] of options.manual ?? []) measures.set(k, { ...m, evidence: { ...m.evidence, source: "manual" } })
    const evaluation = evaluate(options.scheme, measures, {
      period,
      ...(options.judgements === undefined ? {} : { judgements: options.judgements }),
      ...(options.notApplicable === undefined ? {} : { notApplicable: options.notApplicable })
    })
    const report: ReportInput = {
      region: options.scope,
      regionName: options.regionName,
      year: options.year,
      projectName: options.projectName,
      evaluation,
      casesByMonth,
      clocks: { started: clocks.started, met: clocks.met, overdue: clocks.overdue + clocks.missed },
      generatedOn: options.generatedOn,
      ...(empty ? { empty: true } : {}),
      measures,
      scheme: options.scheme,
      ...(budget === undefined
        ? {}
        : { budget }),
      ...(options.narrative === undefined ? {} : { narrative: options.narrative }),
      ...(options.office === undefined ? {} : { office: options.office }),
      ...(options.funds === undefined ? {} : { funds: options.funds })
    }
    return {
      measures,
      evaluation,
      report,
      ...(year === undefined ? {} : { execution: year }),
      ...(monthly === undefined ? {} : { monthly })
    } satisfies SelfEvaluation
  })
