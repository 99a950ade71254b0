/**
 * The report as Markdown (GitHub-flavoured tables). Charts become their data tables.
 *
 * @since 0.1.0
 */
import type { Block, ReportInput, ReportOptions, Table } from "./Report.ts"
import { buildReport } from "./Report.ts"
import { renderGridHtml } from "./html.ts"

/** Escapes a table cell: pipes, backslashes and line breaks. */
const cell = (text: string): string => text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ")

const table = (t: Table): string => {
  const head = `| ${t.head.map(cell).join(" | ")} |`
  const rule = `| ${t.align.map((a) => (a === "right" ? "---:" : ":---")).join(" | ")} |`
  const rows = t.rows.map((row, i) => {
    const bold = t.totalRow === true && i === t.rows.length - 1
    return `| ${row.map((x) => (bold && x !== "" ? `**${cell(x)}**` : cell(x))).join(" | ")} |`
  })
  return [`**${cell(t.caption)}**`, "", head, rule, ...rows].join("\n")
}

const block = (b: Block): string => {
  switch (b.kind) {
    case "heading":
      return `${"#".repeat(b.level + 1)} ${b.text}`
    case "paragraph":
      return b.text
    case "list":
      return b.items.map((item) => `- ${item.replace(/\r?\n/g, " ")}`).join("\n")
    case "table":
      return table(b.table)
    case "chart":
      return table(b.table)
    case "form":
      // Merged cells: GitHub-flavoured Markdown shows an HTML table as it is.
      return renderGridHtml(b.form)
    case "signature":
      return [...b.lines, b.date].join("  \n")
  }
}

/**
 * Renders the report as Markdown, in Chinese unless `lang: "en"`. The same input gives the same
 * bytes (lines end with `\n`, the file too).
 *
 * @example
 * import { renderMarkdown, type ReportInput } from "fayuan/report"
 * declare const input: ReportInput // from selfEvaluation(…).report
 * const md = renderMarkdown(input, { lang: "zh" })
 *
 * @category rendering
 */
export const renderMarkdown = (input: ReportInput, options: ReportOptions = {}): string => {
  const report = buildReport(input, options)
  const parts = [`# ${report.title}`, report.meta.map((m) => `- ${m}`).join("\n"), ...report.blocks.map(block)]
  return `${parts.join("\n\n")}\n`
}
