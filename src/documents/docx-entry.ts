/**
 * `fayuan/documents/docx`: a document as Word. Needs the optional peer dependency `docx`.
 *
 * @since 0.2.0
 */
export { renderDocumentDocx } from "./docx.ts"
