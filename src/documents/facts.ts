/**
 * What a document states, worked out from the case's events, the party's data and the host's
 * context: each fact by name (`applicant.name`, `decision.basis`, `materials.list`…), with the
 * hint a `MissingFact` gives when it is not known. Pure: nothing here reads a store.
 *
 * @since 0.2.0
 */
import * as CalendarDate from "../CalendarDate.ts"
import * as Citation from "../Citation.ts"
import type { CitationId } from "../Citation.ts"
import type { Case } from "../lifecycle/Case.ts"
import type { CaseEvent } from "../lifecycle/Event.ts"
import type { Party } from "../lifecycle/Party.ts"
import { chinaDate } from "../lifecycle/time.ts"
import { materialNames } from "../lifecycle/vocabulary.ts"
import type { Material, MatterOutcome, ReassignReason } from "../lifecycle/vocabulary.ts"
import type { MatterKind } from "../RuleSet.ts"
import type { DocumentKind } from "./Document.ts"

/**
 * An institution as a document names it: its full name, the short name its numbers carry
 * (`盘` in `（2024）盘援决字第12号`), a phone.
 *
 * @category models
 */
export interface Institution {
  readonly name: string
  readonly shortName?: string
  readonly phone?: string
}

/**
 * What only the host knows: the issuing centre, the justice bureau that set it up (objections go
 * there, `LAL-49`), the names behind lawyer and firm ids, the organ a letter goes to, the case's
 * title, a local period for objections (the Law sets none) and the document's date.
 *
 * @category models
 */
export interface DocumentContext {
  readonly centre: Institution
  readonly bureau?: { readonly name: string }
  readonly lawyer?: (lawyerId: string) => { readonly name: string; readonly phone?: string } | undefined
  readonly firm?: (firmId: string) => { readonly name: string } | undefined
  /** The court, procuratorate or public security organ a letter goes to. */
  readonly organ?: { readonly name: string }
  /** The case's title (`王某诉某公司劳动报酬纠纷一案`); by default the kind of matter (`民事一案`). */
  readonly caseTitle?: string
  /** A local rule's period for raising an objection (`自收到本决定之日起十五日内`); the Law sets none. */
  readonly objectionPeriod?: string
  /** The document's date; the day of the event it is issued on by default. */
  readonly issuedOn?: CalendarDate.CalendarDate
}

/** A fact: a text, or lines (a list). */
export type Fact = string | ReadonlyArray<string>

