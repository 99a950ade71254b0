/**
 * The service's API as data (`effect/http-api`): every route, the Schema of its body (the same
 * Schemas the library decodes with), its responses, and the bearer security — from which the
 * OpenAPI 3.1 document is derived (`GET /openapi.json`). The handlers are in `handlers.ts`.
 *
 * @since 0.2.0
 */
import { Context, Schema } from "effect"
import { HttpApi, HttpApiEndpoint, HttpApiError, HttpApiGroup, HttpApiMiddleware, HttpApiSchema, HttpApiSecurity, OpenApi } from "effect/http-api"
import { Budget } from "../../src/budget/Budget.ts"
import { LedgerEntry } from "../../src/budget/Ledger.ts"
import { documentKinds } from "../../src/documents/Document.ts"
import { Application } from "../../src/eligibility/Application.ts"
import { Scheme } from "../../src/evaluation/Scheme.ts"
import { type Actor, Apply, Command } from "../../src/lifecycle/Command.ts"
import { RosterInput } from "../../src/roster/Roster.ts"
import { Claim } from "../../src/subsidy/Claim.ts"
import { docxType, xlsxType } from "./answers.ts"
import { problemBase, ProblemSchema } from "./problem.ts"
import {
  AssignedResponse,
  CaseResponse,
  DecisionResponse,
  DocumentResponse,
  DueItemResponse,
  EvaluationResponse,
  IssuedResponse,
  LedgerTotalsResponse,
  RecordOutcomeResponse,
  ReplannedResponse,
  RosterResponse,
  SubsidyResponse
} from "./responses.ts"

/** The actor a verified token names, for the handlers. */
export class CurrentActor extends Context.Service<CurrentActor, Actor>()("fayuan/http/CurrentActor") {}

/** The 401 a request without a valid token gets. */
export class Unauthenticated extends HttpApiError.Problem<Unauthenticated>()(
  "InvalidToken",
  { type: `${problemBase}InvalidToken`, status: 401, title: "InvalidToken" },
  { detail: Schema.String, errors: Schema.optionalKey(Schema.Array(Schema.Struct({ path: Schema.String, reason: Schema.String }))) }
) {}

/** Bearer authentication: a JWT the host signed, naming the actor (`sub`, `role`, `region`). */
export class Authorization extends HttpApiMiddleware.Service<Authorization, { provides: CurrentActor }>()("fayuan/http/Authorization", {
  error: Unauthenticated,
  security: { bearer: HttpApiSecurity.bearer.pipe(HttpApiSecurity.annotate(OpenApi.Description, "A JWT signed by the host: `sub` the actor's id, `role`, `region` (GB/T 2260).")) }
}) {}

/** The problem schema at a status: one `Problem` component, sent as `application/problem+json`. */
const ProblemJson = ProblemSchema.pipe(HttpApiSchema.asJson({ contentType: "application/problem+json" }))
const problem = (status: number) => ProblemJson.pipe(HttpApiSchema.status(status))

/** The problems every authenticated route may answer with. */
const common = [problem(400), problem(413), problem(422), problem(503)] as const
const notFound = problem(404)
const forbidden = problem(403)
const conflict = problem(409)


const CaseId = { caseId: Schema.String.annotate({ description: "The case's id" }) }
const IfMatch = { "if-match": Schema.optionalKey(Schema.String.annotate({ description: "The version the caller last saw (`\"3\"` or `3`): the command is refused with 412 if the case has moved on" })) }

const { type: _type, region: _region, eligibility: _eligibility, ...applyFields } = Apply.fields

/** Opening a case: the `apply` command's fields, and the application to decide on if the host has it. */
export const OpenCase = Schema.Struct({
  ...applyFields,
  application: Schema.optionalKey(Application)
}).annotate({
  identifier: "OpenCase",
  description: "Opens a case (the `apply` command; the region is the actor's). With `application` (of the actor's region and the case's kind), eligibility is decided on it and the decision's summary recorded."
})

