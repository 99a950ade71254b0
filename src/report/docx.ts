/**
 * The report as a Word document (`.docx`, also opened by WPS), built with the `docx` package from
 * the same model as the Markdown and HTML: headings, paragraphs, lists and tables; each chart is
 * given as its data table. The document properties carry the report date, never the clock (the
 * zip's own file times still come from the clock, so only the parts are byte-identical).
 *
 * @since 0.1.0
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, ShadingType, Table as DocxTable, TableCell, TableRow, TextRun, WidthType } from "docx"
import type { Block, ReportInput, ReportOptions, Table } from "./Report.ts"
import { buildReport } from "./Report.ts"
import { escapeXml } from "./svg.ts"

const headings = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const

const text = (value: string, bold = false): TextRun => new TextRun({ text: value, bold })

const table = (t: Table): ReadonlyArray<Paragraph | DocxTable> => {
  const row = (cells: ReadonlyArray<string>, header: boolean, bold: boolean) =>
    new TableRow({
      tableHeader: header,
      children: cells.map((x, i) =>
        new TableCell({
          ...(header ? { shading: { type: ShadingType.CLEAR, fill: "EEF2F7", color: "auto" } } : {}),
          children: [new Paragraph({ alignment: t.align[i] === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [text(x, header || bold)] })]
        })
      )
    })
  return [
    new Paragraph({ keepNext: true, children: [text(t.caption, true)] }),
    new DocxTable({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [row(t.head, true, false), ...t.rows.map((r, i) => row(r, false, t.totalRow === true && i === t.rows.length - 1))]
    }),
    new Paragraph({ children: [] })
  ]
}

const block = (b: Block): ReadonlyArray<Paragraph | DocxTable> => {
  switch (b.kind) {
    case "heading":
      return [new Paragraph({ heading: headings[b.level - 1]!, children: [text(b.text)] })]
    case "paragraph":
      return [new Paragraph({ children: [text(b.text)] })]
    case "list":
      return b.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: [text(item)] }))
    case "table":
    case "chart":
      return table(b.table)
  }
}

const coreXml = (title: string, date: string): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
  `<dc:title>${escapeXml(title)}</dc:title><dc:creator>fayuan</dc:creator>` +
  `<dcterms:created xsi:type="dcterms:W3CDTF">${date}T00:00:00Z</dcterms:created>` +
  `<dcterms:modified xsi:type="dcterms:W3CDTF">${date}T00:00:00Z</dcterms:modified>` +
  `</cp:coreProperties>`

/**
 * Renders the report as a `.docx` file (the bytes of a zip), in Chinese unless `lang: "en"`.
 *
 * @example
 * import { writeFile } from "node:fs/promises"
 * import { renderDocx } from "fayuan/report"
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
        document: { run: { font: { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "SimSun" }, size: 24 } }
      }
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [text(report.title, true)] }),
          ...report.meta.map((m) => new Paragraph({ alignment: AlignmentType.CENTER, children: [text(m)] })),
          ...report.blocks.flatMap(block)
        ]
      }
    ]
  })
  const bytes = await Packer.toArrayBuffer(doc, false, [{ path: "docProps/core.xml", data: coreXml(report.title, input.generatedOn) }])
  return new Uint8Array(bytes)
}
