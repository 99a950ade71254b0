/**
 * The handlers of `FayuanApi`: each decodes its body with the library's own decoder (every bad
 * field named, unknown fields refused, values never echoed), calls the library with the actor the
 * token names, and answers with JSON (`ETag` the case's version where there is a case) or a
 * problem (RFC 9457).
 *
 * @since 0.2.0
 */
import { type Context, Effect, Layer, Redacted, Result } from "effect"
import { HttpServerRequest, HttpServerResponse } from "effect/http"
import { HttpApiBuilder } from "effect/http-api"
import { assignCase, reassignCase } from "../../src/assignment/workflow.ts"
import type { NoQualifiedLawyer } from "../../src/assignment/Outcome.ts"
import { decodeBudget } from "../../src/budget/Budget.ts"
import { decodeEntries } from "../../src/budget/Ledger.ts"
import { LedgerStore } from "../../src/budget/Store.ts"
import * as CalendarDate from "../../src/CalendarDate.ts"
import { type DocumentKind, documentKinds } from "../../src/documents/Document.ts"
import { anchorOf } from "../../src/documents/facts.ts"
import { documentKey, issueDocument } from "../../src/documents/issue.ts"
import { DocumentStore } from "../../src/documents/Store.ts"
import type { Template } from "../../src/documents/Template.ts"
import { decodeApplication } from "../../src/eligibility/Application.ts"
import { decide } from "../../src/eligibility/decide.ts"
import { decodeJudgements, decodeScheme, type Scheme } from "../../src/evaluation/Scheme.ts"
import * as schemes from "../../src/evaluation/schemes.ts"
import type { Actor, Command, Context as CommandContext } from "../../src/lifecycle/Command.ts"
import { decodeCommand, InvalidRequest } from "../../src/lifecycle/Command.ts"
import { CaseStore } from "../../src/lifecycle/Store.ts"
import { summarise } from "../../src/lifecycle/summary.ts"
import { chinaDate } from "../../src/lifecycle/time.ts"
import { specOf } from "../../src/lifecycle/machine.ts"
import { CommandRejected } from "../../src/lifecycle/transition.ts"
import { dueInScope, execute, load } from "../../src/lifecycle/workflow.ts"
import * as Region from "../../src/Region.ts"
import { selfEvaluation } from "../../src/report/selfEvaluation.ts"
import { renderHtml } from "../../src/report/html.ts"
import { renderMarkdown } from "../../src/report/markdown.ts"
import { decodeRosterInput } from "../../src/roster/Roster.ts"
import type { Role } from "../../src/lifecycle/vocabulary.ts"
import { replan } from "../../src/roster/replan.ts"
import { solve } from "../../src/roster/solve.ts"
import { RosterStore } from "../../src/roster/Store.ts"
import * as RuleBook from "../../src/RuleBook.ts"
import type { Catalogue } from "../../src/subsidy/Catalogue.ts"
import { calculateCase } from "../../src/subsidy/calculateCase.ts"
import { decodeClaim } from "../../src/subsidy/Claim.ts"
import * as tables from "../../src/subsidy/tables.ts"
import * as WorkCalendar from "../../src/WorkCalendar.ts"
import type { Opened } from "../kysely/open.ts"
import { Authorization, CurrentActor, FayuanApi } from "./api.ts"
import { InvalidToken, makeTokenCache, type TokenVerification, type TokenVerificationUnavailable, verifyActor } from "./auth.ts"
import { documentAnswer, etag, type Failure, jsonResponse, optional, problemResponse, docxType, xlsxType } from "./answers.ts"
import { issuerRoles, mayAct, rosterWithin, routeRoles, within } from "./access.ts"
import { bodyOf, defaultMaxBodyBytes, documentContextOf, encodeBudget, evaluateFields, fromResult, idParam, invalid, labelOf, openFields, profilesOf, reportFormats, versionOf, withDefaults, yearOf } from "./requests.ts"

/**
 * What the service runs with: how tokens are verified, and the rules and data it applies (each
 * with the library's default).
 *
 * @category models
 */
