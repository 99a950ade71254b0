/**
 * The report as a Word document (`.docx`, also opened by WPS), built with the `docx` package from
 * the same model as the Markdown and HTML: headings, paragraphs, lists and tables with columns
 * sized from their content; each chart as a Word chart (editable, its data in an embedded
 * workbook) with its data table; the signature and seal block; the self-evaluation table with its
 * merged cells. The document properties carry the report date, never the clock (the zip's own
 * file times still come from the clock, so only the parts are byte-identical).
 *
 * @since 0.1.0
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LineRuleType,
  Packer,
  Paragraph,
  ShadingType,
  Table as DocxTable,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType
} from "docx"
import { ChartRun } from "docx/charts"
import type { Grid } from "./Grid.ts"
import { placeCells } from "./Grid.ts"
import { displayWidth, fitColumns } from "./layout.ts"
import type { Block, Chart, ReportInput, ReportOptions, Table } from "./Report.ts"
import { buildReport, mergedSpans } from "./Report.ts"
import { escapeXml, palette } from "./svg.ts"

/**
 * The house style of government documents: the title in 方正小标宋简体 (SimSun where it is not
 * installed) 22pt bold, headings in 黑体 (SimHei) 16pt black, the body in 仿宋 (FangSong) 16pt
 * (三号), tables in 仿宋 10.5pt (五号); Latin text in Times New Roman.
 */
const fonts = {
  title: "方正小标宋简体",
  heading: "SimHei",
  body: "FangSong",
  song: "SimSun",
  latin: "Times New Roman"
} as const

/** Sizes in half-points. */
const sizes = { title: 44, heading: 32, body: 32, table: 21, wideTable: 18 } as const

const fontOf = (eastAsia: string) => ({ ascii: fonts.latin, hAnsi: fonts.latin, eastAsia, cs: fonts.latin })

/** A4 with the margins of GB/T 9704 (top 37mm, bottom 35mm, left 28mm, right 26mm), in twips. */
const page = { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1588, right: 1474 } as const
const contentWidth = page.width - page.left - page.right

const headings = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const

const run = (value: string, options: { readonly font?: string; readonly size?: number; readonly bold?: boolean } = {}): TextRun =>
  new TextRun({ text: value, bold: options.bold ?? false, font: fontOf(options.font ?? fonts.body), size: options.size ?? sizes.body, color: "000000" })

/** Half-point sizes to the twips a half-width character takes (half the font size, in points × 20). */
const halfChar = (size: number): number => size * 5

/** A cell's left and right margins (Word's default, 108 twips each) in half-width units of a size. */
const cellPadding = (size: number): number => Math.ceil(216 / halfChar(size))

/** Widths in half-width units to twips summing to the page's text width. */
const toTwips = (units: ReadonlyArray<number>): ReadonlyArray<number> => {
  const sum = units.reduce((a, b) => a + b, 0)
  const widths = units.map((w) => Math.floor((contentWidth * w) / sum))
  widths[widths.length - 1]! += contentWidth - widths.reduce((a, b) => a + b, 0)
  return widths
}

/** Relative widths as shares of `available` units. */
const scaled = (relative: ReadonlyArray<number>, available: number): ReadonlyArray<number> => {
  const sum = relative.reduce((a, b) => a + b, 0)
  return relative.map((w) => Math.floor((w * available) / sum))
}

/** A table of many columns is set in 小五 (9pt) to keep its figures on one line. */
const tableSize = (t: Table): number => (t.head.length >= 7 ? sizes.wideTable : sizes.table)

/** Column widths in twips, from the table's content (the text of merged cells once): no number breaks across lines. */
const columnWidths = (t: Table): ReadonlyArray<number> => {
  const spans = mergedSpans(t)
  const rows = t.rows.map((r, k) => r.map((x, i) => (spans[k]![i] === 0 ? "" : x)))
  const available = Math.floor(contentWidth / halfChar(tableSize(t)))
  const floors = t.widths === undefined ? undefined : scaled(t.widths, available)
  return toTwips(fitColumns([t.head, ...rows], available, { padding: cellPadding(tableSize(t)), ...(floors === undefined ? {} : { floors }) }))
}