/** The day in words: `2024年5月8日`. */
export const dateZh = (d: CalendarDate.CalendarDate): string => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`

const dayOf = (e: CaseEvent): CalendarDate.CalendarDate => chinaDate(e.occurredAt) ?? (e.occurredAt.slice(0, 10) as CalendarDate.CalendarDate)

const kindZh: { readonly [K in MatterKind]: string } = {
  "criminal-defence": "刑事辩护",
  "criminal-victim": "刑事被害人代理",
  "private-prosecution": "刑事自诉",
  "incidental-civil": "刑事附带民事诉讼",
  "compulsory-treatment": "强制医疗",
  civil: "民事",
  administrative: "行政",
  "labour-arbitration": "劳动争议仲裁",
  "non-litigation": "非诉讼法律事务"
}

const outcomeZh: { readonly [O in MatterOutcome]: string } = {
  judgment: "判决",
  mediation: "调解",
  settlement: "和解",
  award: "仲裁裁决",
  "withdrawn-by-party": "当事人撤诉（撤回）",
  "non-prosecution": "不起诉",
  other: "其他"
}

const reassignZh: { readonly [R in ReassignReason]: string } = {
  complaint: "受援人投诉，请求更换法律援助人员",
  conflict: "原承办人存在利益冲突",
  unavailable: "原承办人不能继续承办"
}

/** Provisions as a text cites them: the law's title once, then articles (`《…法》第三十一条第（四）项、第三十四条`). */
export const citeZh = (ids: ReadonlyArray<CitationId>): string => {
  const out: Array<string> = []
  let last = ""
  for (const id of ids) {
    const source = id.split("-")[0]!
    out.push(Citation.articleZh(id, { title: source !== last }))
    last = source
  }
  return out.join("、")
}

/** The event a document is issued on: the latest of its type. */
export const anchorType: { readonly [K in DocumentKind]: ReadonlyArray<CaseEvent["type"]> } = {
  "grant-decision": ["AidGranted"],
  "refusal-decision": ["AidRefused"],
  "materials-notice": ["MaterialsRequested"],
  "assignment-notice": ["LawyerAssigned"],
  "official-letter": ["LawyerReassigned", "LawyerAssigned"],
  "termination-decision": ["AidTerminated"],
  "replacement-notice": ["LawyerReassigned"],
  "closing-form": ["CaseConcluded"]
}

/** The latest event of the kind's types, or `undefined`. */
export const anchorOf = (kind: DocumentKind, events: ReadonlyArray<CaseEvent>): CaseEvent | undefined => {
  for (let i = events.length - 1; i >= 0; i--) if (anchorType[kind].includes(events[i]!.type)) return events[i]
  return undefined
}

/**
 * The article under which a centre decides on an application, on the day it decides: the Legal
 * Aid Law's 43(1) from 2022, the Regulations' 18 before.
 */
const decisionArticle = (day: CalendarDate.CalendarDate): CitationId => (day >= "2022-01-01" ? "LAL-43-1" : "LAR-18") as CitationId

/** Why each fact may be missing, and how to supply it. */
export const hints: Readonly<Record<string, string>> = {
  "applicant.name": "store the applicant with PartyStore.put",
  "recipient.name": "store the recipient with PartyStore.put",
  "recipient.phone": "store the recipient's phone with PartyStore.put",
  "bureau.name": "give context.bureau: the justice bureau that set up the centre (LAL-49)",
  "centre.name": "give context.centre.name",
  "centre.shortName": "give context.centre.shortName (the short name in the document number)",
  "centre.phone": "give context.centre.phone",
  "lawyer.name": "give context.lawyer: the name behind the lawyer id",
  "lawyer.phone": "give context.lawyer: the lawyer's phone",
  "firm.name": "give context.firm: the name behind the firm id",
  "organ.name": "give context.organ: the court, procuratorate or public security organ",
  "grant.date": "the case was never granted"
}

/**
 * Every fact a document may state about the case, as far as it is known; absent keys are the
 * unknown facts.
 */
export const factsOf = (c: Case, events: ReadonlyArray<CaseEvent>, anchor: CaseEvent, party: Party | undefined, ctx: DocumentContext): Map<string, Fact> => {
  const f = new Map<string, Fact>()
  const set = (key: string, value: Fact | undefined) => {
    if (value !== undefined && value !== "") f.set(key, value)
  }
  set("centre.name", ctx.centre.name)
  set("centre.shortName", ctx.centre.shortName)
  set("centre.phone", ctx.centre.phone)
  set("bureau.name", ctx.bureau?.name)
  set("organ.name", ctx.organ?.name)
  set("applicant.name", party?.name)
  set("recipient.name", party?.name)
  set("recipient.phone", party?.phone)
  set("case.id", c.id)
  set("case.kind", kindZh[c.kind])
  set("case.title", ctx.caseTitle ?? `${kindZh[c.kind]}一案`)
  set("case.received", dateZh(c.receivedOn))
  set("application.date", dateZh(c.receivedOn))
  f.set("objection.period", ctx.objectionPeriod ?? "")
  const granted = [...events].reverse().find((e) => e.type === "AidGranted" || e.type === "NotificationReceived")
  set("grant.date", granted === undefined ? undefined : dateZh(dayOf(granted)))
  switch (anchor.type) {
    case "AidGranted":
      set("decision.basis", citeZh([...anchor.eligibility.citations.filter((id) => id.startsWith("LAL") || id.startsWith("LAR")), decisionArticle(dayOf(anchor))]))
      break
    case "AidRefused": {
      const e = anchor.eligibility
      set("refusal.reason", e.meansTest === "failed" ? "你的家庭经济状况不符合本地法律援助经济困难标准" : e.outcome === "not-yet-eligible" ? "你所申请的事项尚未到可以申请法律援助的阶段" : "你所申请的事项不属于法律援助的范围")
      set("refusal.basis", citeZh([...e.citations, decisionArticle(dayOf(anchor))]))
      break
    }
    case "MaterialsRequested": {
      const names = anchor.missing.map((m) => (m in materialNames ? materialNames[m as Material].zh : m))
      set("materials.list", names.map((n, i) => `${i + 1}. ${n}；`))
      const clock = anchor.clocks.find((k) => k.action === "start" && k.kind === "materials-supply")
      f.set("materials.due", clock !== undefined && clock.action === "start" ? `于${dateZh(clock.dueOn)}前` : "")
      break
    }
    case "LawyerAssigned":
    case "LawyerReassigned": {
      const lawyer = ctx.lawyer?.(anchor.lawyerId)
      set("lawyer.name", lawyer?.name)
      set("lawyer.phone", lawyer?.phone)
      set("firm.name", ctx.firm?.(anchor.firmId)?.name)
      set("lawyer.role", c.kind === "criminal-defence" ? "辩护人" : "诉讼代理人")
      f.set("letter.notice", c.origin === "notification" ? "根据你单位的通知，" : "")
      if (anchor.type === "LawyerReassigned") {
        set("replacement.date", dateZh(dayOf(anchor)))
        set("replacement.reason", reassignZh[anchor.reason])
      }
      break
    }
    case "AidTerminated":
      set("termination.reason", Citation.describe(anchor.ground)?.summaryZh ?? anchor.ground)
      set("termination.basis", Citation.articleZh(anchor.ground))
      break
    case "CaseConcluded": {
      const lawyer = c.lawyer === undefined ? undefined : ctx.lawyer?.(c.lawyer.lawyerId)
      set("lawyer.name", lawyer?.name)
      set("firm.name", c.lawyer === undefined ? undefined : ctx.firm?.(c.lawyer.firmId)?.name)
      set("assignment.date", c.lawyer === undefined ? undefined : dateZh(c.lawyer.since))
      set("closing.ended", c.endedOn === undefined ? undefined : dateZh(c.endedOn))
      set("closing.outcome", c.outcome === undefined ? undefined : outcomeZh[c.outcome])
      set("closing.filed", dateZh(dayOf(anchor)))
      break
    }
    default:
      break
  }
  return f
}
