/**
 * `fayuan/report/xlsx`: the self-evaluation table (项目支出绩效自评表) as an Excel workbook. Needs the
 * optional peer dependency `exceljs`.
 *
 * @since 0.2.0
 */
export { renderGridXlsx, renderSelfEvaluationXlsx } from "./xlsx.ts"
