/**
 * A document as a print-ready HTML page: A4, the margins of GB/T 9704, the title in 方正小标宋
 * (宋体 where it is missing), the body in 仿宋 三号 with a two-character first-line indent, the
 * number under the title, the issuer and date at the right with the place of the seal.
 *
 * @since 0.2.0
 */
import type { DocumentModel } from "./Document.ts"

const escape = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")

const style = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: "FangSong", "仿宋", "STFangsong", serif; font-size: 16pt; line-height: 28pt; color: #000; max-width: 156mm; margin: 0 auto; }
h1 { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "SimSun", "宋体", serif; font-size: 22pt; font-weight: normal; text-align: center; margin: 0 0 12pt; letter-spacing: 0.1em; }
.number { text-align: right; margin: 0 0 16pt; }
.addressee { margin: 0; }
p.body { text-indent: 2em; margin: 0; text-align: justify; }
.closing { text-indent: 2em; margin: 0; }
.contacts { margin: 12pt 0 0; }
.contacts p { margin: 0; text-indent: 2em; }
.issuer { text-align: right; margin-top: 36pt; }
.issuer .seal { display: inline-block; width: 42mm; height: 42mm; border: 1px dashed #c00; border-radius: 50%; color: #c00; font-size: 10.5pt; line-height: 42mm; text-align: center; margin-right: 8mm; vertical-align: middle; }
.issuer .who { display: inline-block; text-align: center; vertical-align: middle; }
table.form { width: 100%; border-collapse: collapse; margin-top: 12pt; font-size: 12pt; line-height: 18pt; }
table.form th, table.form td { border: 1px solid #000; padding: 6pt 8pt; text-align: left; }
table.form th { width: 32%; font-weight: normal; background: #f4f4f4; }
.template { margin-top: 24pt; font-size: 9pt; line-height: 12pt; color: #666; }
@media print { .template { display: none; } .issuer .seal { border-color: transparent; color: transparent; } }
`

/**
 * Renders a document as a standalone HTML page (no script, no external resource).
 *
 * @example
 * ```ts
 * import { renderDocumentHtml, type DocumentModel } from "fayuan/documents"
 * declare const document: DocumentModel // from issueDocument
 * const html = renderDocumentHtml(document)
 * ```
 *
 * @category rendering
 */
export const renderDocumentHtml = (d: DocumentModel): string => {
  const lines: Array<string> = [
    "<!doctype html>",
    `<html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(d.title)} ${escape(d.number)}</title><style>${style}</style></head><body>`,
    `<h1>${escape(d.title)}</h1>`,
    `<p class="number">${escape(d.number)}</p>`
  ]
  if (d.addressee !== undefined) lines.push(`<p class="addressee">${escape(d.addressee)}</p>`)
  for (const p of d.paragraphs) lines.push(`<p class="body">${escape(p)}</p>`)
  if (d.table !== undefined) {
    lines.push(`<table class="form">${d.table.map(([label, value]) => `<tr><th>${escape(label)}</th><td>${escape(value)}</td></tr>`).join("")}</table>`)
  }
  if (d.closing !== undefined) lines.push(`<p class="closing">${escape(d.closing)}</p>`)
  if (d.contacts.length > 0) lines.push(`<div class="contacts">${d.contacts.map((c) => `<p>${escape(c)}</p>`).join("")}</div>`)
  lines.push(`<div class="issuer"><span class="seal">（印章）</span><span class="who">${escape(d.issuer)}<br>${escape(d.date)}</span></div>`)
  lines.push(`<p class="template">${escape(d.template.id)} · ${escape(d.template.source)}${d.template.verified ? "" : " · unverified"}</p>`)
  lines.push("</body></html>")
  return `${lines.join("\n")}\n`
}
