/**
 * What a subsidy is claimed for: a case (its service, stages, dates, ending, grade, recipients,
 * lawyers) or consultation days and drafted documents, and their decoding from unknown input.
 *
 * @since 0.1.0
 */
import { Result, Schema } from "effect"
import * as IdModule from "../Id.ts"
import * as CalendarDate from "../CalendarDate.ts"
import type { Issue } from "../eligibility/Application.ts"
import { issuesOf } from "../eligibility/Application.ts"
import { grades } from "../lifecycle/vocabulary.ts"
import * as Ratio from "../Ratio.ts"
import * as Region from "../Region.ts"
import type { ProceedingStage as Stage } from "../RuleSet.ts"
import { proceedingStages as stages } from "../RuleSet.ts"
import { endings, services } from "./Standard.ts"
import { stageIndex } from "./compiled.ts"
import { InvalidClaim } from "./Subsidy.ts"

// ---------------------------------------------------------------------------------------------
// Claims

const Id = IdModule.Id
export const ten = Ratio.makeUnsafe(10, 1)
const Complexity = Ratio.RatioFromDecimal.pipe(
  Schema.check(Schema.makeFilter((r: Ratio.Ratio) => (Ratio.compare(r, Ratio.one) >= 0 && Ratio.compare(r, ten) <= 0) || "a ratio from 1 to 10"))
)
const Share = Ratio.RatioFromDecimal.pipe(Schema.check(Schema.makeFilter((r: Ratio.Ratio) => r.numerator >= 0 || "a share of at least 0")))
const LawyerShare = Schema.Struct({ lawyerId: Id, share: Schema.optionalKey(Share) })

/**
 * A claim for a case subsidy. `stagesCompleted` is for criminal cases (a criminal case is paid
 * for the stages done); `complexity` is a decimal ratio (e.g. `"1.5"`) capped by the standard;
 * `recipients` counts the people aided (at least 1); `lawyers` share the subsidy by `share`
 * (weights, equal when absent).
 *
 * @example
 * ```ts
 * import { decodeClaim } from "fayuan/subsidy"
 * decodeClaim({ region: "530103", caseId: "C-1", service: "civil", assignedOn: "2018-03-01",
 *   endedOn: "2018-09-30", endedBy: "concluded", recipients: 1 })
 * ```
 * @category schemas
 * @since 0.1.0
 */
export const Claim = Schema.Struct({
  region: Region.RegionCode,
  caseId: Id,
  service: Schema.Literals(services),
  stagesCompleted: Schema.optionalKey(Schema.Array(Schema.Literals(stages))),
  assignedOn: CalendarDate.CalendarDate,
  endedOn: CalendarDate.CalendarDate,
  endedBy: Schema.Literals(endings),
  possibleLifeOrDeath: Schema.optionalKey(Schema.Boolean),
  complexity: Schema.optionalKey(Complexity),
  outsideHomeCity: Schema.optionalKey(Schema.Boolean),
  recipients: Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 1, maximum: 100_000 }))),
  grade: Schema.optionalKey(Schema.Literals(grades)),
  lawyers: Schema.optionalKey(Schema.Array(LawyerShare))
})

/**
 * A decoded case claim.
 *
 * @category models
 * @since 0.1.0
 */
export type Claim = typeof Claim.Type

/**
 * A claim for consultation days or drafted documents, paid at the standard in force on `on`.
 *
 * @example
 * ```ts
 * import { decodeWorkClaim } from "fayuan/subsidy"
 * decodeWorkClaim({ kind: "consultation", ref: "W-2018-05", region: "530103", on: "2018-05-31", days: 3 })
 * decodeWorkClaim({ kind: "documents", ref: "D-7", region: "530103", on: "2018-05-31", count: 2 })
 * ```
 * @category schemas
 * @since 0.1.0
 */
export const WorkClaim = Schema.Union([
  Schema.Struct({
    kind: Schema.Literal("consultation"),
    ref: Id,
    region: Region.RegionCode,
    on: CalendarDate.CalendarDate,
    days: Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 0, maximum: 366 }))),
    halfDays: Schema.optionalKey(Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 0, maximum: 732 })))),
    lawyers: Schema.optionalKey(Schema.Array(LawyerShare))
  }),
  Schema.Struct({
    kind: Schema.Literal("documents"),
    ref: Id,
    region: Region.RegionCode,
    on: CalendarDate.CalendarDate,
    count: Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 1, maximum: 100_000 }))),
    lawyers: Schema.optionalKey(Schema.Array(LawyerShare))
  })
])

/** @category models */
export type WorkClaim = typeof WorkClaim.Type


// ---------------------------------------------------------------------------------------------
// Decoding

export const stageRank = (s: Stage): number | undefined => stageIndex[s]

