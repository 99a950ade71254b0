/**
 * The report as one standalone HTML page: inline CSS and inline SVG charts, no scripts, fonts,
 * images or style sheets from outside, so it opens offline and prints as it shows.
 *
 * @since 0.1.0
 */
import type { Block, ReportInput, ReportOptions, Table } from "./Report.ts"
import { buildReport } from "./Report.ts"
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
  "@media print{body{background:#fff}main{padding:0}}"
].join("\n")

const table = (t: Table, caption = true): string => {
  const cls = (i: number) => (t.align[i] === "right" ? ` class="r"` : "")
  const head = `<tr>${t.head.map((h, i) => `<th${cls(i)}>${escapeXml(h)}</th>`).join("")}</tr>`
  const rows = t.rows.map((row, r) => {
    const total = t.totalRow === true && r === t.rows.length - 1 ? ` class="total"` : ""
    return `<tr${total}>${row.map((x, i) => `<td${cls(i)}>${escapeXml(x)}</td>`).join("")}</tr>`
  })
  return [`<table>`, ...(caption ? [`<caption>${escapeXml(t.caption)}</caption>`] : []), `<thead>${head}</thead>`, `<tbody>`, ...rows, `</tbody>`, `</table>`].join("\n")
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
