/**
 * `fayuan/documents`: the documents a legal aid centre issues — decisions, notices, letters and
 * the closing form — from the case's events, the party's data and the host's context, numbered
 * without gaps or duplicates (`DocumentStore`), as print-ready HTML (and Word at
 * `fayuan/documents/docx`). Templates are data, keyed by region and period.
 *
 * @since 0.2.0
 */
export type { DocumentKind, DocumentModel } from "./Document.ts"
export { documentKinds, MissingFact, NoTemplate } from "./Document.ts"
export type { DocumentContext, Fact, Institution } from "./facts.ts"
export { anchorOf, citeZh, dateZh, factsOf } from "./facts.ts"
export { renderDocumentHtml } from "./html.ts"
export type { IssueOptions } from "./issue.ts"
export { documentKey, fill, issueDocument } from "./issue.ts"
export type { DocumentStoreShape, IssuedNumber, NumberRequest } from "./Store.ts"
export { compareIssued, DocumentStore } from "./Store.ts"
export type { Template } from "./Template.ts"
export { blanksOf, nationalTemplates, templateFor } from "./Template.ts"
