/**
 * The self-evaluation report (项目支出绩效自评报告): the input it is made from and the document
 * model the renderers (Markdown, HTML, docx) share.
 *
 * {@link buildReport} turns a {@link ReportInput} into a {@link Report} — headings after the
 * outline of the seed report, paragraphs, tables and charts — filling in what the data shows:
 * the indicator table with target, actual, points, score and evidence; the total and grade; and
 * the problems and suggestions (indicators missed, spending behind schedule, overdue time limits,
 * manual figures missing). It is pure: the same input gives the same report, whatever the order
 * of the input lists; nothing depends on the clock.
 *
 * The input holds no personal data and has no field for it: the lines for the person responsible
 * and a contact are blanks the office fills by hand.
 *
 * @since 0.1.0
 */
import type { CalendarDate } from "../CalendarDate.ts"
import * as Money from "../Money.ts"
import * as Ratio from "../Ratio.ts"
import type { RegionCode } from "../Region.ts"
import type { Measured, Measures } from "../evaluation/Measure.ts"
import type { Band, Scheme } from "../evaluation/Scheme.ts"
import { indicatorsOf } from "../evaluation/Scheme.ts"
import type { Evaluation, ScoredIndicator } from "../evaluation/score.ts"
import { formatPercent, formatPoints, formatValue } from "../evaluation/score.ts"
import { deviationOf } from "./deviation.ts"
import type { Grid } from "./Grid.ts"
import { selfEvaluationGrid, selfEvaluationTable } from "./selfEvaluationTable.ts"
import type { Lang, Localized, Strings } from "./text.ts"
import { budgetCategoryName, dropReasonName, kindName, localize, roundingName, strings } from "./text.ts"

/**
 * Cases accepted in a month (1..12), by kind. Several entries for a month are added up.
 *
 * @category input
 */
export interface CasesInMonth {
  readonly month: number
  readonly civil: number
  readonly criminal: number
  readonly other: number
}

/**
 * A budget line: its budget (`amount`), what the schedule planned to be spent by now, what was
 * paid and the variance (as the budget module computes it), all in fen.
 *
 * @category input
 */
export interface BudgetLine {
  readonly name: Localized
  readonly category: string
  readonly amount: Money.Fen
  readonly planned: Money.Fen
  readonly paid: Money.Fen
  readonly variance: Money.Fen
}

/**
 * Cumulative planned and paid amounts at the end of a month (1..12), in fen.
 *
 * @category input
 */
export interface BudgetMonth {
  readonly month: number
  readonly planned: Money.Fen
  readonly paid: Money.Fen
}

/**
 * A budget warning for a line: its text and/or the figures behind it.
 *
 * @category input
 */
export interface BudgetWarning {
  readonly line: Localized
  /** The warning is about the whole budget (listed first), not a line. */
  readonly overall?: boolean
  readonly text?: Localized
  readonly planned?: Money.Fen
  readonly paid?: Money.Fen
}

/**
 * The budget part of the input.
 *
 * @category input
 */
export interface BudgetSummary {
  /** How the plan to date was drawn from the schedule and when a line is flagged (see `execution`). */
  readonly method?: {
    readonly interpolation: "linear" | "step"
    readonly behindBy: Ratio.Ratio
    readonly marginDays: number
  }
  readonly total: Money.Fen
  readonly spent: Money.Fen
  readonly lines: ReadonlyArray<BudgetLine>
  readonly monthly: ReadonlyArray<BudgetMonth>
  readonly warnings: ReadonlyArray<BudgetWarning>
}

/**
 * The time limits (clocks) of the period: started, met in time, overdue.
 *
 * @category input
 */
export interface ClockSummary {
  readonly started: number
  readonly met: number
  readonly overdue: number
}

/**
 * Paragraphs written by the centre; each replaces the generated default when given.
 *
 * @category input
 */
export interface Narrative {
  readonly background?: Localized
  readonly implementation?: Localized
  readonly organisation?: Localized
  readonly experience?: ReadonlyArray<Localized>
  /** The project's overall goals (总目标); by default the four goals of the seed report. */
  readonly goals?: ReadonlyArray<Localized>
}

/**
 * The office that reports: its unit (实施单位) and the department above it (主管部门), printed in
 * the report's header and signature block and in the self-evaluation table. The person
 * responsible, the contact and the phone are blanks the office fills on the printed or Word copy:
 * a report holds no person's name or phone.
 *
 * @category input
 */
export interface Office {
  readonly unit?: Localized
  readonly department?: Localized
}

/**
 * Amounts of a row of the self-evaluation table's funds block, in fen.
 *
 * @category input
 */
export interface FundsRow {
  /** 年初预算数: the budget approved at the start of the year. */
  readonly initial?: Money.Fen
  /** 全年预算数: the budget after the year's adjustments. */
  readonly adjusted?: Money.Fen
  /** 全年执行数: spent in the year. */
  readonly executed?: Money.Fen
}

/**
 * What the ledger does not hold about the project's funds: the budget as first approved (when
 * adjusted during the year) and where the money came from.
 *
 * @category input
 */