export interface ServiceOptions {
  readonly verification: TokenVerification
  /** The rule book eligibility and the lifecycle apply (the library's, by default). */
  readonly book?: RuleBook.RuleBook
  /** The working-day calendar the clocks count in (mainland China's, by default). */
  readonly calendar?: WorkCalendar.WorkCalendar
  /** Subsidy standards (the library's published examples, by default: override with your province's). */
  readonly catalogue?: Catalogue
  /** Evaluation schemes by id (the library's, by default); a request may also send a scheme whole. */
  readonly schemes?: ReadonlyMap<string, Scheme>
  /** Document templates (the national ones, by default). */
  readonly templates?: ReadonlyArray<Template>
  /** The clock (`new Date()` by default): when a command is recorded. */
  readonly now?: () => Date
  /** The largest request body read, in bytes (1 MiB by default); a larger one is a 413. */
  readonly maxBodyBytes?: number
  /**
   * What documents need that only the centre knows, in the shape of the document routes' body
   * (`{ centre: { name, shortName, phone }, bureau: { name }, lawyers: { id: { name } }, … }`): the
   * defaults a `POST` body adds to, and all a `GET` of an issued document has.
   */
  readonly documents?: Readonly<Record<string, unknown>>
  /** Who may use the routes beyond the lifecycle, by area (`routeRoles` by default, overridden key by key). */
  readonly routeRoles?: Partial<Record<keyof typeof routeRoles, ReadonlyArray<Role>>>
  /** Who issues each kind of document (`issuerRoles` by default, overridden kind by kind). */
  readonly issuerRoles?: Partial<Record<DocumentKind, ReadonlyArray<Role>>>
}

type Stores = Layer.Success<Opened["layer"]>

/**
 * Builds the group layers of `FayuanApi` over a store (the layer of an opened adapter) with the
 * service's options.
 *
 * @category layers
 */
export const handlersLayer = (options: ServiceOptions) => Layer.unwrap(Effect.map(Effect.context<Stores>(), (services) => groups(services, options)))

const noBearer = new InvalidToken({ reason: "no bearer token: send `Authorization: Bearer <token>`" })