/** The lawyers a case may go to (their profiles: the counts come from the store). */
export const AssignBody = Schema.Struct({
  lawyers: Schema.Array(Schema.Unknown.annotate({ description: "A lawyer profile (`fayuan/assignment` `LawyerProfile`)" })),
  reason: Schema.optionalKey(Schema.String)
}).annotate({ identifier: "AssignBody" })

/** A re-plan: who is absent from when (and until when). */
export const ReplanBody = Schema.Struct({
  lawyerId: Schema.String,
  from: Schema.String,
  to: Schema.optionalKey(Schema.String),
  today: Schema.String
}).annotate({ identifier: "ReplanBody" })

/** A year to evaluate, and optionally the scheme (an id of a built-in one) and the budget. */
export const EvaluateBody = Schema.Struct({
  year: Schema.Int,
  scheme: Schema.optionalKey(Schema.Union([Schema.String, Scheme])),
  budgetId: Schema.optionalKey(Schema.String),
  regionName: Schema.optionalKey(Schema.Struct({ zh: Schema.String, en: Schema.String })),
  projectName: Schema.optionalKey(Schema.Struct({ zh: Schema.String, en: Schema.String })),
  lang: Schema.optionalKey(Schema.Literals(["zh", "en"])),
  judgements: Schema.optionalKey(Schema.Unknown.annotate({ description: "The scheme's judged indicators, by indicator id (`fayuan/evaluation` `Judgements`)" }))
}).annotate({ identifier: "EvaluateBody" })

const Eligibility = HttpApiGroup.make("eligibility")
  .add(
    HttpApiEndpoint.post("decide", "/eligibility/decisions", {
      payload: Application,
      success: DecisionResponse,
      error: [...common]
    }).annotate(OpenApi.Summary, "Decide eligibility under the rules in force on the application's date")
  )
  .middleware(Authorization)

const Cases = HttpApiGroup.make("cases")
  .add(
    HttpApiEndpoint.post("open", "/cases", {
      payload: OpenCase,
      success: CaseResponse.pipe(HttpApiSchema.status(201)),
      error: [...common, forbidden, problem(409)]
    }).annotate(OpenApi.Summary, "Apply: open a case"),
    HttpApiEndpoint.get("load", "/cases/:caseId", {
      params: CaseId,
      success: CaseResponse,
      error: [...common, notFound]
    }).annotate(OpenApi.Summary, "Load a case with its clocks"),
    HttpApiEndpoint.post("execute", "/cases/:caseId/commands", {
      params: CaseId,
      headers: IfMatch,
      payload: Command,
      success: CaseResponse,
      error: [...common, forbidden, notFound, conflict, problem(412)]
    }).annotate(OpenApi.Summary, "Execute a command on a case, at the version the caller saw"),
    HttpApiEndpoint.get("due", "/due", {
      query: {
        on: Schema.String.annotate({ description: "The day (YYYY-MM-DD)" }),
        within: Schema.optionalKey(Schema.String.annotate({ description: "Also what falls due within this many days" }))
      },
      success: Schema.Array(DueItemResponse),
      error: [...common]
    }).annotate(OpenApi.Summary, "List what is due in the actor's region")
  )
  .middleware(Authorization)

const Assignment = HttpApiGroup.make("assignment")
  .add(
    HttpApiEndpoint.post("assign", "/cases/:caseId/assignment", {
      params: CaseId,
      headers: IfMatch,
      payload: AssignBody,
      success: AssignedResponse,
      error: [...common, forbidden, notFound, conflict, problem(412)]
    }).annotate(OpenApi.Summary, "Assign a case by rotation among the lawyers given (or re-assign it with `reason`)")
  )
  .middleware(Authorization)