export interface Funds {
  readonly initial?: Money.Fen
  readonly sources?: { readonly currentYear?: FundsRow; readonly carriedOver?: FundsRow; readonly other?: FundsRow }
}

/**
 * Everything a report is made from. `generatedOn` is the date printed as the report date (never
 * the clock), so the same input gives the same bytes.
 *
 * @category input
 */
export interface ReportInput {
  readonly region: RegionCode
  readonly regionName: Localized
  readonly year: number
  readonly projectName: Localized
  readonly evaluation: Evaluation
  readonly casesByMonth: ReadonlyArray<CasesInMonth>
  readonly budget?: BudgetSummary
  readonly clocks?: ClockSummary
  readonly narrative?: Narrative
  /** Figures measured but not necessarily scored (network, staff, terminals, grants, trainings), by measure key. */
  readonly measures?: Measures
  /** The scheme evaluated: gives the bands of the qualitative indicators to the scoring rules. */
  readonly scheme?: Scheme
  readonly generatedOn: CalendarDate
  /** No record of the scope and period was found: the report says so first. */
  readonly empty?: boolean
  readonly office?: Office
  readonly funds?: Funds
}

/**
 * A table: head, rows and the alignment of each column; the last row may be a total.
 *
 * @category model
 */
export interface Table {
  readonly caption: string
  readonly head: ReadonlyArray<string>
  readonly rows: ReadonlyArray<ReadonlyArray<string>>
  readonly align: ReadonlyArray<"left" | "right">
  readonly totalRow?: boolean
  /** Relative column widths, for the formats that set them (docx); from the content by default. */
  readonly widths?: ReadonlyArray<number>
  /** How many leading columns merge a value repeated down consecutive rows into one cell (一级/二级指标). */
  readonly merge?: number
}

/**
 * How many rows each cell of a table covers when its leading `merge` columns join repeated
 * values: 1 for a cell of its own, n for the first of n equal cells (a column merges only inside
 * the merged cells of the columns left of it), 0 for a cell covered by the one above. The total
 * row never merges.
 *
 * @example
 * ```ts
 * import { mergedSpans } from "fayuan/report"
 * mergedSpans({ caption: "", head: ["a", "b"], align: ["left", "left"], merge: 1, rows: [["x", "1"], ["x", "2"], ["y", "3"]] })
 * // [[2, 1], [0, 1], [1, 1]]
 * ```
 *
 * @category model
 */
export const mergedSpans = (t: Table): ReadonlyArray<ReadonlyArray<number>> => {
  const rows = t.rows
  const last = t.totalRow === true ? rows.length - 1 : rows.length
  const spans = rows.map((r) => r.map(() => 1))
  for (let col = 0; col < Math.min(t.merge ?? 0, t.head.length); col++) {
    for (let r = 0; r < last; ) {
      let n = 1
      // Equal in this column and in every merged column to its left.
      while (r + n < last && rows[r + n]!.slice(0, col + 1).every((x, c) => x === rows[r]![c])) n++
      spans[r]![col] = n
      for (let k = 1; k < n; k++) spans[r + k]![col] = 0
      r += n
    }
  }
  return spans
}

/**
 * A data series of a chart, with printed labels for its values.
 *
 * @category model
 */
export interface Series {
  readonly name: string
  readonly values: ReadonlyArray<number>
  readonly labels: ReadonlyArray<string>
  /** A fixed colour (`#rrggbb`); by default the palette's, in series order. */
  readonly color?: string
}

/**
 * A chart: stacked bars (cases by month and kind), grouped bars (points and score by
 * first-level indicator) or lines (cumulative spending against the schedule).
 *
 * @category model
 */
export interface Chart {
  readonly kind: "stacked-bars" | "bars" | "lines"
  readonly title: string
  readonly categories: ReadonlyArray<string>
  readonly series: ReadonlyArray<Series>
  readonly unit: string
}

/**
 * A piece of the report. A chart carries its data as a table too, for the formats that draw no
 * pictures (Markdown, docx).
 *
 * @category model
 */
export type Block =
  | { readonly kind: "heading"; readonly level: 1 | 2 | 3; readonly text: string }
  | { readonly kind: "paragraph"; readonly text: string }
  | { readonly kind: "list"; readonly items: ReadonlyArray<string> }
  | { readonly kind: "table"; readonly table: Table }
  | { readonly kind: "chart"; readonly chart: Chart; readonly table: Table }
  | { readonly kind: "form"; readonly form: Grid }
  | { readonly kind: "signature"; readonly lines: ReadonlyArray<string>; readonly date: string }

/**
 * A report: title, a few lines under it, and the blocks.
 *
 * @category model
 */
export interface Report {
  readonly lang: Lang
  readonly title: string
  readonly meta: ReadonlyArray<string>
  readonly blocks: ReadonlyArray<Block>
}

/**
 * Report options: the language (Chinese by default).
 *
 * @category model
 */
export interface ReportOptions {
  readonly lang?: Lang
  /** Append the self-evaluation table (项目支出绩效自评表) as an annex (default `true`). */
  readonly table?: boolean
}

// ---------------------------------------------------------------------------------------------