const groups = (services: Context.Context<Stores>, options: ServiceOptions) => {
  const book = options.book ?? RuleBook.defaultRuleBook
  const calendar = options.calendar ?? WorkCalendar.china
  const catalogue = options.catalogue ?? tables.examples
  const schemeById = options.schemes ?? schemes.all
  const now = options.now ?? (() => new Date())
  const today = () => chinaDate(now().toISOString())!
  // The server remembers the tokens it verified, unless the host gave a cache of its own.
  const verification = { cache: makeTokenCache(), ...options.verification }
  // Who may do what: the service's defaults, as the host overrides them.
  const roles = { ...routeRoles, ...options.routeRoles }
  const issuers = { ...issuerRoles, ...options.issuerRoles }
  const readBody = (request: HttpServerRequest.HttpServerRequest) => bodyOf(request, options.maxBodyBytes ?? defaultMaxBodyBytes)
  const contextOf = (actor: Actor): CommandContext => ({ at: now().toISOString(), calendar, book, actor })

  /** Runs a handler: the actor, the stores, and every failure a problem. */
  const run = <R>(program: (actor: Actor) => Effect.Effect<HttpServerResponse.HttpServerResponse, Failure, R>) =>
    Effect.gen(function* () {
      const actor = yield* CurrentActor
      return yield* program(actor).pipe(
        Effect.catch((failure: Failure) => Effect.succeed(problemResponse(failure))),
        Effect.provideContext(services as Context.Context<R>)
      )
    })

  const caseAnswer = (c: { readonly version: number }, status = 200, headers: Record<string, string> = {}) => jsonResponse(c, status, { ...etag(c.version), ...headers })

  const AuthorizationLive = Layer.succeed(Authorization)({
    bearer: (effect, { credential }) =>
      Effect.gen(function* () {
        // The bearer token as effect's security decoding read it ("" when there is none).
        const token = Redacted.value(credential)
        const checked: Result.Result<Actor, InvalidToken | TokenVerificationUnavailable> =
          token === "" ? Result.fail(noBearer) : yield* Effect.promise(() => verifyActor(token, verification))
        // Answered here, as every other problem is (the declared `Unauthenticated` documents it).
        if (Result.isFailure(checked)) {
          return problemResponse(checked.failure, checked.failure._tag === "InvalidToken" ? { "www-authenticate": 'Bearer error="invalid_token"' } : {})
        }
        return yield* Effect.provideService(effect, CurrentActor, checked.success)
      })
  })

  const EligibilityLive = HttpApiBuilder.group(FayuanApi, "eligibility", (handlers) =>
    handlers.handleRaw("decide", ({ request }) =>
      run(() =>
        Effect.gen(function* () {
          const application = yield* fromResult(decodeApplication(yield* readBody(request)))
          const decision = yield* fromResult(decide(application, { book }))
          return jsonResponse(decision)
        })
      )
    )
  )

  const CasesLive = HttpApiBuilder.group(FayuanApi, "cases", (handlers) =>
    handlers
      .handleRaw("open", ({ request }) =>
        run((actor) =>
          Effect.gen(function* () {
            const body = yield* readBody(request)
            if (typeof body !== "object" || body === null || Array.isArray(body)) return yield* Effect.fail(invalid("", "expected { caseId, kind, channel, application? }"))
            const { application, ...fields } = body as Record<string, unknown>
            // Only the fields of an application; `type`, `region` and `eligibility` are the service's.
            const stray = Object.keys(fields).filter((k) => !openFields.has(k))
            if (stray.length > 0) return yield* Effect.fail(new InvalidRequest({ issues: stray.map((k) => ({ path: k, reason: "is not a field of an application to open (the service sets type, region and eligibility)" })) }))
            let eligibility: ReturnType<typeof summarise> | undefined
            if (application !== undefined) {
              const app = yield* fromResult(decodeApplication(application, "application"))
              const issues = [
                ...(app.region === actor.region ? [] : [{ path: "application.region", reason: "is not the region of the case (the actor's)" }]),
                ...(app.matter.kind === fields["kind"] ? [] : [{ path: "application.matter.kind", reason: "is not the case's kind" }])
              ]
              if (issues.length > 0) return yield* Effect.fail(new InvalidRequest({ issues }))
              eligibility = summarise(yield* fromResult(decide(app, { book })))
            }
            const command = { ...fields, type: "apply", region: actor.region, ...(eligibility === undefined ? {} : { eligibility }) }
            const decoded = yield* fromResult(decodeCommand(command))
            const done = yield* execute(String(fields["caseId"]), decoded, contextOf(actor))
            return caseAnswer(done.case, 201, { location: `/cases/${encodeURIComponent(done.case.id)}` })
          })
        )
      )
      .handleRaw("load", ({ params }) => run((actor) => Effect.map(load(actor.region, params.caseId), (c) => caseAnswer(c))))
      .handleRaw("execute", ({ params, request }) =>
        run((actor) =>
          Effect.gen(function* () {
            const expectedVersion = yield* fromResult(versionOf(request.headers["if-match"]))
            const command = yield* fromResult(decodeCommand(yield* readBody(request)))
            const done = yield* execute(params.caseId, command as Command, contextOf(actor), expectedVersion === undefined ? {} : { expectedVersion }).pipe(
              // Without If-Match the caller set no precondition: another writer got there first (409).
              Effect.mapError((f): Failure => (expectedVersion === undefined && f._tag === "VersionConflict" ? { _tag: "ConcurrentChange", message: "the case changed while the command ran: load it and try again" } : f))
            )
            return caseAnswer(done.case)
          })
        )
      )
      .handleRaw("due", ({ request }) =>
        run((actor) =>
          Effect.gen(function* () {
            const url = new URL(request.url, "http://localhost")
            const on = CalendarDate.parse(url.searchParams.get("on"))
            if (Result.isFailure(on)) return yield* Effect.fail(invalid("on", "expected a calendar date YYYY-MM-DD"))
            const w = url.searchParams.get("within")
            const within = w === null ? undefined : /^\d{1,4}$/.test(w) ? Number(w) : -1
            if (within === -1) return yield* Effect.fail(invalid("within", "expected a whole number of days"))
            return jsonResponse(yield* dueInScope(actor.region, on.success, within === undefined ? {} : { within }))
          })
        )
      )
  )

  const AssignmentLive = HttpApiBuilder.group(FayuanApi, "assignment", (handlers) =>
    handlers.handleRaw("assign", ({ params, request }) =>
      run((actor) =>
        Effect.gen(function* () {
          const expected = yield* fromResult(versionOf(request.headers["if-match"]))
          const body = yield* fromResult(profilesOf(yield* readBody(request)))
          // Who may, before any lawyer is weighed: the library's own roles for the command.
          const command = body.reason === undefined ? "assign" : "reassign"
          const roles = specOf(command).roles
          if (!roles.includes(actor.role)) return yield* Effect.fail(new CommandRejected({ command, reason: "wrong-role", detail: `${command} is for ${roles.join(", ")}` }))
          const ctx = contextOf(actor)
          const at = expected === undefined ? {} : { expectedVersion: expected }
          const done = yield* (body.reason === undefined ? assignCase(params.caseId, body.lawyers, ctx, at) : reassignCase(params.caseId, body.lawyers, body.reason, ctx, at)).pipe(
            Effect.mapError((f): Failure =>
              expected === undefined && f._tag === "VersionConflict"
                ? { _tag: "ConcurrentChange", message: "the case changed while the assignment was made: load it and try again" }
                : f._tag === "NoQualifiedLawyer"
                ? {
                    _tag: "NoQualifiedLawyer",
                    message: `no lawyer given may take the case: ${(f as NoQualifiedLawyer).explanation.join("; ")}`,
                    issues: (f as NoQualifiedLawyer).excluded.map((e) => ({ path: `lawyers.${e.lawyerId}`, reason: `${e.rule}: ${e.reason}` }))
                  }
                : f
            )
          )
          return jsonResponse({ case: done.case, assignment: done.assignment }, 200, etag(done.case.version))
        })
      )
    )
  )

  const RostersLive = HttpApiBuilder.group(FayuanApi, "rosters", (handlers) =>
    handlers
      .handleRaw("solve", ({ params, request }) =>
        run((actor) =>
          Effect.gen(function* () {
            yield* mayAct(actor, roles.rosters, "plan duty rosters")
            yield* idParam(params.rosterId, "rosterId")
            const input = yield* fromResult(decodeRosterInput(yield* readBody(request)))
            yield* rosterWithin(actor, input)
            const roster = solve(input, { calendar })
            yield* (yield* RosterStore).put(actor.region, params.rosterId, roster)
            return jsonResponse(roster)
          })
        )
      )
      .handleRaw("get", ({ params }) => run((actor) =>
          Effect.gen(function* () {
            return jsonResponse(yield* (yield* RosterStore).get(actor.region, params.rosterId))
          })
        )
      )
      .handleRaw("replan", ({ params, request }) =>
        run((actor) =>
          Effect.gen(function* () {
            yield* mayAct(actor, roles.rosters, "re-plan duty rosters")
            const body = (yield* readBody(request)) as { input?: unknown; absence?: unknown } | null
            if (typeof body !== "object" || body === null || Array.isArray(body)) return yield* Effect.fail(invalid("", "expected { input, absence }"))
            const stray = [
              ...Object.keys(body).filter((k) => k !== "input" && k !== "absence"),
              ...(typeof body.absence === "object" && body.absence !== null ? Object.keys(body.absence).filter((k) => !["lawyerId", "from", "to", "today"].includes(k)).map((k) => `absence.${k}`) : [])
            ]
            if (stray.length > 0) return yield* Effect.fail(new InvalidRequest({ issues: stray.map((k) => ({ path: k, reason: "is not a field of a re-plan" })) }))
            const input = yield* fromResult(decodeRosterInput(body.input))
            yield* rosterWithin(actor, input, "input.")
            const a = (body.absence ?? {}) as { lawyerId?: unknown; from?: unknown; to?: unknown; today?: unknown }
            const from = CalendarDate.parse(a.from)
            const day = CalendarDate.parse(a.today)
            const to = a.to === undefined ? undefined : CalendarDate.parse(a.to)
            const issues = [
              ...(typeof a.lawyerId === "string" && a.lawyerId !== "" ? [] : [{ path: "absence.lawyerId", reason: "expected a lawyer's id" }]),
              ...(Result.isFailure(from) ? [{ path: "absence.from", reason: "expected a calendar date YYYY-MM-DD" }] : []),
              ...(to !== undefined && Result.isFailure(to) ? [{ path: "absence.to", reason: "expected a calendar date YYYY-MM-DD" }] : []),
              ...(Result.isFailure(day) ? [{ path: "absence.today", reason: "expected a calendar date YYYY-MM-DD" }] : [])
            ]
            if (issues.length > 0 || Result.isFailure(from) || Result.isFailure(day)) return yield* Effect.fail(new InvalidRequest({ issues }))
            if (to !== undefined && Result.isSuccess(to) && to.success < from.success) return yield* Effect.fail(invalid("absence.to", "is before absence.from"))
            const store = yield* RosterStore
            const roster = yield* store.get(actor.region, params.rosterId)
            // The input must be the one the roster was made from: the same period.
            if (input.period.from !== roster.period.from || input.period.to !== roster.period.to) return yield* Effect.fail(invalid("input.period", "is not the stored roster's period"))
            const absence = { lawyerId: a.lawyerId as string, from: from.success, ...(to !== undefined && Result.isSuccess(to) ? { to: to.success } : {}) }
            const next = replan(input, roster, absence, day.success, { calendar })
            yield* store.put(actor.region, params.rosterId, next.roster)
            return jsonResponse({ roster: next.roster, changes: next.changes })
          })
        )
      )
  )

  const SubsidiesLive = HttpApiBuilder.group(FayuanApi, "subsidies", (handlers) =>
    handlers.handleRaw("calculate", ({ request }) =>
      run((actor) =>
        Effect.gen(function* () {
          yield* mayAct(actor, roles.subsidies, "calculate subsidies")
          const claim = yield* fromResult(decodeClaim(yield* readBody(request)))
          yield* within(actor, claim.region, "region")
          return jsonResponse(yield* fromResult(calculateCase(catalogue, claim)))
        })
      )
    )
  )

  const LedgerLive = HttpApiBuilder.group(FayuanApi, "ledger", (handlers) =>
    handlers
      .handleRaw("putBudget", ({ params, request }) =>
        run((actor) =>
          Effect.gen(function* () {
            yield* mayAct(actor, roles.budgets, "set budgets")
            yield* idParam(params.budgetId, "budgetId")
            const budget = yield* fromResult(decodeBudget(yield* readBody(request)))
            if (budget.id !== params.budgetId) return yield* Effect.fail(invalid("id", "is not the budget id of the URL"))
            yield* within(actor, budget.region, "region")
            yield* (yield* LedgerStore).putBudget(budget)
            // As it was sent: shares as decimal strings, amounts in fen.
            return jsonResponse(encodeBudget(budget))
          })
        )
      )
      .handleRaw("record", ({ params, request }) =>
        run((actor) =>
          Effect.gen(function* () {
            yield* mayAct(actor, roles.entries, "record ledger entries")
            const entries = yield* fromResult(decodeEntries(yield* readBody(request)))
            const wrong = entries.findIndex((e) => e.budgetId !== params.budgetId)
            if (wrong >= 0) return yield* Effect.fail(invalid(`[${wrong}].budgetId`, "is not the budget id of the URL"))
            const ledger = yield* LedgerStore
            yield* ledger.getBudget(actor.region, params.budgetId)
            return jsonResponse(yield* ledger.append(entries))
          })
        )
      )
      .handleRaw("totals", ({ params, request }) =>
        run((actor) =>
          Effect.gen(function* () {
            yield* mayAct(actor, roles.totals, "read the ledger")
            const asOf = CalendarDate.parse(new URL(request.url, "http://localhost").searchParams.get("asOf"))
            if (Result.isFailure(asOf)) return yield* Effect.fail(invalid("asOf", "expected a calendar date YYYY-MM-DD"))
            return jsonResponse(yield* (yield* LedgerStore).totals(actor.region, params.budgetId, asOf.success))
          })
        )
      )
  )

  /** The self-evaluation of the actor's region for the body's year. */
  const evaluationOf = (actor: Actor, body: unknown) =>
    Effect.gen(function* () {
      if (typeof body !== "object" || body === null || Array.isArray(body)) return yield* Effect.fail(invalid("", "expected { year, scheme?, budgetId?, … }"))
      const b = body as Record<string, unknown>
      const extra = Object.keys(b).filter((k) => !evaluateFields.has(k))
      if (extra.length > 0) return yield* Effect.fail(new InvalidRequest({ issues: extra.map((k) => ({ path: k, reason: "is not a field of an evaluation request" })) }))
      const year = yield* fromResult(yearOf(b))
      let scheme: Scheme
      if (b["scheme"] === undefined || typeof b["scheme"] === "string") {
        const id = (b["scheme"] as string | undefined) ?? "default"
        const found = schemeById.get(id) ?? (id === "default" ? schemes.defaultScheme : undefined)
        if (found === undefined) return yield* Effect.fail(invalid("scheme", `names no scheme (known: ${[...schemeById.keys()].join(", ")})`))
        scheme = found
      } else scheme = yield* fromResult(decodeScheme(b["scheme"]))
      const judgements = b["judgements"] === undefined ? undefined : yield* fromResult(decodeJudgements(scheme, b["judgements"]))
      if (b["budgetId"] !== undefined && typeof b["budgetId"] !== "string") return yield* Effect.fail(invalid("budgetId", "expected a budget id"))
      const regionName = (yield* fromResult(labelOf(b["regionName"], "regionName"))) ?? {
        zh: Region.name(actor.region, "zh") ?? actor.region,
        en: Region.name(actor.region, "en") ?? actor.region
      }
      const projectName = (yield* fromResult(labelOf(b["projectName"], "projectName"))) ?? { zh: "法律援助", en: "Legal aid" }
      const lang = b["lang"] === "en" ? "en" : "zh"
      const evaluated = yield* selfEvaluation({
        scope: actor.region,
        year,
        scheme,
        regionName,
        projectName,
        generatedOn: today(),
        ...(typeof b["budgetId"] === "string" ? { budgetId: b["budgetId"] } : {}),
        ...(judgements === undefined ? {} : { judgements })
      })
      return { evaluated, lang } as const
    })

  const EvaluationLive = HttpApiBuilder.group(FayuanApi, "evaluation", (handlers) =>
    handlers
      .handleRaw("evaluate", ({ request }) =>
        run((actor) =>
          Effect.gen(function* () {
            yield* mayAct(actor, roles.evaluation, "evaluate")
            const { evaluated } = yield* evaluationOf(actor, yield* readBody(request))
            return jsonResponse({ measures: evaluated.measures, evaluation: evaluated.evaluation, execution: evaluated.execution })
          })
        )
      )
      .handleRaw("report", ({ params, request }) =>
        run((actor) =>
          Effect.gen(function* () {
            yield* mayAct(actor, roles.evaluation, "render reports")
            if (!reportFormats.includes(params.format)) return yield* Effect.fail<Failure>({ _tag: "NotFound", message: "no such report format: md, html, docx or xlsx" })
            const { evaluated, lang } = yield* evaluationOf(actor, yield* readBody(request))
            const input = evaluated.report
            const name = `self-evaluation-${input.year}`
            switch (params.format) {
              default:
                return yield* Effect.fail<Failure>({ _tag: "NotFound", message: "no such report format: md, html, docx or xlsx" })
              case "md":
                return HttpServerResponse.text(renderMarkdown(input, { lang }), { contentType: "text/markdown; charset=utf-8" })
              case "html":
                return HttpServerResponse.text(renderHtml(input, { lang }), { contentType: "text/html; charset=utf-8" })
              case "docx": {
                const bytes = yield* optional(() => import("../../src/report/docx-entry.ts").then((m) => m.renderDocx(input, { lang })), "docx")
                return HttpServerResponse.uint8Array(bytes, { contentType: docxType, headers: { "content-disposition": `attachment; filename="${name}.docx"` } })
              }
              case "xlsx": {
                const bytes = yield* optional(() => import("../../src/report/xlsx-entry.ts").then((m) => m.renderSelfEvaluationXlsx(input)), "exceljs")
                return HttpServerResponse.uint8Array(bytes, { contentType: xlsxType, headers: { "content-disposition": `attachment; filename="${name}.xlsx"` } })
              }
            }
          })
        )
      )
  )

  const DocumentsLive = HttpApiBuilder.group(FayuanApi, "documents", (handlers) =>
    handlers
      .handleRaw("issue", ({ params, request }) =>
        run((actor) =>
          Effect.gen(function* () {
            if (!(documentKinds as ReadonlyArray<string>).includes(params.kind)) return yield* Effect.fail(invalid("kind", `expected one of ${documentKinds.join(", ")}`))
            yield* mayAct(actor, issuers[params.kind as DocumentKind], `issue a ${params.kind}`)
            const format = new URL(request.url, "http://localhost").searchParams.get("format") ?? "json"
            if (format !== "json" && format !== "html" && format !== "docx") return yield* Effect.fail(invalid("format", "expected json, html or docx"))
            const given = yield* readBody(request)
            // The centre and the bureau the service is configured with are its own: a body may not name others.
            const owned = ["centre", "bureau"].filter((k) => options.documents?.[k] !== undefined && typeof given === "object" && given !== null && k in given)
            if (owned.length > 0) return yield* Effect.fail(new InvalidRequest({ issues: owned.map((k) => ({ path: k, reason: "is set by the service (ServiceOptions.documents)" })) }))
            const context = yield* fromResult(documentContextOf(withDefaults(options.documents, given)))
            const document = yield* issueDocument(params.kind as DocumentKind, actor.region, params.caseId, context, options.templates === undefined ? {} : { templates: options.templates }).pipe(
              // A fact of the centre or bureau the service owns is the service's to supply, not the caller's.
              Effect.mapError((f): Failure => {
                const root = f._tag === "MissingFact" ? (f as { readonly fact: string }).fact.split(".")[0]! : ""
                return (root === "centre" || root === "bureau") && options.documents?.[root] !== undefined
                  ? { _tag: "DocumentConfiguration", message: `the service's document configuration lacks ${(f as { readonly fact: string }).fact} (ServiceOptions.documents, --documents)` }
                  : f
              })
            )
            return yield* documentAnswer(document, format, 201)
          })
        )
      )
      .handleRaw("fetch", ({ params }) =>
        run((actor) =>
          Effect.gen(function* () {
            yield* mayAct(actor, roles.documents, "read documents")
            if (!(documentKinds as ReadonlyArray<string>).includes(params.kind)) return yield* Effect.fail(invalid("kind", `expected one of ${documentKinds.join(", ")}`))
            const kind = params.kind as DocumentKind
            // The number issued for the case's current event, if any: a GET never takes one, and
            // never renders (what a document says is what the POST that issued it was given).
            const events = yield* (yield* CaseStore).load(actor.region, params.caseId)
            const anchor = anchorOf(kind, events)
            const issued = yield* (yield* DocumentStore).list(actor.region, params.caseId)
            const found = anchor === undefined ? undefined : issued.find((d) => d.key === documentKey(params.caseId, kind, anchor))
            if (found === undefined) return yield* Effect.fail<Failure>({ _tag: "DocumentNotIssued", message: `no ${kind} has been issued for the case's current event: issue it with POST` })
            return jsonResponse({ kind: found.kind, year: found.year, n: found.n, issuedOn: found.issuedOn })
          })
        )
      )
      .handleRaw("list", ({ params }) =>
        run((actor) =>
          Effect.gen(function* () {
            yield* load(actor.region, params.caseId)
            const issued = yield* (yield* DocumentStore).list(actor.region, params.caseId)
            return jsonResponse(issued.map((d) => ({ kind: d.kind, year: d.year, n: d.n, issuedOn: d.issuedOn })))
          })
        )
      )
  )

  const MetaLive = HttpApiBuilder.group(FayuanApi, "meta", (handlers) => handlers.handleRaw("health", () => Effect.succeed(jsonResponse({ status: "ok" }))))

  return Layer.mergeAll(EligibilityLive, CasesLive, AssignmentLive, RostersLive, SubsidiesLive, LedgerLive, EvaluationLive, DocumentsLive, MetaLive).pipe(
    Layer.provide(AuthorizationLive)
  )
}

export type { Stores }