const caption = (text: string): Paragraph =>
  new Paragraph({ keepNext: true, alignment: AlignmentType.CENTER, spacing: { before: 120, after: 60 }, children: [run(text, { font: fonts.heading, size: sizes.table + 3 })] })

const table = (t: Table): ReadonlyArray<Paragraph | DocxTable> => {
  const widths = columnWidths(t)
  const spans = mergedSpans(t)
  const size = tableSize(t)
  const cell = (x: string, i: number, header: boolean, bold: boolean, rowSpan = 1) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      ...(rowSpan > 1 ? { rowSpan, verticalAlign: "center" as const } : {}),
      ...(header ? { shading: { type: ShadingType.CLEAR, fill: "EEF2F7", color: "auto" } } : {}),
      children: [
        new Paragraph({
          alignment: header || rowSpan > 1 ? AlignmentType.CENTER : t.align[i] === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [run(x, { size, bold: header || bold })]
        })
      ]
    })
  const head = new TableRow({ tableHeader: true, cantSplit: true, children: t.head.map((x, i) => cell(x, i, true, false)) })
  const body = t.rows.map((r, k) => {
    const bold = t.totalRow === true && k === t.rows.length - 1
    return new TableRow({ cantSplit: true, children: r.flatMap((x, i) => (spans[k]![i] === 0 ? [] : [cell(x, i, false, bold, spans[k]![i])])) })
  })
  return [
    caption(t.caption),
    new DocxTable({ width: { size: contentWidth, type: WidthType.DXA }, columnWidths: [...widths], layout: TableLayoutType.FIXED, rows: [head, ...body] }),
    new Paragraph({ children: [] })
  ]
}

/**
 * Runs `make` with `Math.random` drawn from a generator seeded by `seed`, and puts it back: the
 * `docx` package names a chart's parts with random ids when the chart is made (synchronously, so
 * nothing else runs meanwhile), and the same report must give the same document.
 */
const seeded = <A>(seed: string, make: () => A): A => {
  let state = 2166136261
  for (const ch of seed) state = Math.imul(state ^ ch.codePointAt(0)!, 16777619) >>> 0
  const random = Math.random
  // mulberry32
  Math.random = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let x = Math.imul(state ^ (state >>> 15), 1 | state)
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
  try {
    return make()
  } finally {
    Math.random = random
  }
}

