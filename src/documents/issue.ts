/**
 * Issuing a document: the case read from the store, the party's data for the names, the template
 * in force, every blank filled — and only then a number taken, so a document that cannot be
 * written never uses one.
 *
 * @since 0.2.0
 */
import { Effect, Result } from "effect"
import type * as CalendarDate from "../CalendarDate.ts"
import { replay } from "../lifecycle/Case.ts"
import { PartyStore } from "../lifecycle/Party.ts"
import type { Party } from "../lifecycle/Party.ts"
import { CaseStore } from "../lifecycle/Store.ts"
import { chinaDate } from "../lifecycle/time.ts"
import type * as Region from "../Region.ts"
import type { DocumentKind, DocumentModel } from "./Document.ts"
import { MissingFact, NoTemplate } from "./Document.ts"
import type { DocumentContext, Fact } from "./facts.ts"
import { anchorOf, anchorType, dateZh, factsOf, hints } from "./facts.ts"
import { DocumentStore } from "./Store.ts"
import type { Template } from "./Template.ts"
import { blanksOf, nationalTemplates, templateFor } from "./Template.ts"

/** Options: the templates to choose from (the national ones by default). */
export interface IssueOptions {
  readonly templates?: ReadonlyArray<Template>
}

const fillText = (text: string, facts: ReadonlyMap<string, Fact>): string =>
  text.replace(/\{([a-zA-Z.]+)\}/g, (_, key: string) => {
    const v = facts.get(key)
    return typeof v === "string" ? v : v === undefined ? "" : v.join("")
  })

/**
 * The key a document's number is kept under: the case, the kind, and the event it is issued on.
 * The same document issued again has the same key, so the same number.
 *
 * @example
 * import { documentKey } from "fayuan/documents"
 * documentKey("2024-0012", "grant-decision", { sequence: 3 }) // "2024-0012/grant-decision/3"
 *
 * @category documents
 */
export const documentKey = (caseId: string, kind: DocumentKind, anchor: { readonly sequence: number }): string => `${caseId}/${kind}/${anchor.sequence}`

/**
 * Fills a template's blanks from the facts: the document without its number, or the first fact
 * that is missing. A contact line whose fact is unknown is left out; every other blank is required.
 *
 * @category documents
 */
export const fill = (kind: DocumentKind, t: Template, facts: ReadonlyMap<string, Fact>): Result.Result<Omit<DocumentModel, "number" | "date">, MissingFact> => {
  const required = [t.title, t.addressee ?? "", ...t.paragraphs, ...(t.table ?? []).map(([, v]) => v), blanksOf(t.number).filter((b) => b !== "year" && b !== "n").map((b) => `{${b}}`).join("")]
  for (const text of required) {
    for (const blank of blanksOf(text)) {
      if (!facts.has(blank)) return Result.fail(new MissingFact({ kind, fact: blank, hint: hints[blank] ?? "not recorded on the case" }))
    }
  }
  const paragraphs = t.paragraphs.flatMap((p) => {
    // A paragraph that is one list fact becomes a paragraph per item.
    const only = /^\{([a-zA-Z.]+)\}$/.exec(p)
    const v = only === null ? undefined : facts.get(only[1]!)
    return Array.isArray(v) ? v : [fillText(p, facts)]
  })
  return Result.succeed({
    kind,
    title: fillText(t.title, facts),
    ...(t.addressee === undefined ? {} : { addressee: fillText(t.addressee, facts) }),
    paragraphs,
    ...(t.table === undefined ? {} : { table: t.table.map(([label, value]) => [label, fillText(value, facts)] as const) }),
    ...(t.closing === undefined ? {} : { closing: t.closing }),
    contacts: (t.contacts ?? []).filter((line) => blanksOf(line).every((b) => facts.has(b))).map((line) => fillText(line, facts)),
    issuer: facts.get("centre.name") as string,
    template: { id: t.id, source: t.source, verified: t.verified }
  })
}

/**
 * Issues a document of a case: reads the case (inside `scope`) and its party, takes the template
 * in force for the case's region on the document's date, fills every blank, then takes the
 * document's number from the `DocumentStore` — the same number again if this document (this
 * kind, on this event of the case) was issued before. Fails with `MissingFact` naming what the
 * document needs (the event it is issued on, a name, the bureau…) before any number is taken.
 *
 * @example
 * ```ts
 * import { Region } from "fayuan"
 * import { issueDocument } from "fayuan/documents"
 * const decision = issueDocument("grant-decision", Region.makeUnsafe("530103"), "2024-0001", {
 *   centre: { name: "昆明市盘龙区法律援助中心", shortName: "盘", phone: "0871-12348" },
 *   bureau: { name: "昆明市盘龙区司法局" }
 * })
 * // Effect<DocumentModel, MissingFact | NoTemplate | …, CaseStore | PartyStore | DocumentStore>
 * ```
 *
 * @category documents
 */
export const issueDocument = Effect.fn("fayuan/documents/issueDocument")(function* (
  kind: DocumentKind,
  scope: Region.RegionCode,
  caseId: string,
  context: DocumentContext,
  options: IssueOptions = {}
) {
  const events = yield* (yield* CaseStore).load(scope, caseId)
  const c = replay(events)!
  const anchor = anchorOf(kind, events)
  if (anchor === undefined) {
    return yield* Effect.fail(new MissingFact({ kind, fact: `event:${anchorType[kind][0]}`, hint: `the case has no ${anchorType[kind].join(" or ")} event to issue it on` }))
  }
  const anchorDay = (chinaDate(anchor.occurredAt) ?? anchor.occurredAt.slice(0, 10)) as CalendarDate.CalendarDate
  const on = context.issuedOn ?? anchorDay
  const template = templateFor(options.templates ?? nationalTemplates, kind, c.region, on)
  if (template === undefined) return yield* Effect.fail(new NoTemplate({ kind, region: c.region, date: on }))
  const party = yield* Effect.result((yield* PartyStore).get(scope, caseId))
  if (Result.isFailure(party) && party.failure._tag !== "CaseNotFound") return yield* Effect.fail(party.failure)
  const facts = factsOf(c, events, anchor, Result.isSuccess(party) ? (party.success as Party) : undefined, context)
  const filled = fill(kind, template, facts)
  if (Result.isFailure(filled)) return yield* Effect.fail(filled.failure)
  const issued = yield* (yield* DocumentStore).number({
    region: c.region,
    year: Number(on.slice(0, 4)),
    kind,
    key: documentKey(caseId, kind, anchor),
    caseId,
    issuedOn: on
  })
  const number = fillText(template.number.replace("{year}", String(issued.year)).replace("{n}", String(issued.n)), facts)
  return { ...filled.success, number, date: dateZh(issued.issuedOn) } as DocumentModel
})
