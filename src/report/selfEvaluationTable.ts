/**
 * 项目支出绩效自评表: the Ministry of Finance's one-page self-evaluation table for project
 * expenditure (财预〔2020〕10号, 附1), from the same evaluation as the report — project,
 * department and unit; the funds (年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分); the
 * overall goal, expected against achieved; the indicators (一级/二级/三级指标, 年度指标值,
 * 实际完成值, 分值, 得分, 偏差原因分析及改进措施) and the total.
 *
 * The layout follows filled copies of the national form (the annex itself could not be read; see
 * `docs/research/self-evaluation-table.md`). Amounts print in 万元 to two decimals (half-up from
 * the fen); what the data cannot say is a field marked `（待填写）`. For a year before 2020 the
 * table notes that the form did not yet exist.
 *
 * @since 0.2.0
 */
import * as Money from "../Money.ts"
import * as Ratio from "../Ratio.ts"
import type { Measured } from "../evaluation/Measure.ts"
import type { ScoredIndicator } from "../evaluation/score.ts"
import { formatPercent, formatPoints, formatValue } from "../evaluation/score.ts"
import type { Deviation, DeviationOptions } from "./deviation.ts"
import { budgetCause, deviationOf } from "./deviation.ts"
import type { Grid, GridCell } from "./Grid.ts"
import { toComplete } from "./Grid.ts"
import type { FundsRow, ReportInput } from "./Report.ts"
import { localize, strings } from "./text.ts"

/**
 * A row of the funds block: its label, the three amounts (when known) and the execution rate.
 *
 * @category models
 */
export interface FundsLine {
  readonly label: string
  readonly initial?: Money.Fen
  readonly adjusted?: Money.Fen
  readonly executed?: Money.Fen
}

/**
 * An indicator's row.
 *
 * @category models
 */
export interface TableIndicator {
  readonly level1: string
  readonly level2: string
  readonly level3: string
  readonly target: string
  readonly actual: string
  /** `undefined` for an indicator not scored. */
  readonly points?: Ratio.Ratio
  readonly score?: Ratio.Ratio
  readonly deviation?: Deviation
}

/**
 * The table, as data.
 *
 * @category models
 */
export interface SelfEvaluationTable {
  readonly year: number
  readonly project: string
  readonly department?: string
  readonly unit?: string
  readonly funds: {
    /** 年度资金总额, then 当年财政拨款, 上年结转资金, 其他资金. */
    readonly lines: readonly [FundsLine, FundsLine, FundsLine, FundsLine]
    /** The points and score of budget execution (the scheme's budget group), when it has one. */
    readonly points?: Ratio.Ratio
    readonly score?: Ratio.Ratio
    /** Why execution fell short, from the ledger. */
    readonly deviation?: string
  }
  readonly goal: { readonly expected: ReadonlyArray<string>; readonly achieved: ReadonlyArray<string> }
  readonly indicators: ReadonlyArray<TableIndicator>
  readonly total: { readonly points: Ratio.Ratio; readonly score: Ratio.Ratio }
  readonly grade: string
  readonly notes: ReadonlyArray<string>
}

/** Options: when an over-achievement asks for an explanation (see `deviationOf`). */
export type TableOptions = Pick<DeviationOptions, "overAchievement">

/** The year the form took effect (财预〔2020〕10号, 2020-02-25). */
const formFrom = 2020

const sum = (xs: ReadonlyArray<Ratio.Ratio>): Ratio.Ratio =>
  xs.reduce((a, b) => Ratio.makeUnsafe(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator), Ratio.zero)

/** The group whose indicators are all budget execution: the funds block's points and score. */
const fundsGroupOf = (input: ReportInput): string | undefined => {
  const e = input.evaluation
  return e.groups.find((g) => {
    const members = e.indicators.filter((i) => i.group === g.id)
    return members.length > 0 && members.every((i) => i.measure === "budget.execution-rate")
  })?.id
}