/** The chart's colours without the `#`. */
const hex = (c: string): string => c.replace(/^#/, "").toUpperCase()

/**
 * A chart as Word draws it: stacked or clustered columns, or lines, with the unit over the value
 * axis and the caption (图N) under the chart, in 宋体 where the chart's own text is Chinese.
 */
const chart = (c: Chart, id: number): ReadonlyArray<Paragraph> => {
  const font = { name: "SimSun", size: 9 } as const
  const series = c.series.map((s, k) => ({ name: s.name, values: s.values, color: hex(s.color ?? palette[k % palette.length]!) }))
  const common = {
    categories: c.categories,
    series,
    font: { name: "SimSun" },
    legend: { position: "bottom" as const, font },
    categoryAxis: { font },
    valueAxis: { title: { text: c.unit, font: { ...font, bold: false } }, numberFormat: "#,##0", font },
    transformation: { width: 576, height: 300 },
    // The drawing's id in the document: fixed, so the same report gives the same document.
    altText: { name: c.title, description: c.title, id: String(id) }
  }
  const drawn = seeded(c.title, () =>
    c.kind === "lines"
      ? new ChartRun({ type: "line", ...common, markers: true })
      : c.kind === "stacked-bars"
        ? new ChartRun({ type: "column", ...common, stacking: "stacked", gapWidth: 60 })
        : new ChartRun({ type: "column", ...common, gapWidth: 80, dataLabels: { value: true, numberFormat: "0.00", font } })
  )
  return [
    new Paragraph({ keepNext: true, alignment: AlignmentType.CENTER, spacing: { before: 120 }, children: [drawn] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [run(c.title, { font: fonts.heading, size: sizes.table + 3 })] })
  ]
}

/** Sizes of a form (the self-evaluation table): 小五 (9pt) in its cells, the title 16pt. */
const formSizes = { cell: 18, title: 32, note: 18 } as const

/**
 * A form as a Word table: its title and year line, the merged cells, columns sized from the
 * content of their single cells, fields to complete shaded, its notes under it.
 */
const form = (g: Grid): ReadonlyArray<Paragraph | DocxTable> => {
  const placed = placeCells(g)
  const units = fitColumns(
    [Array.from({ length: g.columns.length }, () => ""), ...g.rows.map((_, r) => Array.from({ length: g.columns.length }, (_, col) => placed.find((p) => p.row === r && p.col === col && (p.cell.colSpan ?? 1) === 1)?.cell.text ?? ""))],
    Math.floor(contentWidth / halfChar(formSizes.cell)),
    { padding: cellPadding(formSizes.cell), floors: scaled(g.columns, Math.floor(contentWidth / halfChar(formSizes.cell))) }
  )
  const widths = toTwips(units)
  const align = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const
  const rows = g.rows.map(
    (_, r) =>
      new TableRow({
        cantSplit: true,
        children: placed
          .filter((p) => p.row === r)
          .map((p) => {
            const span = p.cell.colSpan ?? 1
            const width = widths.slice(p.col, p.col + span).reduce((a, b) => a + b, 0)
            return new TableCell({
              width: { size: width, type: WidthType.DXA },
              ...(span > 1 ? { columnSpan: span } : {}),
              ...((p.cell.rowSpan ?? 1) > 1 ? { rowSpan: p.cell.rowSpan! } : {}),
              verticalAlign: "center",
              ...(p.cell.toComplete === true ? { shading: { type: ShadingType.CLEAR, fill: "FFF4C2", color: "auto" } } : {}),
              children: p.cell.text.split("\n").map(
                (line) => new Paragraph({ alignment: align[p.cell.align ?? "left"], children: [run(line, { size: formSizes.cell, bold: p.cell.bold ?? false, font: fonts.song })] })
              )
            })
          })
      })
  )
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [run(g.title, { font: fonts.heading, size: formSizes.title })] }),
    ...(g.subtitle === undefined ? [] : [new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { after: 120 }, children: [run(g.subtitle, { size: sizes.table })] })]),
    new DocxTable({ width: { size: contentWidth, type: WidthType.DXA }, columnWidths: [...widths], layout: TableLayoutType.FIXED, rows }),
    ...g.notes.map((n, k) => new Paragraph({ spacing: { before: k === 0 ? 120 : 0 }, children: [run(`${k === 0 ? "说明：" : "　　　"}${n}`, { size: formSizes.note })] }))
  ]
}

/**
 * The signature and seal block, at the right: its lines start together where the longest of them
 * ends at the margin (the unit with the place of its seal, the lines to sign), the date under them.
 */
const signature = (lines: ReadonlyArray<string>, date: string): ReadonlyArray<Paragraph> => {
  const longest = Math.max(...lines.map(displayWidth))
  const left = Math.max(0, contentWidth - longest * halfChar(sizes.body) - 200)
  return [
    ...lines.map((l, k) => new Paragraph({ indent: { left }, keepNext: true, spacing: { before: k === 0 ? 720 : 120, line: 560, lineRule: LineRuleType.EXACT }, children: [run(l)] })),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 240 }, children: [run(date)] })
  ]
}

/** Body paragraphs: first line indented two characters, fixed 28pt line spacing. */
const body = { indent: { firstLine: 640 }, spacing: { line: 560, lineRule: LineRuleType.EXACT } } as const

