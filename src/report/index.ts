/**
 * `fayuan/report`: the self-evaluation report (项目支出绩效自评报告) in Markdown and standalone HTML
 * with SVG charts, in Chinese by default or English, with the Ministry of Finance's self-evaluation
 * table (项目支出绩效自评表) as its annex. The Word renderer is at `fayuan/report/docx` and the
 * table as a workbook at `fayuan/report/xlsx`, so a host that needs only Markdown or HTML installs
 * neither `docx` nor `exceljs`.
 *
 * @since 0.1.0
 */
export { renderGridHtml, renderHtml } from "./html.ts"
export { renderMarkdown } from "./markdown.ts"
export type {
  Block,
  BudgetLine,
  BudgetMonth,
  BudgetSummary,
  BudgetWarning,
  CasesInMonth,
  Chart,
  ClockSummary,
  Funds,
  FundsRow,
  Office,
  Narrative,
  Report,
  ReportInput,
  ReportOptions,
  Series,
  Table
} from "./Report.ts"
export { buildReport, casesPerMonth, mergedSpans, problems } from "./Report.ts"
export type { SvgOptions } from "./svg.ts"
export { escapeXml, niceScale, palette, renderSvg } from "./svg.ts"
export type { Lang, Localized, Strings } from "./text.ts"
export { budgetCategoryName, dropReasonName, kindName, localize, roundingName, strings } from "./text.ts"
export type { Rounding } from "../Rounding.ts"
export type { SelfEvaluation, SelfEvaluationOptions } from "./selfEvaluation.ts"
export { BudgetYearMismatch, ledgerMeasures, NothingToEvaluate, selfEvaluation } from "./selfEvaluation.ts"
export type { Grid, GridCell } from "./Grid.ts"
export { placeCells, toComplete } from "./Grid.ts"
export { displayWidth, fitColumns } from "./layout.ts"
export type { Deviation, DeviationOptions } from "./deviation.ts"
export { budgetCause, deviationOf } from "./deviation.ts"
export type { FundsLine, SelfEvaluationTable, TableIndicator, TableOptions } from "./selfEvaluationTable.ts"
export { selfEvaluationGrid, selfEvaluationTable } from "./selfEvaluationTable.ts"
