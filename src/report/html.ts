/**
 * The report as one standalone HTML page: inline CSS and inline SVG charts, no scripts, fonts,
 * images or style sheets from outside, so it opens offline and prints as it shows.
 *
 * @since 0.1.0
 */
import type { Grid } from "./Grid.ts"
import { placeCells } from "./Grid.ts"
import type { Block, ReportInput, ReportOptions, Table } from "./Report.ts"
import { buildReport, mergedSpans } from "./Report.ts"
import { escapeXml, renderSvg } from "./svg.ts"

const css = [
  "body{margin:0;background:#f5f5f5;color:#222;font-family:system-ui,\"PingFang SC\",\"Microsoft YaHei\",\"Noto Sans CJK SC\",\"Source Han Sans SC\",sans-serif;line-height:1.7}",
  "main{max-width:980px;margin:0 auto;padding:32px 40px;background:#fff}",
  "h1{font-size:24px;text-align:center;margin:8px 0 16px}",
  "h2{font-size:19px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}",
  "h3{font-size:16px;margin:20px 0 6px}",
  "h4{font-size:15px;margin:14px 0 4px}",
  "ul.meta{list-style:none;padding:0;color:#555;text-align:center}",
  "table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:13px}",
  "caption{font-weight:bold;text-align:left;padding:4px 0}",
  "th,td{border:1px solid #bbb;padding:4px 6px;vertical-align:top}",
  "th{background:#eef2f7}",
  "td.r,th.r{text-align:right;white-space:nowrap}",
  "tr.total td{font-weight:bold;background:#fafafa}",
  "figure{margin:12px 0 20px}",
  "figure svg{max-width:100%;height:auto}",
  "details{font-size:13px}",
  "section.form{margin:24px 0}",
  "section.form h3{text-align:center;font-size:20px;margin:0}",
  "section.form p.sub{text-align:center;margin:0 0 8px}",
  "table.form{font-size:12px}",
  "table.form td{vertical-align:middle;white-space:pre-line}",
  "table.form td.c{text-align:center}",
  "table.form td.r{text-align:right}",
  "table.form td.b{font-weight:bold}",
  "table.form td.todo{background:#fff4c2}",
  "section.form p.note{font-size:12px;color:#444;margin:2px 0}",
  "div.signature{margin:32px 0 16px auto;width:max-content;text-align:left}",
  "div.signature p{margin:4px 0}",
  "@media print{body{background:#fff}main{padding:0}}"
].join("\n")

const table = (t: Table, caption = true): string => {
  const cls = (i: number) => (t.align[i] === "right" ? ` class="r"` : "")
  const spans = mergedSpans(t)
  const head = `<tr>${t.head.map((h, i) => `<th${cls(i)}>${escapeXml(h)}</th>`).join("")}</tr>`
  const rows = t.rows.map((row, r) => {
    const total = t.totalRow === true && r === t.rows.length - 1 ? ` class="total"` : ""
    const cells = row.flatMap((x, i) => {
      const span = spans[r]![i]!
      return span === 0 ? [] : [`<td${cls(i)}${span > 1 ? ` rowspan="${span}"` : ""}>${escapeXml(x)}</td>`]
    })
    return `<tr${total}>${cells.join("")}</tr>`
  })
  return [`<table>`, ...(caption ? [`<caption>${escapeXml(t.caption)}</caption>`] : []), `<thead>${head}</thead>`, `<tbody>`, ...rows, `</tbody>`, `</table>`].join("\n")
}

/**
 * A form (a `Grid`) as an HTML section: its title and year line, the table with its merged cells,
 * the fields to complete marked, and its notes.
 *
 * @example
 * ```ts
 * import { renderGridHtml, selfEvaluationGrid, selfEvaluationTable, type ReportInput } from "fayuan/report"
 * declare const input: ReportInput
 * const html = renderGridHtml(selfEvaluationGrid(selfEvaluationTable(input)))
 * ```
 *
 * @category rendering
 */