const figure = (input: ReportInput, key: string): Measured | undefined =>
  input.measures?.get(key) ?? input.evaluation.indicators.find((i) => i.measure === key && i.actual !== undefined)?.actual

const shown = (input: ReportInput, key: string): string | undefined => {
  const m = figure(input, key)
  return m === undefined ? undefined : formatValue(m.value, m.unit, "zh")
}

const actualOf = (i: ScoredIndicator): string => {
  const value = i.actual === undefined ? undefined : formatValue(i.actual.value, i.target.unit, "zh", i.target.unitLabel)
  if (i.band !== undefined) return value === undefined ? i.band.name.zh : `${value}（${i.band.name.zh}）`
  return value ?? "—"
}

const fundsLine = (label: string, row: FundsRow | undefined): FundsLine => ({
  label,
  ...(row?.initial === undefined ? {} : { initial: row.initial }),
  ...(row?.adjusted === undefined ? {} : { adjusted: row.adjusted }),
  ...(row?.executed === undefined ? {} : { executed: row.executed })
})

/**
 * The self-evaluation table of a report's input: the funds from the budget (年初预算数 as given
 * in `input.funds`, else the budget itself; the sources only as given), the goals, every
 * indicator but budget execution with its deviation, the total and the grade.
 *
 * @example
 * ```ts
 * import { selfEvaluationTable, type ReportInput } from "fayuan/report"
 * declare const input: ReportInput // from selfEvaluation(…).report
 * const table = selfEvaluationTable(input)
 * table.total.score // the evaluation's total
 * ```
 *
 * @category self-evaluation table
 */
export const selfEvaluationTable = (input: ReportInput, options: TableOptions = {}): SelfEvaluationTable => {
  const e = input.evaluation
  const t = strings.zh
  const fundsGroup = fundsGroupOf(input)
  const group = e.groups.find((g) => g.id === fundsGroup)
  const budget = input.budget
  const sources = input.funds?.sources
  // 年初预算数: as given, else the budget itself (no adjustment recorded); 全年预算数 and 全年执行数 from the ledger.
  const initial = input.funds?.initial ?? budget?.total
  const total: FundsRow = {
    ...(initial === undefined ? {} : { initial }),
    ...(budget === undefined ? {} : { adjusted: budget.total, executed: budget.spent })
  }
  const deviationOptions: DeviationOptions = { ...options, ...(budget === undefined ? {} : { budget }) }
  const rows = e.indicators.filter((i) => i.group !== fundsGroup)
  const scored = e.indicators.filter((i) => i.dropped === undefined)
  const met = scored.filter((i) => i.met).length
  const ownGoals = input.narrative?.goals !== undefined && input.narrative.goals.length > 0 ? input.narrative.goals.map((g) => localize(g, "zh")) : undefined
  const expected = ownGoals ?? t.overallGoals(undefined, undefined, undefined, undefined)
  const achieved = [
    // The default goals with this year's figures; a centre's own goals are judged by the indicators.
    ...(ownGoals === undefined ? t.overallGoals(shown(input, "aid.notified-rate"), shown(input, "aid.special-groups-rate"), shown(input, "network.free-consultation-rate"), shown(input, "survey.awareness")) : []),
    `计分的${scored.length}项指标中${met === scored.length ? "全部" : `${met}项`}达到年度指标值，综合得分${formatPoints(e.total)}分，评价等级“${e.grade.name.zh}”。`
  ]
  const notes = [
    ...(input.year < formFrom ? [`本表格式为财预〔2020〕10号附1（2020年2月起施行）；${input.year}年度自评时尚无此表，此处按该格式整理${input.year}年度数据，供对照。`] : []),
    "金额单位为万元，由台账金额（分）四舍五入至两位小数；执行率 = 全年执行数 ÷ 全年预算数。",
    ...(sources === undefined ? ["资金来源（当年财政拨款、上年结转资金、其他资金）未提供，请按实际填写。"] : []),
    ...(e.schemeVerified ? [] : [`评价方案的目标值和分值未经核实，仅作为输入使用（来源：${localize(e.schemeSource, "zh")}）。`]),
    `标注“${toComplete}”处由填报单位补充。`
  ]
  const cause = budget === undefined ? undefined : budgetCause(budget)
  return {
    year: input.year,
    project: `${localize(input.regionName, "zh")}${localize(input.projectName, "zh")}`,
    ...(input.office?.department === undefined ? {} : { department: localize(input.office.department, "zh") }),
    ...(input.office?.unit === undefined ? {} : { unit: localize(input.office.unit, "zh") }),
    funds: {
      lines: [
        fundsLine("年度资金总额：", total),
        fundsLine("其中：当年财政拨款", sources?.currentYear),
        fundsLine("上年结转资金", sources?.carriedOver),
        fundsLine("其他资金", sources?.other)
      ],
      ...(group === undefined ? {} : { points: group.points, score: group.score }),
      ...(cause === undefined ? {} : { deviation: cause })
    },
    goal: { expected, achieved },
    indicators: rows.map((i) => {
      const deviation = deviationOf(i, deviationOptions)
      return {
        level1: i.path[0].zh,
        level2: i.path[1].zh,
        level3: i.name.zh,
        target: i.target.display.zh,
        actual: actualOf(i),
        ...(i.dropped === undefined ? { points: i.points, score: i.score } : {}),
        ...(deviation === undefined ? {} : { deviation })
      }
    }),
    total: { points: sum(e.groups.map((g) => g.points)), score: e.total },
    grade: e.grade.name.zh,
    notes
  }
}

