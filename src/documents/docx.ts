/**
 * A document as Word (`.docx`, opened by WPS too): A4 with the margins of GB/T 9704, the title in
 * 方正小标宋简体 二号 (SimSun where missing), the body in 仿宋 三号 at a fixed 28-point line, the
 * number under the title, the issuer and date at the right under the place of the seal.
 * Needs the optional peer dependency `docx`.
 *
 * @since 0.2.0
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType
} from "docx"
import type { DocumentModel } from "./Document.ts"

const fonts = { title: "方正小标宋简体", body: "FangSong", latin: "Times New Roman" } as const
const fontOf = (eastAsia: string) => ({ ascii: fonts.latin, hAnsi: fonts.latin, eastAsia, cs: fonts.latin })
/** A4 with GB/T 9704 margins (top 37mm, bottom 35mm, left 28mm, right 26mm), in twips. */
const page = { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1588, right: 1474 } as const
const contentWidth = page.width - page.left - page.right
const line = { line: 560, lineRule: LineRuleType.EXACT } as const

const run = (text: string, size = 32, font: string = fonts.body) => new TextRun({ text, font: fontOf(font), size, color: "000000" })

const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const

/**
 * Renders a document as a `.docx` file (the bytes of a zip).
 *
 * @example
 * ```ts
 * import { writeFile } from "node:fs/promises"
 * import type { DocumentModel } from "fayuan/documents"
 * import { renderDocumentDocx } from "fayuan/documents/docx"
 * declare const document: DocumentModel
 * await writeFile("决定书.docx", await renderDocumentDocx(document))
 * ```
 *
 * @category rendering
 */
export const renderDocumentDocx = async (d: DocumentModel): Promise<Uint8Array> => {
  const children: Array<Paragraph | Table> = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(d.title, 44, fonts.title)] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 320, ...line }, children: [run(d.number)] })
  ]
  if (d.addressee !== undefined) children.push(new Paragraph({ spacing: line, children: [run(d.addressee)] }))
  for (const p of d.paragraphs) children.push(new Paragraph({ spacing: line, indent: { firstLine: 640 }, alignment: AlignmentType.JUSTIFIED, children: [run(p)] }))
  if (d.table !== undefined) {
    const widths = [Math.round(contentWidth * 0.32), contentWidth - Math.round(contentWidth * 0.32)]
    children.push(
      new Table({
        width: { size: contentWidth, type: WidthType.DXA },
        columnWidths: widths,
        layout: TableLayoutType.FIXED,
        rows: d.table.map(
          ([label, value]) =>
            new TableRow({
              cantSplit: true,
              children: [label, value].map(
                (text, i) =>
                  new TableCell({
                    width: { size: widths[i]!, type: WidthType.DXA },
                    borders: { top: border, bottom: border, left: border, right: border },
                    children: [new Paragraph({ spacing: { before: 60, after: 60 }, children: [run(text, 24)] })]
                  })
              )
            })
        )
      })
    )
  }
  if (d.closing !== undefined) children.push(new Paragraph({ spacing: line, indent: { firstLine: 640 }, children: [run(d.closing)] }))
  for (const c of d.contacts) children.push(new Paragraph({ spacing: line, indent: { firstLine: 640 }, children: [run(c)] }))
  children.push(
    new Paragraph({ spacing: { before: 720, ...line }, alignment: AlignmentType.RIGHT, children: [run("（印章）", 24)] }),
    new Paragraph({ spacing: line, alignment: AlignmentType.RIGHT, children: [run(d.issuer)] }),
    new Paragraph({ spacing: line, alignment: AlignmentType.RIGHT, children: [run(d.date)] })
  )
  const doc = new Document({
    title: `${d.title} ${d.number}`,
    creator: "fayuan",
    styles: { default: { document: { run: { font: fontOf(fonts.body), size: 32 } } } },
    sections: [{ properties: { page: { size: { width: page.width, height: page.height }, margin: { top: page.top, bottom: page.bottom, left: page.left, right: page.right } } }, children }]
  })
  return new Uint8Array(await Packer.toArrayBuffer(doc))
}