const block = (b: Block, next: Block | undefined, figure: number): ReadonlyArray<Paragraph | DocxTable> => {
  switch (b.kind) {
    case "heading":
      // An annex (a form after its heading) starts on a page of its own.
      return [new Paragraph({ heading: headings[b.level - 1]!, keepNext: true, pageBreakBefore: next?.kind === "form", children: [run(b.text, { font: fonts.heading, size: sizes.heading })] })]
    case "paragraph":
      return [new Paragraph({ ...body, children: [run(b.text)] })]
    case "list":
      return b.items.map((item) => new Paragraph({ bullet: { level: 0 }, spacing: body.spacing, children: [run(item)] }))
    case "table":
      return table(b.table)
    case "chart":
      return [...chart(b.chart, figure), ...table(b.table)]
    case "form":
      return form(b.form)
    case "signature":
      return signature(b.lines, b.date)
  }
}

/** A heading style: 黑体 16pt black, not bold, no colour of Word's theme. */
const headingStyle = {
  run: { font: fontOf(fonts.heading), size: sizes.heading, bold: false, color: "000000" },
  paragraph: { spacing: { before: 240, after: 120 } }
} as const

const coreXml = (title: string, date: string): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
  `<dc:title>${escapeXml(title)}</dc:title><dc:creator>fayuan</dc:creator>` +
  `<dcterms:created xsi:type="dcterms:W3CDTF">${date}T00:00:00Z</dcterms:created>` +
  `<dcterms:modified xsi:type="dcterms:W3CDTF">${date}T00:00:00Z</dcterms:modified>` +
  `</cp:coreProperties>`

/**
 * The font table: each Chinese font with its other name and the GB2312 character set, so Word and
 * WPS substitute a font that is missing (方正小标宋简体 falls back to SimSun).
 */
const fontTableXml = (): string => {
  const font = (name: string, alt: string, family: string, pitch: string) =>
    `<w:font w:name="${escapeXml(name)}"><w:altName w:val="${escapeXml(alt)}"/><w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="${pitch}"/></w:font>`
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
    font(fonts.title, "SimSun", "script", "variable") +
    font(fonts.heading, "黑体", "modern", "fixed") +
    font(fonts.body, "仿宋", "modern", "fixed") +
    font("SimSun", "宋体", "auto", "variable") +
    `<w:font w:name="${fonts.latin}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>` +
    `</w:fonts>`
  )
}

/**
 * Renders the report as a `.docx` file (the bytes of a zip), in Chinese unless `lang: "en"`.
 *
 * @example
 * import { writeFile } from "node:fs/promises"
 * import type { ReportInput } from "fayuan/report"
 * import { renderDocx } from "fayuan/report/docx"
 * declare const input: ReportInput // from selfEvaluation(…).report
 * await writeFile("report.docx", await renderDocx(input))
 *
 * @category rendering
 */
export const renderDocx = async (input: ReportInput, options: ReportOptions = {}): Promise<Uint8Array> => {
  const report = buildReport(input, options)
  const doc = new Document({
    title: report.title,
    creator: "fayuan",
    styles: {
      default: {
        document: { run: { font: fontOf(fonts.body), size: sizes.body } },
        title: { run: { font: fontOf(fonts.title), size: sizes.title, bold: true, color: "000000" }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } } },
        heading1: headingStyle,
        heading2: headingStyle,
        heading3: headingStyle
      }
    },
    sections: [
      {
        properties: { page: { size: { width: page.width, height: page.height }, margin: { top: page.top, bottom: page.bottom, left: page.left, right: page.right } } },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [run(report.title, { font: fonts.title, size: sizes.title, bold: true })] }),
          ...report.meta.map((m) => new Paragraph({ alignment: AlignmentType.CENTER, children: [run(m)] })),
          ...report.blocks.flatMap((b, k) => block(b, report.blocks[k + 1], report.blocks.slice(0, k + 1).filter((x) => x.kind === "chart").length))
        ]
      }
    ]
  })
  const bytes = await Packer.toArrayBuffer(doc, false, [
    { path: "docProps/core.xml", data: coreXml(report.title, input.generatedOn) },
    { path: "word/fontTable.xml", data: fontTableXml() }
  ])
  return new Uint8Array(bytes)
}