/** Checks across fields of a case claim. */
export const claimIssues = (c: Claim, prefix = ""): Array<Issue> => {
  const issues: Array<Issue> = []
  const at = (p: string) => (prefix === "" ? p : `${prefix}.${p}`)
  if (c.endedOn < c.assignedOn) issues.push({ path: at("endedOn"), reason: "is before assignedOn" })
  const criminal = c.service === "criminal"
  if (!criminal && c.stagesCompleted !== undefined && c.stagesCompleted.length > 0) {
    issues.push({ path: at("stagesCompleted"), reason: `applies only to criminal cases, not ${c.service}` })
  }
  if (criminal) {
    const seen = new Set<Stage>()
    ;(c.stagesCompleted ?? []).forEach((s, i) => {
      if (seen.has(s)) issues.push({ path: at(`stagesCompleted[${i}]`), reason: "is listed twice" })
      seen.add(s)
    })
    if (c.endedBy === "concluded" && seen.size === 0) issues.push({ path: at("stagesCompleted"), reason: "a concluded criminal case completes at least one stage" })
  }
  if (!criminal && c.possibleLifeOrDeath === true) issues.push({ path: at("possibleLifeOrDeath"), reason: `applies only to criminal cases, not ${c.service}` })
  issues.push(...lawyerIssues(c.lawyers, at))
  return issues
}

const lawyerIssues = (lawyers: Claim["lawyers"], at: (p: string) => string): Array<Issue> => {
  const issues: Array<Issue> = []
  if (lawyers === undefined) return issues
  const seen = new Set<string>()
  let withShare = 0
  let positive = 0
  lawyers.forEach((l, i) => {
    if (seen.has(l.lawyerId)) issues.push({ path: at(`lawyers[${i}].lawyerId`), reason: "is listed twice" })
    seen.add(l.lawyerId)
    if (l.share !== undefined) {
      withShare++
      if (l.share.numerator > 0) positive++
    }
  })
  if (withShare > 0 && withShare < lawyers.length) issues.push({ path: at("lawyers"), reason: "give a share for every lawyer or for none" })
  else if (withShare > 0 && positive === 0) issues.push({ path: at("lawyers"), reason: "the shares are all zero" })
  return issues
}

const decodeClaimStruct = Schema.decodeUnknownResult(Claim)
const decodeWorkStruct = Schema.decodeUnknownResult(WorkClaim)

/**
 * Decodes a case claim from unknown input (JSON), with the checks across fields: the case ends on
 * or after its assignment; stages and a life-or-death sentence only for criminal cases; a
 * concluded criminal case completes at least one stage; lawyers listed once, with shares for all
 * or none.
 *
 * @example
 * ```ts
 * import { decodeClaim } from "fayuan/subsidy"
 * decodeClaim({ region: "530103", caseId: "C-2", service: "criminal", stagesCompleted: ["investigation", "prosecution-review", "trial"],
 *   assignedOn: "2018-02-01", endedOn: "2018-11-20", endedBy: "concluded", possibleLifeOrDeath: true, recipients: 1 })
 * ```
 * @category decoding
 * @since 0.1.0
 */
export const decodeClaim = (input: unknown): Result.Result<Claim, InvalidClaim> => {
  const r = decodeClaimStruct(input, { errors: "all", onExcessProperty: "error" })
  if (Result.isFailure(r)) return Result.fail(new InvalidClaim({ issues: issuesOf(r.failure) }))
  const issues = claimIssues(r.success)
  return issues.length > 0 ? Result.fail(new InvalidClaim({ issues })) : Result.succeed(r.success)
}

/**
 * Decodes a consultation or documents claim; a consultation claim covers at least one day or
 * half-day.
 *
 * @example
 * ```ts
 * import { decodeWorkClaim } from "fayuan/subsidy"
 * decodeWorkClaim({ kind: "documents", ref: "D-7", region: "530103", on: "2018-05-31", count: 2 })
 * ```
 * @category decoding
 * @since 0.1.0
 */
export const decodeWorkClaim = (input: unknown): Result.Result<WorkClaim, InvalidClaim> => {
  const r = decodeWorkStruct(input, { errors: "all", onExcessProperty: "error" })
  if (Result.isFailure(r)) return Result.fail(new InvalidClaim({ issues: issuesOf(r.failure) }))
  const v = r.success
  const issues = lawyerIssues(v.lawyers, (p) => p)
  if (v.kind === "consultation" && v.days + (v.halfDays ?? 0) === 0) issues.push({ path: "days", reason: "a consultation claim covers at least one day or half-day" })
  return issues.length > 0 ? Result.fail(new InvalidClaim({ issues })) : Result.succeed(v)
}