/** 万元 to two decimals, half-up from the fen: the text and the number. */
const wan = (fen: Money.Fen): { readonly text: string; readonly number: number } => {
  const hundredths = Math.floor((Math.abs(fen) + 5000) / 10000) * Math.sign(fen)
  const text = `${hundredths < 0 ? "-" : ""}${Math.floor(Math.abs(hundredths) / 100)}.${String(Math.abs(hundredths) % 100).padStart(2, "0")}`
  return { text, number: hundredths / 100 }
}

const ratioNumber = (r: Ratio.Ratio): number => r.numerator / r.denominator

/**
 * The table laid out on the national form's nine columns (A–I), merged as filled copies show it.
 *
 * @example
 * ```ts
 * import { selfEvaluationGrid, selfEvaluationTable, type ReportInput } from "fayuan/report"
 * declare const input: ReportInput
 * const grid = selfEvaluationGrid(selfEvaluationTable(input))
 * grid.title // "项目支出绩效自评表"
 * ```
 *
 * @category self-evaluation table
 */
export const selfEvaluationGrid = (table: SelfEvaluationTable): Grid => {
  const label = (text: string, more: Partial<GridCell> = {}): GridCell => ({ text, align: "center", ...more })
  const text = (value: string | undefined, more: Partial<GridCell> = {}): GridCell =>
    value === undefined ? { text: toComplete, toComplete: true, align: "left", ...more } : { text: value, align: "left", ...more }
  const amount = (fen: Money.Fen | undefined): GridCell => {
    if (fen === undefined) return { text: "", align: "right" }
    const w = wan(fen)
    return { text: w.text, number: w.number, format: "0.00", align: "right" }
  }
  const points = (r: Ratio.Ratio | undefined): GridCell => (r === undefined ? { text: "—", align: "center" } : { text: formatPoints(r), number: Number(formatPoints(r)), format: "0.00", align: "right" })
  const rate = (line: FundsLine): GridCell => {
    if (line.executed === undefined || line.adjusted === undefined || line.adjusted === 0) return { text: line.adjusted === undefined ? "" : "—", align: "right" }
    const r = Ratio.makeUnsafe(line.executed, line.adjusted)
    return { text: formatPercent(r), number: ratioNumber(r), format: "0.00%", align: "right" }
  }
  const fundsProvided = table.funds.lines.slice(1).some((l) => l.initial !== undefined || l.adjusted !== undefined || l.executed !== undefined)
  const fundsRows = table.funds.lines.map((line, k): ReadonlyArray<GridCell> => {
    const amounts =
      k > 0 && !fundsProvided ? [text(undefined), { text: "", align: "right" as const }, { text: "", align: "right" as const }] : [amount(line.initial), amount(line.adjusted), amount(line.executed)]
    return [
      label(line.label, { colSpan: 2, align: "left" }),
      ...amounts,
      k === 0 ? points(table.funds.points) : label("—"),
      k > 0 && !fundsProvided ? { text: "", align: "right" as const } : rate(line),
      k === 0 ? points(table.funds.score) : label("—")
    ]
  })
  // 一级 and 二级 labels merge down over their rows.
  const runFrom = (k: number, same: (x: TableIndicator) => boolean): number => {
    let n = 0
    while (k + n < table.indicators.length && same(table.indicators[k + n]!)) n++
    return n
  }
  const indicatorRows = table.indicators.map((i, k): ReadonlyArray<GridCell> => {
    const prev = table.indicators[k - 1]
    const row: Array<GridCell> = []
    if (prev?.level1 !== i.level1) row.push(label(i.level1, { rowSpan: runFrom(k, (x) => x.level1 === i.level1) }))
    if (prev?.level1 !== i.level1 || prev.level2 !== i.level2) row.push(label(i.level2, { rowSpan: runFrom(k, (x) => x.level1 === i.level1 && x.level2 === i.level2) }))
    row.push(
      text(i.level3),
      { text: i.target, align: "center" },
      { text: i.actual, align: "center" },
      points(i.points),
      points(i.score),
      i.deviation === undefined ? { text: "", align: "left" } : { text: i.deviation.text, align: "left", ...(i.deviation.toComplete ? { toComplete: true } : {}) }
    )
    return row
  })
  const fundsNote = table.funds.deviation === undefined ? [] : [`预算执行偏差原因：${table.funds.deviation}；改进措施：${toComplete}`]
  return {
    title: "项目支出绩效自评表",
    subtitle: `（${table.year}年度）`,
    columns: [7, 7, 8, 15, 10, 10, 6, 7, 30],
    rows: [
      [label("项目名称"), text(table.project, { colSpan: 8 })],
      [label("主管部门"), text(table.department, { colSpan: 3 }), label("实施单位"), text(table.unit, { colSpan: 4 })],
      [label("项目资金（万元）", { rowSpan: 5 }), label("", { colSpan: 2 }), label("年初预算数"), label("全年预算数"), label("全年执行数"), label("分值"), label("执行率"), label("得分")],
      ...fundsRows,
      [label("年度总体目标", { rowSpan: 2 }), label("预期目标", { colSpan: 4 }), label("实际完成情况", { colSpan: 4 })],
      [text(table.goal.expected.map((g, k) => `${k + 1}. ${g}`).join("\n"), { colSpan: 4 }), text(table.goal.achieved.map((g, k) => `${k + 1}. ${g}`).join("\n"), { colSpan: 4 })],
      [
        label("绩效指标", { rowSpan: indicatorRows.length + 1 }),
        label("一级指标"),
        label("二级指标"),
        label("三级指标"),
        label("年度指标值"),
        label("实际完成值"),
        label("分值"),
        label("得分"),
        label("偏差原因分析及改进措施")
      ],
      ...indicatorRows,
      [label("总分", { colSpan: 6, bold: true }), { ...points(table.total.points), bold: true }, { ...points(table.total.score), bold: true }, label(`评价等级：${table.grade}`, { bold: true })]
    ],
    notes: [...fundsNote, ...table.notes]
  }
}
