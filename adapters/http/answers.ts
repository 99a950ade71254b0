/**
 * What the service answers with: JSON (maps and sets as objects and arrays), a problem for any
 * failure (RFC 9457, `application/problem+json`), a document in the format asked for, the ETag of
 * a case's version.
 *
 * @since 0.2.0
 */
import { Effect } from "effect"
import { HttpServerResponse } from "effect/http"
import type { DocumentModel } from "../../src/documents/Document.ts"
import { renderDocumentHtml } from "../../src/documents/html.ts"
import { problemOf } from "./problem.ts"

/** A failure as the handlers carry it: a library failure, or one of the service's own. */
export interface Failure {
  readonly _tag: string
  readonly message?: string
  readonly issues?: unknown
  readonly reason?: unknown
}

/** Maps and sets as JSON (the library's results hold a few), and nothing else changed. */
const replacer = (_key: string, value: unknown): unknown =>
  value instanceof Map ? Object.fromEntries(value) : value instanceof Set ? [...value] : value

/** A JSON answer. */
export const jsonResponse = (body: unknown, status = 200, headers: Record<string, string> = {}): HttpServerResponse.HttpServerResponse =>
  HttpServerResponse.text(JSON.stringify(body, replacer), { status, contentType: "application/json", headers })

/** A problem answer. */
export const problemResponse = (failure: Failure, headers: Record<string, string> = {}): HttpServerResponse.HttpServerResponse => {
  const p = problemOf(failure)
  return HttpServerResponse.text(JSON.stringify(p), { status: p.status, contentType: "application/problem+json", headers })
}

/** The ETag of a case at a version: what a client sends back as `If-Match`. */
export const etag = (version: number): Record<string, string> => ({ etag: `"${version}"` })

/** The media types of Word and Excel files. */
export const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
export const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/** Renders with an optional peer dependency, or a 501 naming it. */
export const optional = <A>(render: () => Promise<A>, dependency: string): Effect.Effect<A, Failure> =>
  Effect.tryPromise({
    try: render,
    catch: (error): Failure =>
      String((error as { code?: unknown })?.code ?? "").includes("MODULE_NOT_FOUND") || String(error).includes(dependency)
        ? { _tag: "FormatUnavailable", message: `this format needs the optional dependency ${dependency}, which the server does not have` }
        : { _tag: "RenderFailed", message: "the document could not be rendered" }
  })

/** A document in the format asked for: JSON (the model), an A4 HTML page, or Word. */
export const documentAnswer = (document: DocumentModel, format: string, status: number): Effect.Effect<HttpServerResponse.HttpServerResponse, Failure> => {
  if (format === "html") return Effect.succeed(HttpServerResponse.text(renderDocumentHtml(document), { status, contentType: "text/html; charset=utf-8" }))
  if (format === "docx") {
    return Effect.map(optional(() => import("../../src/documents/docx-entry.ts").then((m) => m.renderDocumentDocx(document)), "docx"), (bytes) =>
      HttpServerResponse.uint8Array(bytes, { status, contentType: docxType })
    )
  }
  return Effect.succeed(jsonResponse(document, status))
}