const money = (fen: number): string => Money.format(Money.fenUnsafe(fen))
const percentOf = (part: number, whole: number, t: Strings): string => (whole === 0 ? t.dash : formatPercent(Ratio.makeUnsafe(part, whole)))
/** An amount in 万元 (ten thousand yuan) for a chart's axis, to the yuan. */
const wanYuan = (fen: number): number => Math.round(fen / 100) / 10000

/** The 12 months with the cases of each, entries for the same month added up. */
export const casesPerMonth = (cases: ReadonlyArray<CasesInMonth>): ReadonlyArray<CasesInMonth> => {
  const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, civil: 0, criminal: 0, other: 0 }))
  for (const c of cases) {
    if (!Number.isInteger(c.month) || c.month < 1 || c.month > 12) throw new RangeError(`casesByMonth: month ${c.month} is not 1..12`)
    const m = months[c.month - 1]!
    m.civil += c.civil
    m.criminal += c.criminal
    m.other += c.other
  }
  return months
}

/** The sum of multiples of 1/100, exactly. */
const sumPoints = (points: ReadonlyArray<Ratio.Ratio>): Ratio.Ratio =>
  Ratio.makeUnsafe(points.reduce((s, r) => s + (r.numerator * 100) / r.denominator, 0), 100)

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** The date a warning was raised: the first ISO date in its text, if any. */
const warningDate = (w: BudgetWarning): string => {
  if (w.text === undefined) return "\uffff"
  const found = /\d{4}-\d{2}-\d{2}/.exec(localize(w.text, "zh")) ?? /\d{4}-\d{2}-\d{2}/.exec(localize(w.text, "en"))
  return found === null ? "\uffff" : found[0]
}

/**
 * The budget input in report order: the lines in the budget's own order (as given), the months
 * by month, the warnings about the whole budget first, then by the date they were raised (the
 * date their text starts with), then as given.
 */
const canonicalBudget = (budget: BudgetSummary): BudgetSummary => ({
  ...budget,
  monthly: [...budget.monthly].sort((a, b) => a.month - b.month || a.planned - b.planned || a.paid - b.paid),
  warnings: budget.warnings
    .map((w, i) => ({ w, i, date: warningDate(w) }))
    .sort((a, b) => (a.w.overall === true ? 0 : 1) - (b.w.overall === true ? 0 : 1) || byText(a.date, b.date) || a.i - b.i)
    .map((x) => x.w)
})

const actualText = (i: ScoredIndicator, lang: Lang, t: Strings): string => {
  const value = i.actual === undefined ? undefined : formatValue(i.actual.value, i.target.unit, lang, i.target.unitLabel)
  if (i.band !== undefined) return value === undefined ? i.band.name[lang] : t.paren(value, i.band.name[lang])
  return value ?? t.dash
}

const evidenceText = (i: ScoredIndicator, lang: Lang, t: Strings): string => {
  const parts: Array<string> = []
  if (i.dropped !== undefined) parts.push(t.notScored(dropReasonName(i.dropped, lang)))
  if (i.judgement !== undefined) parts.push(t.judgement(i.band?.name[lang] ?? i.judgement.band, i.judgement.note))
  const e = i.evidence
  if (e !== undefined) {
    const filter = lang === "zh" ? (e.filterZh ?? e.filter) : e.filter
    const note = lang === "zh" ? (e.noteZh ?? e.note) : e.note
    if (e.source === "manual") parts.push(t.evidenceManual(note === undefined ? filter : `${filter}${t.semicolon}${note}`))
    else if (e.source === "derived") parts.push(t.evidenceDerived(filter, e.records))
    else parts.push(t.evidenceRecords(filter, e.records))
  }
  if (i.band !== undefined && i.judgement === undefined) parts.push(t.bandReached(i.band.name[lang]))
  return parts.length === 0 ? t.dash : parts.join(t.semicolon)
}

const scored = (e: Evaluation): ReadonlyArray<ScoredIndicator> => e.indicators.filter((i) => i.dropped === undefined)

/**
 * The months where the paid amount is behind the plan: the latest month (unless `skipLast`), and
 * the worst if another (when the latest is shown, only if it is worse).
 */
const lags = (budget: BudgetSummary, skipLast: boolean): ReadonlyArray<BudgetMonth> => {
  const last = budget.monthly[budget.monthly.length - 1]
  if (last === undefined) return []
  let worst: BudgetMonth | undefined
  for (const m of budget.monthly) {
    if (m.paid < m.planned && (worst === undefined || m.planned - m.paid > worst.planned - worst.paid)) worst = m
  }
  const out: Array<BudgetMonth> = []
  const showLast = !skipLast && last.paid < last.planned
  if (showLast) out.push(last)
  if (worst !== undefined && worst !== last && (!showLast || worst.planned - worst.paid > last.planned - last.paid)) out.push(worst)
  return out.sort((a, b) => a.month - b.month)
}