const Rosters = HttpApiGroup.make("rosters")
  .add(
    HttpApiEndpoint.put("solve", "/rosters/:rosterId", {
      params: { rosterId: Schema.String },
      payload: RosterInput,
      success: RosterResponse,
      error: [...common, forbidden]
    }).annotate(OpenApi.Summary, "Solve a duty roster and store it under an id"),
    HttpApiEndpoint.get("get", "/rosters/:rosterId", {
      params: { rosterId: Schema.String },
      success: RosterResponse,
      error: [...common, notFound]
    }).annotate(OpenApi.Summary, "Fetch a stored roster"),
    HttpApiEndpoint.post("replan", "/rosters/:rosterId/replan", {
      params: { rosterId: Schema.String },
      payload: Schema.Struct({ input: RosterInput, absence: ReplanBody }),
      success: ReplannedResponse,
      error: [...common, forbidden, notFound]
    }).annotate(OpenApi.Summary, "Re-plan a stored roster around an absence")
  )
  .middleware(Authorization)

const Subsidies = HttpApiGroup.make("subsidies")
  .add(
    HttpApiEndpoint.post("calculate", "/subsidies/cases", {
      payload: Claim,
      success: SubsidyResponse,
      error: [...common, forbidden]
    }).annotate(OpenApi.Summary, "Calculate a case's subsidy under the standard in force")
  )
  .middleware(Authorization)

const Ledger = HttpApiGroup.make("ledger")
  .add(
    HttpApiEndpoint.put("putBudget", "/budgets/:budgetId", {
      params: { budgetId: Schema.String },
      payload: Budget,
      success: Budget,
      error: [...common, forbidden, conflict]
    }).annotate(OpenApi.Summary, "Store (or change) a budget"),
    HttpApiEndpoint.post("record", "/budgets/:budgetId/entries", {
      params: { budgetId: Schema.String },
      payload: Schema.Array(LedgerEntry),
      success: RecordOutcomeResponse,
      error: [...common, forbidden, notFound, conflict]
    }).annotate(OpenApi.Summary, "Record ledger entries (idempotent by key)"),
    HttpApiEndpoint.get("totals", "/budgets/:budgetId/totals", {
      params: { budgetId: Schema.String },
      query: { asOf: Schema.String.annotate({ description: "The day (YYYY-MM-DD)" }) },
      success: LedgerTotalsResponse,
      error: [...common, forbidden, notFound]
    }).annotate(OpenApi.Summary, "A budget's totals as of a day")
  )
  .middleware(Authorization)

const Evaluation = HttpApiGroup.make("evaluation")
  .add(
    HttpApiEndpoint.post("evaluate", "/evaluations", {
      payload: EvaluateBody,
      success: EvaluationResponse,
      error: [...common, forbidden, notFound]
    }).annotate(OpenApi.Summary, "Evaluate the actor's region for a year"),
    HttpApiEndpoint.post("report", "/reports/:format", {
      params: { format: Schema.String.annotate({ description: "`md`, `html`, `docx` (Word) or `xlsx` (the Excel self-evaluation table)" }) },
      payload: EvaluateBody,
      success: [
        Schema.String.pipe(HttpApiSchema.asText({ contentType: "text/markdown" })).annotate({ description: "`/reports/md`: the report in Markdown" }),
        Schema.String.pipe(HttpApiSchema.asText({ contentType: "text/html" })).annotate({ description: "`/reports/html`: a standalone page with SVG charts" }),
        Schema.Uint8Array.pipe(HttpApiSchema.asUint8Array({ contentType: docxType })).annotate({ description: "`/reports/docx`: the report as Word" }),
        Schema.Uint8Array.pipe(HttpApiSchema.asUint8Array({ contentType: xlsxType })).annotate({ description: "`/reports/xlsx`: the self-evaluation table (项目支出绩效自评表) as Excel" })
      ],
      error: [...common, forbidden, notFound, problem(501)]
    }).annotate(OpenApi.Summary, "Render the self-evaluation report")
  )
  .middleware(Authorization)

