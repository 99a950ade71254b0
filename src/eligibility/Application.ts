/**
 * An application for legal aid (or a notification) as the eligibility rules see it: the legally
 * relevant date, the region, the facts about the applicant and the matter. It holds no names, ID
 * numbers or contact details — only the facts the law asks about.
 *
 * @since 0.1.0
 */
import { Result, Schema, SchemaIssue } from "effect"
import * as CalendarDate from "../CalendarDate.ts"
import * as Region from "../Region.ts"
import { claims, matterKinds, stages } from "../RuleSet.ts"
import { consistency } from "./consistency.ts"
import { formatPath, InvalidApplication } from "./InvalidApplication.ts"
import type { Issue } from "./InvalidApplication.ts"
import { disabilities, procedures, sentences, statuses } from "./vocabulary.ts"

export { formatPath, InvalidApplication } from "./InvalidApplication.ts"
export type { Issue } from "./InvalidApplication.ts"
export { disabilities, procedures, sentences, statuses } from "./vocabulary.ts"
export type { Disability, PossibleSentence, Procedure, Status } from "./vocabulary.ts"

const NonNegativeInt = Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(0)))
const PositiveInt = Schema.Int.pipe(Schema.check(Schema.isGreaterThanOrEqualTo(1), Schema.isLessThanOrEqualTo(1000)))

/**
 * The applicant's household, for the means test: members, the whole household's monthly income in
 * fen, and whether the urban or the rural standard applies.
 *
 * @category schemas
 */
export const Household = Schema.Struct({
  members: PositiveInt,
  monthlyIncomeFen: NonNegativeInt,
  area: Schema.Literals(["urban", "rural"])
})

/** @category models */
export type Household = typeof Household.Type

/**
 * The facts about the applicant (or the accused, in a notification).
 *
 * @category schemas
 */
export const Applicant = Schema.Struct({
  birthDate: Schema.optionalKey(CalendarDate.CalendarDate),
  disabilities: Schema.Array(Schema.Literals(disabilities)),
  statuses: Schema.Array(Schema.Literals(statuses)),
  /** Already has a defence lawyer or an agent. */
  hasLawyer: Schema.Boolean,
  household: Schema.optionalKey(Household)
})

/** @category models */
export type Applicant = typeof Applicant.Type

/**
 * The matter: its kind; for criminal matters the stage, possible sentence, trial in absentia and
 * procedure; for the others the claims.
 *
 * @category schemas
 */
export const Matter = Schema.Struct({
  kind: Schema.Literals(matterKinds),
  stage: Schema.optionalKey(Schema.Literals(stages)),
  possibleSentence: Schema.optionalKey(Schema.Literals(sentences)),
  inAbsentia: Schema.optionalKey(Schema.Boolean),
  procedure: Schema.optionalKey(Schema.Literals(procedures)),
  claims: Schema.Array(Schema.Literals(claims))
})

/** @category models */
export type Matter = typeof Matter.Type

/**
 * An application: the legally relevant date (the application's, or the notice's), which selects
 * the rules in force; the region (GB/T 2260) of the accepting institution; the applicant; the matter.
 *
 * @example
 * import { decodeApplication } from "fayuan/eligibility"
 * const app = decodeApplication({
 *   date: "2024-05-10", region: "530103",
 *   applicant: { birthDate: "2008-03-01", disabilities: [], statuses: [], hasLawyer: false },
 *   matter: { kind: "criminal-defence", stage: "investigation", claims: [] }
 * })
 *
 * @category schemas
 */
export const Application = Schema.Struct({
  date: CalendarDate.CalendarDate,
  region: Region.RegionCode,
  applicant: Applicant,
  matter: Matter
})

/** @category models */
export type Application = typeof Application.Type

const standard = SchemaIssue.makeFormatterStandardSchemaV1()

/**
 * Turns a Schema failure into issues with dotted paths.
 *
 * @category formatting
 */
export const issuesOf = (error: Schema.SchemaError, prefix = ""): ReadonlyArray<Issue> =>
  standard(error.issue).issues.map((i) => ({
    path: formatPath((i.path ?? []).map((p) => (typeof p === "object" && p !== null ? p.key : p)), prefix),
    reason: i.message
  }))

const decodeStruct = Schema.decodeUnknownResult(Application)
const parseOptions = { errors: "all", onExcessProperty: "error" } as const

/**
 * Decodes an application from unknown input (parsed JSON, a form post). Never throws: bad input
 * gives an `InvalidApplication` listing every bad field with its path and the reason. Unknown keys
 * are rejected, so a misspelt field is not silently ignored.
 *
 * @example
 * import { decodeApplication } from "fayuan/eligibility"
 * const r = decodeApplication({ date: "2024-13-01" })
 * // Result.fail(InvalidApplication { issues: [{ path: "date", ... }, { path: "region", reason: "Missing key" }, ...] })
 *
 * @category decoding
 */
export const decodeApplication = (input: unknown, prefix = ""): Result.Result<Application, InvalidApplication> => {
  const r = decodeStruct(input, parseOptions)
  if (Result.isFailure(r)) return Result.fail(new InvalidApplication({ issues: issuesOf(r.failure, prefix) }))
  const issues = consistency(r.success, prefix)
  return issues.length > 0 ? Result.fail(new InvalidApplication({ issues })) : Result.succeed(r.success)
}