/**
 * The problems the data shows, in a fixed order: indicators missed (with their figures),
 * spending behind schedule and under budget, budget warnings, overdue time limits, and manual
 * figures or judgements not entered. Empty when there is none.
 *
 * @example
 * import { problems, type ReportInput } from "fayuan/report"
 * declare const input: ReportInput // from selfEvaluation(…).report
 * problems(input, "zh") // ["“受理法律援助案件数”未完成目标：目标≥ 900件，实际864件，得分4.80/5.00。", …]
 *
 * @category building
 */
export const problems = (input: ReportInput, lang: Lang = "zh"): ReadonlyArray<{ readonly kind: "missed" | "budget" | "clocks" | "manual"; readonly text: string }> => {
  const t = strings[lang]
  const out: Array<{ kind: "missed" | "budget" | "clocks" | "manual"; text: string }> = []
  for (const i of scored(input.evaluation)) {
    if (!i.met) out.push({ kind: "missed", text: t.missed(i.name[lang], i.target.display[lang], actualText(i, lang, t), formatPoints(i.score), formatPoints(i.points)) })
  }
  if (input.budget !== undefined) {
    const budget = canonicalBudget(input.budget)
    // At year end the unspent balance (结余) says what a December lag would: then only the worst
    // month's lag is added to it.
    const underspent = budget.spent < budget.total
    const last = budget.monthly[budget.monthly.length - 1]
    for (const m of lags(budget, underspent && last?.month === 12)) {
      out.push({ kind: "budget", text: t.behind(m.month, money(m.paid), money(m.planned), money(m.planned - m.paid), percentOf(m.paid, m.planned, t)) })
    }
    if (underspent) {
      out.push({ kind: "budget", text: t.underspent(money(budget.total), money(budget.spent), percentOf(budget.spent, budget.total, t), money(budget.total - budget.spent)) })
    }
    for (const w of budget.warnings) {
      const figures = w.planned !== undefined && w.paid !== undefined ? t.warningFigures(money(w.planned), money(w.paid)) : undefined
      const body = [w.text === undefined ? undefined : localize(w.text, lang), figures].filter((x): x is string => x !== undefined).join(t.comma)
      out.push({ kind: "budget", text: t.warning(localize(w.line, lang), body === "" ? t.dash : body) })
    }
  }
  if (input.clocks !== undefined && input.clocks.overdue > 0) {
    out.push({ kind: "clocks", text: t.overdue(input.clocks.overdue, input.clocks.started, input.clocks.met) })
  }
  for (const i of input.evaluation.indicators) {
    if (i.dropped === "manual-missing" || i.dropped === "judgement-missing") out.push({ kind: "manual", text: t.manualMissing(i.name[lang]) })
  }
  return out
}

/** A percentage without trailing zero decimals: 80%, 12.5%. */
const shortPercent = (r: Ratio.Ratio): string => formatPercent(r).replace(/\.00%$/, "%").replace(/(\.\d)0%$/, "$1%")

/** A measured figure: from the input's measures, else the actual of an indicator measuring it. */
const figureOf = (input: ReportInput, key: string): Measured | undefined =>
  input.measures?.get(key) ?? input.evaluation.indicators.find((i) => i.measure === key && i.actual !== undefined)?.actual

/** A count (or a sum of fen) as a whole number. */
const whole = (m: Measured): number => Math.round(m.value.numerator / m.value.denominator)

/**
 * The scoring rules, from the evaluation: a formula for each kind of indicator the scheme uses
 * (with how many), the bands of the qualitative indicators (from the scheme, when given) and the
 * budget execution indicator's own formula with its points.
 */
const scoringRules = (input: ReportInput, lang: Lang): string => {
  const t = strings[lang]
  const e = input.evaluation
  const clauses: Array<string> = []
  for (const kind of ["at-least", "at-most", "equals"] as const) {
    const n = e.indicators.filter((i) => i.kind === kind).length
    if (n > 0) clauses.push(t.ruleKind(kind, n))
  }
  const qualitative = e.indicators.filter((i) => i.kind === "qualitative")
  if (qualitative.length > 0) {
    const schemeBands = new Map<string, ReadonlyArray<Band>>()
    for (const { indicator } of input.scheme === undefined ? [] : indicatorsOf(input.scheme)) {
      if (indicator.rule.kind === "qualitative") schemeBands.set(indicator.id, indicator.rule.bands)
    }
    // indicators with the same bands share a clause, in scheme order
    const sets: Array<{ key: string; names: Array<string>; bands: ReadonlyArray<Band> | undefined }> = []
    for (const i of qualitative) {
      const bands = schemeBands.get(i.id)
      const key = bands === undefined ? "" : JSON.stringify(bands.map((b) => [b.name[lang], Ratio.toDecimalString(b.from), Ratio.toDecimalString(b.to), Ratio.toDecimalString(b.award)]))
      const found = sets.find((x) => x.key === key)
      if (found === undefined) sets.push({ key, names: [i.name[lang]], bands })
      else found.names.push(i.name[lang])
    }
    for (const set of sets) {
      const ordered = set.bands === undefined ? undefined : [...set.bands].sort((a, b) => Ratio.compare(b.to, a.to) || Ratio.compare(b.award, a.award))
      clauses.push(
        ordered === undefined
          ? t.ruleJudged(t.nameList(set.names))
          : t.ruleBands(t.nameList(set.names), ordered.map((b) => t.band(b.name[lang], shortPercent(b.from), shortPercent(b.to), shortPercent(b.award))).join(t.weightSep))
      )
    }
    for (const i of qualitative) {
      const bands = schemeBands.get(i.id)
      if (bands === undefined || bands.length === 0 || !bands.every((b) => b.atLeast !== undefined)) continue
      const byValue = [...bands].sort((a, b) => Ratio.compare(b.atLeast!, a.atLeast!))
      const steps = byValue.map((b) => (b.atLeast!.numerator === 0 ? t.bandRest(b.name[lang]) : t.bandAtLeast(formatValue(b.atLeast!, i.target.unit, lang, i.target.unitLabel), b.name[lang])))
      clauses.push(t.ruleByValue(i.name[lang], steps.join(t.weightSep)))
    }
  }
  const execution = e.indicators.find((i) => i.measure === "budget.execution-rate" && i.target.value !== undefined)
  if (execution !== undefined) {
    const points = Ratio.toDecimalString(execution.dropped === undefined ? execution.points : execution.schemePoints)
    const target = execution.target.value!
    clauses.push(t.ruleBudget(execution.name[lang], points, target.numerator === target.denominator ? undefined : formatPercent(target)))
  }
  return t.rules(clauses.join(t.semicolon))
}

