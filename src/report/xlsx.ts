/**
 * The self-evaluation table (项目支出绩效自评表) as the worksheet an office fills and sends:
 * A4 portrait, fitted to one page wide, the national form's merged cells and borders, 宋体 in the
 * cells and 黑体 in the title, amounts and scores written as numbers with their formats (so the
 * finance bureau's sums work), fields to complete shaded. Needs the optional peer dependency
 * `exceljs`.
 *
 * @since 0.2.0
 */
import ExcelJS from "exceljs"
import type { Grid } from "./Grid.ts"
import { placeCells } from "./Grid.ts"
import { displayWidth, fitColumns } from "./layout.ts"
import type { ReportInput } from "./Report.ts"
import type { TableOptions } from "./selfEvaluationTable.ts"
import { selfEvaluationGrid, selfEvaluationTable } from "./selfEvaluationTable.ts"

const thin = { style: "thin" as const, color: { argb: "FF000000" } }
const border = { top: thin, left: thin, bottom: thin, right: thin }
const cellFont = { name: "宋体", size: 10 }
/** Points a line of 10-point text takes. */
const lineHeight = 13.5

/** Lines a text needs in a cell `width` half-width units wide (Excel's column width is about one). */
const linesOf = (text: string, width: number): number =>
  // A fifth more than the count: a Chinese font's Latin and punctuation run wider than the estimate.
  text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil((displayWidth(line) * 1.2) / Math.max(1, width - 1))), 0)

/**
 * Writes a form as an `.xlsx` workbook of one sheet.
 *
 * @example
 * ```ts
 * import { writeFile } from "node:fs/promises"
 * import { selfEvaluationGrid, selfEvaluationTable, type ReportInput } from "fayuan/report"
 * import { renderGridXlsx } from "fayuan/report/xlsx"
 * declare const input: ReportInput
 * await writeFile("自评表.xlsx", await renderGridXlsx(selfEvaluationGrid(selfEvaluationTable(input)), { date: input.generatedOn }))
 * ```
 *
 * @category rendering
 */
export const renderGridXlsx = async (grid: Grid, options: { readonly sheetName?: string; readonly date?: string } = {}): Promise<Uint8Array> => {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = "fayuan"
  // The document's dates are the report's, never the clock.
  const date = new Date(`${options.date ?? "2000-01-01"}T00:00:00Z`)
  workbook.created = date
  workbook.modified = date
  const n = grid.columns.length
  const sheet = workbook.addWorksheet(options.sheetName ?? grid.title, {
    pageSetup: {
      paperSize: 9 as ExcelJS.PaperSize, // A4
      orientation: "portrait",
      fitToPage: true,
      // One page, as the finance bureau receives it.
      fitToWidth: 1,
      fitToHeight: 1,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 }
    },
    views: [{ showGridLines: false }]
  })
  const placed = placeCells(grid)
  const single = grid.rows.map((_, r) => Array.from({ length: n }, (_, col) => placed.find((p) => p.row === r && p.col === col && (p.cell.colSpan ?? 1) === 1)?.cell.text ?? ""))
  const total = grid.columns.reduce((a, b) => a + b, 0)
  const fitted = fitColumns([Array.from({ length: n }, () => ""), ...single], 104, { floors: grid.columns.map((w) => Math.floor((w * 104) / total)) })
  const widths = fitted
  widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = w
  })
  const top = 3
  // Title and year line over the whole width.
  sheet.mergeCells(1, 1, 1, n)
  Object.assign(sheet.getCell(1, 1), { value: grid.title, font: { name: "黑体", size: 16 }, alignment: { horizontal: "center", vertical: "middle" } })
  sheet.getRow(1).height = 28
  sheet.mergeCells(2, 1, 2, n)
  Object.assign(sheet.getCell(2, 1), { value: grid.subtitle ?? "", font: cellFont, alignment: { horizontal: "center", vertical: "middle" } })
  // Lines each row needs: a cell spanning rows shares its lines among them.
  const need = grid.rows.map(() => 1)
  for (const { row, col, cell } of placed) {
    const width = widths.slice(col, col + (cell.colSpan ?? 1)).reduce((a, b) => a + b, 0)
    const down = cell.rowSpan ?? 1
    const lines = Math.ceil(linesOf(cell.text, width) / down)
    for (let k = 0; k < down && row + k < need.length; k++) need[row + k] = Math.max(need[row + k]!, lines)
  }
  for (const { row, col, cell } of placed) {
    const r = top + row
    const c = col + 1
    const r2 = r + (cell.rowSpan ?? 1) - 1
    const c2 = c + (cell.colSpan ?? 1) - 1
    if (r2 > r || c2 > c) sheet.mergeCells(r, c, r2, c2)
    const target = sheet.getCell(r, c)
    target.value = cell.number ?? cell.text
    if (cell.format !== undefined) target.numFmt = cell.format
    target.font = { ...cellFont, bold: cell.bold ?? false }
    target.alignment = { horizontal: cell.align ?? "left", vertical: "middle", wrapText: true }
    if (cell.toComplete === true) target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF4C2" } }
    // Every cell of a merged range carries the border, so the range is drawn closed.
    for (let y = r; y <= r2; y++) for (let x = c; x <= c2; x++) sheet.getCell(y, x).border = border
  }
  need.forEach((lines, row) => {
    sheet.getRow(top + row).height = Math.max(20, lines * lineHeight + 6)
  })
  let next = top + grid.rows.length + 1
  grid.notes.forEach((note, k) => {
    sheet.mergeCells(next, 1, next, n)
    const text = `${k === 0 ? "说明：" : ""}${note}`
    Object.assign(sheet.getCell(next, 1), { value: text, font: { ...cellFont, size: 9 }, alignment: { horizontal: "left", vertical: "top", wrapText: true } })
    sheet.getRow(next).height = linesOf(text, widths.reduce((a, b) => a + b, 0)) * 12 + 4
    next++
  })
  sheet.pageSetup.printArea = `A1:${String.fromCharCode(64 + n)}${next - 1}`
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

/**
 * The self-evaluation table of a report's input as an `.xlsx` workbook, dated by the report date.
 *
 * @example
 * ```ts
 * import { writeFile } from "node:fs/promises"
 * import type { ReportInput } from "fayuan/report"
 * import { renderSelfEvaluationXlsx } from "fayuan/report/xlsx"
 * declare const input: ReportInput // from selfEvaluation(…).report
 * await writeFile("项目支出绩效自评表.xlsx", await renderSelfEvaluationXlsx(input))
 * ```
 *
 * @category rendering
 */
export const renderSelfEvaluationXlsx = (input: ReportInput, options: TableOptions = {}): Promise<Uint8Array> =>
  renderGridXlsx(selfEvaluationGrid(selfEvaluationTable(input, options)), { sheetName: `${input.year}年度自评表`, date: input.generatedOn })