// Path and query parameters are declared as strings and checked by the handlers, so a bad one
// gets the same problem details as a bad body (the router's own check answers an empty 400).
const Documents = HttpApiGroup.make("documents")
  .add(
    HttpApiEndpoint.post("issue", "/cases/:caseId/documents/:kind", {
      params: { ...CaseId, kind: Schema.String.annotate({ description: `The document's kind: ${documentKinds.join(", ")}` }) },
      query: { format: Schema.optionalKey(Schema.String.annotate({ description: "`json` (the default), `html` or `docx`" })) },
      payload: Schema.Struct({
        centre: Schema.Struct({ name: Schema.String, shortName: Schema.optionalKey(Schema.String), phone: Schema.optionalKey(Schema.String) }),
        bureau: Schema.optionalKey(Schema.Struct({ name: Schema.String })),
        organ: Schema.optionalKey(Schema.Struct({ name: Schema.String })),
        caseTitle: Schema.optionalKey(Schema.String),
        objectionPeriod: Schema.optionalKey(Schema.String),
        lawyers: Schema.optionalKey(Schema.Record(Schema.String, Schema.Struct({ name: Schema.String, phone: Schema.optionalKey(Schema.String) }))),
        firms: Schema.optionalKey(Schema.Record(Schema.String, Schema.Struct({ name: Schema.String })))
      }).annotate({ identifier: "DocumentContext" }),
      success: [
        DocumentResponse.pipe(HttpApiSchema.status(201)),
        Schema.String.pipe(HttpApiSchema.asText({ contentType: "text/html" }), HttpApiSchema.status(201)).annotate({ description: "`?format=html`: an A4 page" }),
        Schema.Uint8Array.pipe(HttpApiSchema.asUint8Array({ contentType: docxType }), HttpApiSchema.status(201)).annotate({ description: "`?format=docx`: the document as Word" })
      ],
      error: [...common, forbidden, notFound, problem(501)]
    }).annotate(OpenApi.Summary, "Issue a document for a case (a notice, a letter, a decision)"),
    HttpApiEndpoint.get("fetch", "/cases/:caseId/documents/:kind", {
      params: { ...CaseId, kind: Schema.String.annotate({ description: `The document's kind: ${documentKinds.join(", ")}` }) },
      success: IssuedResponse,
      error: [...common, notFound]
    }).annotate(
      OpenApi.Summary,
      "The number issued for the case's current event (404 if none: a GET never takes a number; POST again for the document itself, with the same number)"
    ),
    HttpApiEndpoint.get("list", "/cases/:caseId/documents", {
      params: CaseId,
      success: Schema.Array(IssuedResponse),
      error: [...common, notFound]
    }).annotate(OpenApi.Summary, "The documents issued for a case")
  )
  .middleware(Authorization)

const Meta = HttpApiGroup.make("meta").add(
  HttpApiEndpoint.get("health", "/health", { success: Schema.Struct({ status: Schema.Literal("ok") }).annotate({ description: "While the service takes requests" }) })
)

/**
 * The fayuan HTTP API. `OpenApi.fromApi(FayuanApi)` is the document `GET /openapi.json` serves.
 *
 * @example
 * import { OpenApi } from "effect/http-api"
 * import { FayuanApi } from "fayuan/adapters/http"
 * const document = OpenApi.fromApi(FayuanApi)
 * document.openapi // "3.1.0"
 *
 * @category api
 */
export const FayuanApi = HttpApi.make("fayuan")
  .add(Eligibility)
  .add(Cases)
  .add(Assignment)
  .add(Rosters)
  .add(Subsidies)
  .add(Ledger)
  .add(Evaluation)
  .add(Documents)
  .add(Meta)
  .annotateMerge(
    OpenApi.annotations({
      title: "fayuan — legal aid centre API",
      version: "0.1.0",
      description:
        "The work of a Chinese legal aid centre over HTTP: eligibility with the articles it rests on, the case lifecycle and its statutory clocks, assignment, duty rosters, subsidies, the ledger, evaluation, the self-evaluation report and documents. Every request but `/health` and `/openapi.json` carries a bearer JWT the host signed; failures are RFC 9457 problem details."
    })
  )