/**
 * Builds the report model from the input, in Chinese unless `lang: "en"`. Throws a `RangeError`
 * for a month outside 1..12 in `casesByMonth` (a defect of the caller).
 *
 * @example
 * import { buildReport, type ReportInput } from "fayuan/report"
 * declare const input: ReportInput // from selfEvaluation(…).report
 * const report = buildReport(input, { lang: "zh" })
 * report.blocks.filter((b) => b.kind === "chart").length // 3 when a budget is given
 *
 * @category building
 */
export const buildReport = (input: ReportInput, options: ReportOptions = {}): Report => {
  const lang = options.lang ?? "zh"
  const t = strings[lang]
  const e = input.evaluation
  const region = localize(input.regionName, lang)
  const project = localize(input.projectName, lang)
  const budget = input.budget === undefined ? undefined : canonicalBudget(input.budget)
  const blocks: Array<Block> = []
  let tables = 0
  let figures = 0
  const h = (level: 1 | 2 | 3, text: string) => blocks.push({ kind: "heading", level, text })
  const p = (text: string) => blocks.push({ kind: "paragraph", text })
  const list = (items: ReadonlyArray<string>) => {
    if (items.length > 0) blocks.push({ kind: "list", items })
  }
  const table = (caption: string, rest: Omit<Table, "caption">) => blocks.push({ kind: "table", table: { caption: t.tableNo(++tables, caption), ...rest } })
  // A chart is a figure (图) in HTML; its data is a numbered table (表) in every format.
  const chart = (chart: Omit<Chart, "title">, caption: string, dataCaption: string, data: Omit<Table, "caption">) => {
    const figure = ++figures
    blocks.push({ kind: "chart", chart: { ...chart, title: t.figureNo(figure, caption) }, table: { caption: t.tableNo(++tables, t.chartData(dataCaption, figure)), ...data } })
  }
  const shown = (key: string): string | undefined => {
    const m = figureOf(input, key)
    return m === undefined ? undefined : formatValue(m.value, m.unit, lang)
  }
  const countOf = (key: string): number | undefined => {
    const m = figureOf(input, key)
    return m === undefined ? undefined : whole(m)
  }
  const join = (items: ReadonlyArray<string>) => items.join(t.listSep)

  if (input.empty === true) {
    p(lang === "zh" ? `注意：在${region}${input.year}年度未找到任何案件、记录或支出，以下各项均为零，评分不反映实际工作。` : `Note: no case, record or spending was found for ${region} in ${input.year}; every figure below is zero and the score does not reflect any work done.`)
  }
  // 一、项目基本情况
  h(1, t.s1)
  h(2, t.s1a)
  h(3, t.s1a1)
  p(input.narrative?.background === undefined ? t.background(region) : localize(input.narrative.background, lang))
  h(3, t.s1a2)
  const months = casesPerMonth(input.casesByMonth)
  const sum = (k: "civil" | "criminal" | "other") => months.reduce((s, m) => s + m[k], 0)
  const [civil, criminal, other] = [sum("civil"), sum("criminal"), sum("other")]
  if (input.narrative?.implementation !== undefined) p(localize(input.narrative.implementation, lang))
  else {
    p(t.casesSummary(input.year, civil + criminal + other, civil, criminal, other))
    const outputs = e.indicators.filter((i) => i.target.unit === "count" && i.actual !== undefined)
    if (outputs.length > 0) p(t.outputsIntro + join(outputs.map((i) => `${i.name[lang]}${lang === "zh" ? "" : " "}${actualText(i, lang, t)}`)) + t.sentenceEnd)
    const measured = input.measures
    const m = (key: string): number | undefined => {
      const x = measured?.get(key)
      return x === undefined ? undefined : whole(x)
    }
    const capacity: Array<string> = []
    const network = t.network(m("network.centres"), m("network.workstations"), m("network.liaison-points"))
    if (network !== undefined) capacity.push(network)
    const offices = m("network.sub-district-offices")
    if (offices !== undefined) capacity.push(t.offices(offices))
    const terminals = m("network.terminals")
    if (terminals !== undefined) capacity.push(t.terminals(terminals))
    const auxiliary = m("staff.auxiliary")
    if (auxiliary !== undefined) capacity.push(t.auxiliary(auxiliary))
    const grants = m("budget.grants-to-offices")
    if (grants !== undefined) capacity.push(t.grants(money(grants)))
    const training = t.trainings(m("trainings.sessions"), m("trainings.participants"))
    if (training !== undefined) capacity.push(training)
    if (capacity.length > 0) p(t.capacityIntro + join(capacity) + t.sentenceEnd)
  }
  chart(
    {
      kind: "stacked-bars",
      categories: months.map((m) => t.month(m.month)),
      series: (["civil", "criminal", "other"] as const).map((k) => ({ name: t[k], values: months.map((m) => m[k]), labels: months.map((m) => String(m[k])) })),
      unit: t.axisUnit(t.cases)
    },
    t.casesChart,
    t.casesData,
    {
      head: t.casesHead,
      rows: [
        ...months.map((m) => [t.month(m.month), String(m.civil), String(m.criminal), String(m.other), String(m.civil + m.criminal + m.other)]),
        [t.total, String(civil), String(criminal), String(other), String(civil + criminal + other)]
      ],
      align: ["left", "right", "right", "right", "right"],
      totalRow: true
    }
  )
  h(3, t.s1a3)
  if (budget === undefined) p(t.noBudget)
  else {
    p(t.budgetSummary(money(budget.total), money(budget.spent), percentOf(budget.spent, budget.total, t)))
    if (budget.lines.length > 0) {
      const totals = (k: "amount" | "planned" | "paid" | "variance") => budget.lines.reduce((s, l) => s + l[k], 0)
      table(t.linesCaption, {
        head: t.linesHead,
        rows: [
          ...budget.lines.map((l) => [localize(l.name, lang), budgetCategoryName(l.category, lang), money(l.amount), money(l.planned), money(l.paid), money(l.variance)]),
          [t.total, "", money(totals("amount")), money(totals("planned")), money(totals("paid")), money(totals("variance"))]
        ],
        align: ["left", "left", "right", "right", "right", "right"],
        totalRow: true
      })
    }
  }
  h(3, t.s1a4)
  p(input.narrative?.organisation === undefined ? t.organisation(region) : localize(input.narrative.organisation, lang))
  h(2, t.s1b)
  h(3, t.s1b1)
  const goals = input.narrative?.goals
  list(
    goals === undefined || goals.length === 0
      ? t.overallGoals(shown("aid.notified-rate"), shown("aid.special-groups-rate"), shown("network.free-consultation-rate"), shown("survey.awareness"))
      : goals.map((x) => localize(x, lang))
  )
  h(3, t.s1b2)
  p(t.goalsIntro(e.schemeName[lang]))
  list(
    e.groups.map((g) => {
      const members = e.indicators.filter((i) => i.group === g.id)
      // a first-level indicator that is its only indicator (预算执行率) is named once
      if (members.length === 1 && (members[0]!.name[lang] === g.name[lang] || members[0]!.name.zh === g.name.zh)) return `${members[0]!.name[lang]} ${members[0]!.target.display[lang]}`
      return `${g.name[lang]}${t.colon}${join(members.map((i) => `${i.name[lang]} ${i.target.display[lang]}`))}`
    })
  )

  // 二、绩效评价工作情况
  h(1, t.s2)
  h(2, t.s2a)
  p(t.purpose)
  h(2, t.s2b)
  const bySource = (source: "records" | "derived" | "manual") => e.indicators.filter((i) => i.evidence?.source === source || (source === "manual" && i.evidence === undefined && i.judgement !== undefined)).length
  p(t.survey1(e.period.from, e.period.to, civil + criminal + other, budget === undefined ? undefined : money(budget.spent), e.indicators.length, bySource("records"), bySource("derived"), bySource("manual"), e.indicators.filter((i) => i.dropped !== undefined).length))
  p(t.documents(e.schemeName[lang], e.schemeId, localize(e.schemeSource, lang), e.schemeVerified))
  const secondLevel = new Set(e.indicators.map((i) => `${i.group}\u0000${i.path[1].zh}`)).size
  const kinds = (["at-least", "at-most", "equals"] as const).map((k) => [k, e.indicators.filter((i) => i.kind === k).length] as const).filter(([, n]) => n > 0)
  p(
    t.design(
      e.groups.length,
      t.nameList(e.groups.map((g) => g.name[lang])),
      secondLevel,
      e.indicators.length,
      kinds.map(([k, n]) => t.kindCount(kindName(k, lang), n)).join(t.weightSep),
      e.indicators.filter((i) => i.kind === "qualitative").length,
      e.indicators.filter((i) => i.manual).length
    )
  )
  h(2, t.s2c)
  p(t.principles)
  p(t.method(e.schemeName[lang], e.groups.map((g) => t.weight(g.name[lang], Ratio.toDecimalString(g.weight))).join(t.weightSep), Ratio.toDecimalString(sumPoints(e.groups.map((g) => g.weight)))))
  p(scoringRules(input, lang))
  p(t.rescale)
  p(t.rounding(roundingName(e.rounding, lang)))
  p(t.gradesText(gradeBands(e, lang)))
  h(2, t.s2d)
  p(t.collection)
  const surveys = e.indicators.filter((i) => i.manual && (i.actual !== undefined || i.judgement !== undefined))
  p(surveys.length === 0 ? t.noSurvey : t.survey(join(surveys.map((i) => t.paren(`${i.name[lang]} ${actualText(i, lang, t)}`, evidenceText(i, lang, t)))) + t.sentenceEnd))
  p(t.analysis(input.generatedOn))
  h(2, t.s2e)
  const limitations = [
    ...e.indicators.filter((i) => i.dropped !== undefined).map((i) => t.droppedLimitation(i.name[lang], dropReasonName(i.dropped!, lang))),
    ...(e.schemeVerified ? [] : [t.unverified(localize(e.schemeSource, lang))]),
    ...(e.indicators.some((i) => i.judgement !== undefined) ? [t.judgementLimitation] : [])
  ]
  if (limitations.length === 0) p(t.limitationsNone)
  else list(limitations)

  // 三、评价结论和绩效分析
  h(1, t.s3)
  h(2, t.s3a)
  h(3, t.s3a1)
  p(t.resultText(formatPoints(e.total), e.grade.name[lang]))
  const scoreRate = (score: Ratio.Ratio, points: Ratio.Ratio) => (points.numerator === 0 ? t.dash : formatPercent(Ratio.makeUnsafe(score.numerator * points.denominator, score.denominator * points.numerator)))
  const sumWeights = Ratio.toDecimalString(sumPoints(e.groups.map((g) => g.weight)))
  table(t.groupCaption, {
    head: t.groupHead,
    rows: [
      ...e.groups.map((g) => [g.name[lang], Ratio.toDecimalString(g.weight), formatPoints(g.points), formatPoints(g.score), scoreRate(g.score, g.points)]),
      [t.total, sumWeights, formatPoints(sumPoints(e.groups.map((g) => g.points))), formatPoints(e.total), t.paren(scoreRate(e.total, sumPoints(e.groups.map((g) => g.points))), e.grade.name[lang])]
    ],
    align: ["left", "right", "right", "right", "right"],
    totalRow: true
  })
  chart(
    {
      kind: "bars",
      categories: e.groups.map((g) => g.name[lang]),
      series: [
        { name: t.points, values: e.groups.map((g) => g.points.numerator / g.points.denominator), labels: e.groups.map((g) => formatPoints(g.points)), color: "#bab0ac" },
        { name: t.score, values: e.groups.map((g) => g.score.numerator / g.score.denominator), labels: e.groups.map((g) => formatPoints(g.score)), color: "#4e79a7" }
      ],
      unit: t.axisUnit(t.pointsUnit)
    },
    t.scoreChart,
    t.scoreData,
    { head: t.scoreHead, rows: e.groups.map((g) => [g.name[lang], formatPoints(g.points), formatPoints(g.score)]), align: ["left", "right", "right"] }
  )
  h(3, t.s3a2)
  const achieved = scored(e).filter((i) => i.met)
  if (achieved.length === 0) p(t.noAchievements)
  else {
    p(t.achievementsIntro)
    list(achieved.map((i) => t.achievement(i.name[lang], actualText(i, lang, t), i.target.display[lang])))
  }
  h(2, t.s3b)
  p(t.tableIntro)
  const deviationOptions = budget === undefined ? {} : { budget }
  table(t.indicatorCaption, {
    head: t.indicatorHead,
    rows: [
      ...e.indicators.map((i) => [
        i.path[0][lang],
        i.path[1][lang],
        i.name[lang],
        i.target.display[lang],
        actualText(i, lang, t),
        i.dropped === undefined ? formatPoints(i.points) : t.dash,
        i.dropped === undefined ? formatPoints(i.score) : t.dash,
        // The causes are written in Chinese, the language of the form they also fill.
        deviationOf(i, deviationOptions)?.text ?? ""
      ]),
      [t.total, "", "", "", "", formatPoints(sumPoints(e.groups.map((g) => g.points))), formatPoints(e.total), t.gradeCell(e.grade.name[lang])]
    ],
    align: ["left", "left", "left", "right", "right", "right", "right", "left"],
    // what each column should have at least: the indicator and the deviation the most
    widths: [6, 6, 12, 9, 9, 5, 5, 22],
    totalRow: true,
    merge: 2
  })
  table(t.evidenceCaption, {
    head: t.evidenceHead,
    rows: e.indicators.map((i) => [i.name[lang], evidenceText(i, lang, t)]),
    align: ["left", "left"]
  })

  // 四、成本效益分析
  h(1, t.s4)
  const costs = scored(e).filter((i) => i.target.unit === "fen")
  if (costs.length === 0) p(t.noCost)
  else p(t.costIntro + costs.map((i) => t.cost(i.name[lang], actualText(i, lang, t), i.target.display[lang], formatPoints(i.score), formatPoints(i.points))).join(""))
  p(t.costBenefit)
  if (budget === undefined) p(t.noBudget)
  else {
    p(t.budgetSummary(money(budget.total), money(budget.spent), percentOf(budget.spent, budget.total, t)))
    const last = budget.monthly[budget.monthly.length - 1]
    if (last !== undefined) p(t.scheduleText(last.month, money(last.planned), money(last.paid), percentOf(last.paid, last.planned, t)))
    if (budget.method !== undefined) p(methodText(budget.method, lang))
    if (budget.monthly.length > 0) {
      chart(
        {
          kind: "lines",
          categories: budget.monthly.map((m) => t.month(m.month)),
          series: [
            { name: t.planned, values: budget.monthly.map((m) => wanYuan(m.planned)), labels: budget.monthly.map((m) => money(m.planned)), color: "#bab0ac" },
            { name: t.paid, values: budget.monthly.map((m) => wanYuan(m.paid)), labels: budget.monthly.map((m) => money(m.paid)), color: "#4e79a7" }
          ],
          unit: t.axisUnit(t.tenThousandYuan)
        },
        t.budgetChart,
        t.budgetData,
        {
          head: t.budgetHead,
          rows: budget.monthly.map((m) => [t.month(m.month), money(m.planned), money(m.paid), percentOf(m.paid, m.planned, t)]),
          align: ["left", "right", "right", "right"]
        }
      )
    }
  }

  // 五、主要经验及做法、存在的问题和建议
  h(1, t.s5)
  h(2, t.s5a)
  const experience = input.narrative?.experience
  if (experience !== undefined && experience.length > 0) list(experience.map((x) => localize(x, lang)))
  else {
    const points: Array<string> = []
    const network = t.network(countOf("network.centres"), countOf("network.workstations"), countOf("network.liaison-points"))
    const free = shown("network.free-consultation-rate")
    if (free !== undefined) points.push(t.experienceNetwork(network, free, countOf("consultations.total")))
    const shifts = countOf("duty.shifts")
    if (shifts !== undefined) points.push(t.experienceDuty(shifts, shown("aid.notified-rate"), shown("aid.special-groups-rate")))
    const pass = shown("quality.pass-rate")
    if (pass !== undefined) points.push(t.experienceQuality(pass, countOf("quality.complaints")))
    list([...points, ...t.experienceDefault(achieved.length, scored(e).length)])
  }
  h(2, t.s5b)
  const found = problems(input, lang)
  if (found.length === 0) p(t.noProblems)
  else list(found.map((x) => x.text))
  if (budget?.method !== undefined && budget.warnings.length > 0) p(t.note(methodText(budget.method, lang)))
  h(2, t.s5c)
  const advice: Array<string> = []
  const missed = scored(e).filter((i) => !i.met)
  if (missed.length > 0) advice.push(t.adviseMissed(t.nameList(missed.map((i) => i.name[lang]))))
  if (found.some((x) => x.kind === "budget")) advice.push(t.adviseBudget)
  if (found.some((x) => x.kind === "clocks")) advice.push(t.adviseClocks)
  if (found.some((x) => x.kind === "manual")) advice.push(t.adviseManual)
  if (advice.length === 0) p(t.adviseNone)
  else list(advice)
  const office = input.office
  const unit = office?.unit === undefined ? t.blankField : localize(office.unit, lang)
  blocks.push({
    kind: "signature",
    lines: t.signature(unit),
    date: t.dateWords(input.generatedOn)
  })
  if (options.table !== false) {
    h(1, t.annex)
    blocks.push({ kind: "form", form: selfEvaluationGrid(selfEvaluationTable(input)) })
  }

  return {
    lang,
    title: t.title(region, project, input.year),
    meta: [
      t.region(region, input.region),
      t.period(e.period.from, e.period.to),
      t.scheme(e.schemeName[lang], e.schemeId),
      t.result(formatPoints(e.total), e.grade.name[lang]),
      t.office(unit, office?.department === undefined ? t.blankField : localize(office.department, lang)),
      t.responsible,
      t.generatedOn(input.generatedOn)
    ],
    blocks
  }
}

/** How the plan to date is drawn and when a line is warned about, in a sentence. */
const methodText = (method: NonNullable<BudgetSummary["method"]>, lang: Lang): string =>
  strings[lang].methodText(method.interpolation, shortPercent(method.behindBy), method.marginDays)

const gradeBands = (e: Evaluation, lang: Lang): string => {
  const t = strings[lang]
  const grades = e.grades
  return grades
    .map((g, i) => {
      const min = Ratio.toDecimalString(g.min)
      const upper = i === 0 ? undefined : Ratio.toDecimalString(grades[i - 1]!.min)
      if (upper === undefined) return t.gradeTop(g.name[lang], min)
      if (g.min.numerator === 0) return t.gradeLow(g.name[lang], upper)
      return t.gradeMid(g.name[lang], min, upper)
    })
    .join(t.gradeSep)
}
