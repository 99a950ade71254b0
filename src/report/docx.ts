/**
 * The report as a Word document (`.docx`, also opened by WPS), built with the `docx` package from
 * the same model as the Markdown and HTML: headings, paragraphs, lists and tables; each chart is
 * given as its data table. The document properties carry the report date, never the clock (the
 * zip's own file times still come from the clock, so only the parts are byte-identical).
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
import type { Block, ReportInput, ReportOptions, Table } from "./Report.ts"
import { buildReport } from "./Report.ts"
import { escapeXml } from "./svg.ts"

/**
 * The house style of government documents: the title in 方正小标宋简体 (SimSun where it is not
 * installed) 22pt bold, headings in 黑体 (SimHei) 16pt black, the body in 仿宋 (FangSong) 16pt
 * (三号), tables in 仿宋 10.5pt (五号); Latin text in Times New Roman.
 */
const fonts = {
  title: "方正小标宋简体",
  heading: "SimHei",
  body: "FangSong",
  latin: "Times New Roman"
} as const

/** Sizes in half-points. */
const sizes = { title: 44, heading: 32, body: 32, table: 21 } as const

const fontOf = (eastAsia: string) => ({ ascii: fonts.latin, hAnsi: fonts.latin, eastAsia, cs: fonts.latin })

/** A4 with the margins of GB/T 9704 (top 37mm, bottom 35mm, left 28mm, right 26mm), in twips. */
const page = { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1588, right: 1474 } as const
const contentWidth = page.width - page.left - page.right

const headings = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const

const run = (value: string, options: { readonly font?: string; readonly size?: number; readonly bold?: boolean } = {}): TextRun =>
  new TextRun({ text: value, bold: options.bold ?? false, font: fontOf(options.font ?? fonts.body), size: options.size ?? sizes.body, color: "000000" })

/** Column widths in twips: the table's relative widths (equal by default), summing to the page's text width. */
const columnWidths = (t: Table): ReadonlyArray<number> => {
  const relative = t.widths !== undefined && t.widths.length === t.head.length ? t.widths : t.head.map(() => 1)
  const sum = relative.reduce((a, b) => a + b, 0)
  const widths = relative.map((w) => Math.floor((contentWidth * w) / sum))
  widths[widths.length - 1]! += contentWidth - widths.reduce((a, b) => a + b, 0)
  return widths
}

const table = (t: Table): ReadonlyArray<Paragraph | DocxTable> => {
  const widths = columnWidths(t)
  const row = (cells: ReadonlyArray<string>, header: boolean, bold: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map((x, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          ...(header ? { shading: { type: ShadingType.CLEAR, fill: "EEF2F7", color: "auto" } } : {}),
          children: [
            new Paragraph({
              alignment: header ? AlignmentType.CENTER : t.align[i] === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
              children: [run(x, { size: sizes.table, bold: header || bold })]
            })
          ]
        })
      )
    })
  return [
    new Paragraph({ keepNext: true, alignment: AlignmentType.CENTER, children: [run(t.caption, { font: fonts.heading, size: sizes.table + 3 })] }),
    new DocxTable({
      width: { size: contentWidth, type: WidthType.DXA },
      columnWidths: [...widths],
      layout: TableLayoutType.FIXED,
      rows: [row(t.head, true, false), ...t.rows.map((r, i) => row(r, false, t.totalRow === true && i === t.rows.length - 1))]
    }),
    new Paragraph({ children: [] })
  ]
}

/** Body paragraphs: first line indented two characters, fixed 28pt line spacing. */
const body = { indent: { firstLine: 640 }, spacing: { line: 560, lineRule: LineRuleType.EXACT } } as const

const block = (b: Block): ReadonlyArray<Paragraph | DocxTable> => {
  switch (b.kind) {
    case "heading":
      return [new Paragraph({ heading: headings[b.level - 1]!, keepNext: true, children: [run(b.text, { font: fonts.heading, size: sizes.heading })] })]
    case "paragraph":
      return [new Paragraph({ ...body, children: [run(b.text)] })]
    case "list":
      return b.items.map((item) => new Paragraph({ bullet: { level: 0 }, spacing: body.spacing, children: [run(item)] }))
    case "table":
    case "chart":
      return table(b.table)
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
          ...report.blocks.flatMap(block)
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
