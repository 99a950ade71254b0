/**
 * `fayuan/report`: the self-evaluation report (项目支出绩效自评报告) in Markdown and standalone HTML
 * with SVG charts, in Chinese by default or English. The Word renderer is at `fayuan/report/docx`,
 * so a host that needs only Markdown or HTML does not install `docx`.
 *
 * @since 0.1.0
 */
export { renderHtml } from "./html.ts"
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
  Narrative,
  Report,
  ReportInput,
  ReportOptions,
  Series,
  Table
} from "./Report.ts"
export { buildReport, casesPerMonth, problems } from "./Report.ts"
export type { SvgOptions } from "./svg.ts"
export { escapeXml, niceScale, palette, renderSvg } from "./svg.ts"
export type { Lang, Localized, Strings } from "./text.ts"
export { budgetCategoryName, dropReasonName, kindName, localize, roundingName, strings } from "./text.ts"
export type { Rounding } from "../Rounding.ts"
export type { SelfEvaluation, SelfEvaluationOptions } from "./selfEvaluation.ts"
export { BudgetYearMismatch, ledgerMeasures, NothingToEvaluate, selfEvaluation } from "./selfEvaluation.ts"