export const renderGridHtml = (grid: Grid): string => {
  const byRow = new Map<number, Array<string>>()
  for (const { row, cell } of placeCells(grid)) {
    const cls = [cell.align === "center" ? "c" : cell.align === "right" ? "r" : "", cell.bold === true ? "b" : "", cell.toComplete === true ? "todo" : ""].filter((x) => x !== "")
    const attrs = [
      ...((cell.colSpan ?? 1) > 1 ? [` colspan="${cell.colSpan}"`] : []),
      ...((cell.rowSpan ?? 1) > 1 ? [` rowspan="${cell.rowSpan}"`] : []),
      ...(cls.length > 0 ? [` class="${cls.join(" ")}"`] : [])
    ].join("")
    const cells = byRow.get(row) ?? []
    cells.push(`<td${attrs}>${escapeXml(cell.text)}</td>`)
    byRow.set(row, cells)
  }
  const total = grid.columns.reduce((a, b) => a + b, 0)
  return [
    `<section class="form">`,
    `<h3>${escapeXml(grid.title)}</h3>`,
    ...(grid.subtitle === undefined ? [] : [`<p class="sub">${escapeXml(grid.subtitle)}</p>`]),
    `<table class="form">`,
    `<colgroup>${grid.columns.map((w) => `<col style="width:${((100 * w) / total).toFixed(1)}%">`).join("")}</colgroup>`,
    ...grid.rows.map((_, r) => `<tr>${(byRow.get(r) ?? []).join("")}</tr>`),
    `</table>`,
    ...grid.notes.map((n) => `<p class="note">${escapeXml(n)}</p>`),
    `</section>`
  ].join("\n")
}

const block = (b: Block): string => {
  switch (b.kind) {
    case "heading":
      return `<h${b.level + 1}>${escapeXml(b.text)}</h${b.level + 1}>`
    case "paragraph":
      return `<p>${escapeXml(b.text)}</p>`
    case "list":
      return `<ul>\n${b.items.map((i) => `<li>${escapeXml(i)}</li>`).join("\n")}\n</ul>`
    case "table":
      return table(b.table)
    case "chart":
      return [
        `<figure>`,
        renderSvg(b.chart),
        `<figcaption><details><summary>${escapeXml(b.table.caption)}</summary>`,
        table(b.table, false),
        `</details></figcaption>`,
        `</figure>`
      ].join("\n")
    case "form":
      return renderGridHtml(b.form)
    case "signature":
      return `<div class="signature">\n${[...b.lines, b.date].map((l) => `<p>${escapeXml(l)}</p>`).join("\n")}\n</div>`
  }
}

/**
 * Renders the report as a standalone HTML page with three inline SVG charts (cases by month and
 * kind, points and score by first-level indicator, spending against the schedule — the last only
 * when a budget is given), in Chinese unless `lang: "en"`. The same input gives the same bytes.
 *
 * @example
 * import { renderHtml, type ReportInput } from "fayuan/report"
 * declare const input: ReportInput // from selfEvaluation(…).report
 * const html = renderHtml(input)
 *
 * @category rendering
 */
export const renderHtml = (input: ReportInput, options: ReportOptions = {}): string => {
  const report = buildReport(input, options)
  const lines = [
    `<!DOCTYPE html>`,
    `<html lang="${report.lang === "zh" ? "zh-CN" : "en"}">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeXml(report.title)}</title>`,
    `<style>\n${css}\n</style>`,
    `</head>`,
    `<body>`,
    `<main>`,
    `<h1>${escapeXml(report.title)}</h1>`,
    `<ul class="meta">\n${report.meta.map((m) => `<li>${escapeXml(m)}</li>`).join("\n")}\n</ul>`,
    ...report.blocks.map(block),
    `</main>`,
    `</body>`,
    `</html>`
  ]
  return `${lines.join("\n")}\n`
}
