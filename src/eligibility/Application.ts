/**
 * An application for legal aid (or a notification) as the eligibility rules see it: the legally
 * relevant date, the region, the facts about the applicant and the matter. It holds no names, ID
 * numbers or contact details — only the facts the law asks about.
 *
 * @since 0.1.0
 */
import { Data, Result, Schema, SchemaIssue } from "effect"
import * as CalendarDate from "../CalendarDate.ts"
import * as Region from "../Region.ts"
import { claims, matterKinds, stages } from "../RuleSet.ts"

/**
 * Disabilities the rules distinguish. `visual`, `hearing` and `speech` are the Law's disabilities of
 * any degree (视力、听力、言语残疾, `LAL-25-1-2`); `blind`, `deaf` and `mute` are their total form, the
 * 盲、聋、哑 that the Criminal Procedure Law and the 2003 Regulation name (`CPL-35-2`, `LAR-12-2`).
 * Record the total form when it is known: before 2022 a visual disability of unstated degree leaves
 * the ground open. `mental` means the person cannot fully recognise their own conduct.
 *
 * @category vocabulary
 */
export const disabilities = ["visual", "hearing", "speech", "blind", "deaf", "mute", "mental", "intellectual", "physical"] as const

/** @category vocabulary */
export type Disability = (typeof disabilities)[number]

/**
 * Documented statuses of the applicant.
 *
 * @category vocabulary
 */
export const statuses = [
  "migrant-worker",
  "social-assistance",
  "judicial-assistance",
  "entitled-group",
  "no-fixed-income",
  "low-income",
  "detained"
] as const

/** @category vocabulary */
export type Status = (typeof statuses)[number]

/**
 * Possible sentences in a criminal matter.
 *
 * @category vocabulary
 */
export const sentences = ["fixed-term", "life", "death"] as const

/** @category vocabulary */
export type PossibleSentence = (typeof sentences)[number]

/**
 * Criminal trial procedures (`ordinary` lets the court notify at its discretion, `LAL-25-2`).
 *
 * @category vocabulary
 */
export const procedures = ["ordinary", "summary", "fast-track"] as const

/** @category vocabulary */
export type Procedure = (typeof procedures)[number]

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

/**
 * One problem with the input: where (`applicant.household.members`) and why.
 *
 * @category errors
 */
export interface Issue {
  readonly path: string
  readonly reason: string
}

/**
 * The input is not a valid application. `issues` lists every bad field, not just the first.
 * Messages never repeat the input's values.
 *
 * @category errors
 */
export class InvalidApplication extends Data.TaggedError("InvalidApplication")<{
  readonly issues: ReadonlyArray<Issue>
}> {
  override get message(): string {
    return `invalid application: ${this.issues.map((i) => `${i.path || "(root)"}: ${i.reason}`).join("; ")}`
  }
}

/**
 * Renders a Schema path as `a.b[2].c`.
 *
 * @category formatting
 */
export const formatPath = (path: ReadonlyArray<PropertyKey>, prefix = ""): string => {
  let out = prefix
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`
    else out += out === "" ? String(key) : `.${String(key)}`
  }
  return out
}

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

const criminalKinds: ReadonlySet<string> = new Set([
  "criminal-defence",
  "criminal-victim",
  "private-prosecution",
  "incidental-civil",
  "compulsory-treatment"
])

/** Checks across fields that a schema alone does not express. */
const consistency = (app: Application, prefix: string): ReadonlyArray<Issue> => {
  const issues: Array<Issue> = []
  const at = (p: string) => (prefix === "" ? p : `${prefix}.${p}`)
  const { applicant, matter } = app
  if (applicant.birthDate !== undefined && applicant.birthDate > app.date) {
    issues.push({ path: at("applicant.birthDate"), reason: "is after the application date" })
  }
  if (!Region.existedOn(app.region, app.date)) {
    issues.push({ path: at("region"), reason: `names no division in force on ${app.date} (GB/T 2260)` })
  }
  if (!criminalKinds.has(matter.kind)) {
    for (const key of ["stage", "possibleSentence", "inAbsentia", "procedure"] as const) {
      if (matter[key] !== undefined) issues.push({ path: at(`matter.${key}`), reason: `applies only to criminal matters, not ${matter.kind}` })
    }
  } else if (matter.kind !== "incidental-civil" && matter.claims.length > 0) {
    issues.push({ path: at("matter.claims"), reason: `claims apply to civil, administrative, arbitration and non-litigation matters, not ${matter.kind}` })
  }
  if (matter.stage === "filing" && matter.kind !== "private-prosecution" && matter.kind !== "incidental-civil") {
    issues.push({ path: at("matter.stage"), reason: "filing (before the court accepts a private prosecution) applies only to private prosecutions and incidental civil actions" })
  }
  if (matter.kind === "private-prosecution" && matter.stage !== undefined && matter.stage !== "filing" && matter.stage !== "trial") {
    issues.push({ path: at("matter.stage"), reason: "a private prosecution is either being filed or at trial" })
  }
  if (matter.procedure !== undefined && matter.stage !== undefined && matter.stage !== "trial") {
    issues.push({ path: at("matter.procedure"), reason: "a trial procedure applies only at the trial stage" })
  }
  const seen = (list: ReadonlyArray<string>, name: string) => {
    const set = new Set<string>()
    list.forEach((x, i) => {
      if (set.has(x)) issues.push({ path: at(`${name}[${i}]`), reason: "is listed twice" })
      set.add(x)
    })
  }
  seen(applicant.disabilities, "applicant.disabilities")
  seen(applicant.statuses, "applicant.statuses")
  seen(matter.claims, "matter.claims")
  return issues
}

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
