/**
 * Evaluation schemes (绩效评价指标体系) as data: the indicator tree, first-level weights, indicator
 * kinds and targets, qualitative bands and grade bands, decoded with Schema and checked across
 * fields (weights sum to 100, indicator points sum to their group's weight, …) with typed errors
 * that name the path.
 *
 * A scheme is written as JSON-like data with decimals as strings (`"50"`, `"0.8"`), so a region can
 * ship its own; {@link decodeScheme} turns it into a {@link Scheme} of exact {@link Ratio}s and
 * {@link encodeScheme} writes it back.
 *
 * @example
 * import { Scheme, schemes } from "fayuan/evaluation"
 * const data: Scheme.SchemeData = Scheme.encodeScheme(schemes.panlong2018) // or a region's own JSON
 * const scheme = Scheme.decodeSchemeUnsafe(data) // throws InvalidScheme listing every problem
 *
 * @since 0.1.0
 */
import { Data, Result, Schema } from "effect"
import type { Issue } from "../eligibility/Application.ts"
import { issuesOf } from "../eligibility/Application.ts"
import * as Ratio from "../Ratio.ts"
import * as Region from "../Region.ts"
import * as Rounding from "../Rounding.ts"

const Id = Schema.String.pipe(Schema.check(Schema.isPattern(/^[a-z0-9][a-z0-9._-]*$/), Schema.isMaxLength(64)))
const NonEmpty = Schema.String.pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(500)))
const Decimal = Ratio.RatioFromDecimal

/**
 * A text in Chinese and English.
 *
 * @category schemas
 */
export const Label = Schema.Struct({ zh: NonEmpty, en: NonEmpty })

/** @category models */
export type Label = typeof Label.Type

/**
 * How to read a measured value: a `count`, a `rate` (0..1, printed as a percentage), `fen`
 * (money) or `days`. The same vocabulary as `Measure.Measured.unit`.
 *
 * @category vocabulary
 */
export const units = ["count", "rate", "fen", "days"] as const

/** @category vocabulary */
export type Unit = (typeof units)[number]

/**
 * A band of a qualitative indicator: the share of the points it stands for (`from`..`to`, e.g.
 * "fully met" 0.8..1), the share awarded when the indicator falls in it (`award`, within the
 * band), and — when the band is read off a measured value — the smallest value that reaches it
 * (`atLeast`). Without `atLeast` the band is chosen by hand (a judgement).
 *
 * @category schemas
 */
export const Band = Schema.Struct({
  id: Id,
  name: Label,
  from: Decimal,
  to: Decimal,
  award: Decimal,
  atLeast: Schema.optionalKey(Decimal)
})

/** @category models */
export type Band = typeof Band.Type

/**
 * How an indicator is scored:
 * - `at-least` (≥ target, higher is better): points × min(actual ÷ target, 1);
 * - `at-most` (≤ target, lower is better): points × min(target ÷ actual, 1), full points when the
 *   actual is 0;
 * - `equals` (= target, e.g. a 100% rate): points × min(actual ÷ target, 1);
 * - `qualitative`: the band's award (or a judgement's chosen share within the band) × points.
 *
 * Budget execution is `at-least` with target 1 (100%): 10 × min(spent ÷ budget, 1).
 *
 * @category schemas
 */
export const Rule = Schema.Union([
  Schema.Struct({ kind: Schema.Literal("at-least"), target: Decimal }),
  Schema.Struct({ kind: Schema.Literal("at-most"), target: Decimal }),
  Schema.Struct({ kind: Schema.Literal("equals"), target: Decimal }),
  Schema.Struct({ kind: Schema.Literal("qualitative"), bands: Schema.Array(Band) })
])

/** @category models */
export type Rule = typeof Rule.Type

/** @category vocabulary */
export type RuleKind = Rule["kind"]

/**
 * A third-level indicator: the measure key it is scored against (see `Measure.measureKeys`, or a
 * key of the user's own supplied as a manual measure), the unit and the word printed after a
 * count (`unitLabel`, e.g. 件 / cases), its points (a decimal with at most two places), the rule,
 * and whether the figure is entered by hand (`manual`, e.g. a survey result).
 *
 * @category schemas
 */
export const Indicator = Schema.Struct({
  id: Id,
  name: Label,
  measure: Schema.String.pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(100))),
  unit: Schema.Literals(units),
  unitLabel: Schema.optionalKey(Label),
  points: Decimal,
  rule: Rule,
  manual: Schema.optionalKey(Schema.Boolean)
})

/** @category models */
export type Indicator = typeof Indicator.Type

/**
 * A second-level indicator (数量, 质量, 时效, 成本, …) and its indicators. A category may be empty
 * (e.g. 生态效益 for a legal aid project), with a note saying why.
 *
 * @category schemas
 */
export const Category = Schema.Struct({
  id: Id,
  name: Label,
  indicators: Schema.Array(Indicator),
  note: Schema.optionalKey(Label)
})

/** @category models */
export type Category = typeof Category.Type

/**
 * A first-level indicator (产出, 效益, 满意度, 预算执行率) with its weight; the points of its
 * indicators sum to the weight.
 *
 * @category schemas
 */
export const Group = Schema.Struct({
  id: Id,
  name: Label,
  weight: Decimal,
  categories: Schema.Array(Category)
})

/** @category models */
export type Group = typeof Group.Type

/**
 * A grade (优, 良, 中, 差) and the smallest total that reaches it.
 *
 * @category schemas
 */
export const Grade = Schema.Struct({ id: Id, name: Label, min: Decimal })

/** @category models */
export type Grade = typeof Grade.Type

/**
 * A whole scheme. `rounding` names how each indicator's score is rounded to hundredths of a point
 * (default `half-up`); `source` says where the weights and targets come from and `verified`
 * whether they were checked against a published text.
 *
 * @category schemas
 */
export const Scheme = Schema.Struct({
  id: Id,
  name: Label,
  region: Schema.optionalKey(Region.RegionCode),
  year: Schema.optionalKey(Schema.Int.pipe(Schema.check(Schema.isBetween({ minimum: 1990, maximum: 2200 })))),
  source: Schema.Union([NonEmpty, Label]),
  verified: Schema.Boolean,
  rounding: Schema.optionalKey(Rounding.Rounding),
  groups: Schema.Array(Group),
  grades: Schema.Array(Grade)
})

/** @category models */
export type Scheme = typeof Scheme.Type

/** The encoded (JSON) form of a scheme: decimals as strings. @category models */
export type SchemeData = typeof Scheme.Encoded

/**
 * A scheme that is not valid: every problem with its path (e.g.
 * `groups[1].categories[0].indicators[2].points`) and reason.
 *
 * @category errors
 */
export class InvalidScheme extends Data.TaggedError("InvalidScheme")<{ readonly issues: ReadonlyArray<Issue> }> {
  override get message(): string {
    return `invalid evaluation scheme: ${this.issues.map((i) => `${i.path || "(root)"}: ${i.reason}`).join("; ")}`
  }
}

/**
 * The total of the first-level weights of every scheme: 100 points.
 *
 * @category constants
 */
export const totalPoints = 100

const hundred = Ratio.makeUnsafe(100, 1)

/** Whether a ratio is a whole number of hundredths. */
const isHundredths = (r: Ratio.Ratio): boolean => 100 % r.denominator === 0

/** A ratio as a whole number of hundredths (the ratio must be one, see {@link isHundredths}). */
export const toHundredths = (r: Ratio.Ratio): number => (r.numerator * 100) / r.denominator

const show = (hundredths: number): string => Ratio.toDecimalString(Ratio.makeUnsafe(hundredths, 100))

const checkPoints = (r: Ratio.Ratio, path: string, issues: Array<Issue>, what: string): boolean => {
  if (r.numerator <= 0) {
    issues.push({ path, reason: `${what} must be greater than 0` })
    return false
  }
  if (!isHundredths(r)) {
    issues.push({ path, reason: `${what} has more than two decimal places` })
    return false
  }
  if (Ratio.compare(r, hundred) > 0) {
    issues.push({ path, reason: `${what} is more than ${totalPoints}` })
    return false
  }
  return true
}

const checkRule = (rule: Rule, unit: Unit, path: string, issues: Array<Issue>): void => {
  if (rule.kind === "qualitative") {
    if (rule.bands.length === 0) issues.push({ path: `${path}.bands`, reason: "a qualitative indicator needs at least one band" })
    const ids = new Set<string>()
    const thresholds = rule.bands.filter((b) => b.atLeast !== undefined).length
    if (thresholds !== 0 && thresholds !== rule.bands.length) {
      issues.push({ path: `${path}.bands`, reason: "either every band has atLeast (read off the measure) or none has (chosen by judgement)" })
    }
    const seenAtLeast = new Set<string>()
    rule.bands.forEach((band, i) => {
      const at = `${path}.bands[${i}]`
      if (ids.has(band.id)) issues.push({ path: `${at}.id`, reason: "is used twice" })
      ids.add(band.id)
      if (band.from.numerator < 0) issues.push({ path: `${at}.from`, reason: "must not be negative" })
      if (Ratio.compare(band.to, Ratio.one) > 0) issues.push({ path: `${at}.to`, reason: "must be at most 1 (all the points)" })
      if (Ratio.compare(band.from, band.to) > 0) issues.push({ path: `${at}.from`, reason: "is above to" })
      if (Ratio.compare(band.award, band.from) < 0 || Ratio.compare(band.award, band.to) > 0) {
        issues.push({ path: `${at}.award`, reason: "must lie within the band (from..to)" })
      }
      if (band.atLeast !== undefined) {
        if (band.atLeast.numerator < 0) issues.push({ path: `${at}.atLeast`, reason: "must not be negative" })
        const key = `${band.atLeast.numerator}/${band.atLeast.denominator}`
        if (seenAtLeast.has(key)) issues.push({ path: `${at}.atLeast`, reason: "is the same as another band's" })
        seenAtLeast.add(key)
      }
    })
    const sorted = [...rule.bands].sort((a, b) => Ratio.compare(a.from, b.from))
    for (let i = 1; i < sorted.length; i++) {
      if (Ratio.compare(sorted[i - 1]!.to, sorted[i]!.from) > 0) {
        issues.push({ path: `${path}.bands`, reason: `bands ${sorted[i - 1]!.id} and ${sorted[i]!.id} overlap` })
      }
    }
    return
  }
  const target = rule.target
  if (target.numerator < 0) issues.push({ path: `${path}.target`, reason: "must not be negative" })
  else if (rule.kind !== "at-most" && target.numerator === 0) {
    issues.push({ path: `${path}.target`, reason: `an ${rule.kind} target must be greater than 0` })
  }
  if (unit === "rate" && Ratio.compare(target, Ratio.one) > 0) {
    issues.push({ path: `${path}.target`, reason: "a rate target is at most 1 (100%)" })
  }
}

const consistency = (scheme: Scheme): ReadonlyArray<Issue> => {
  const issues: Array<Issue> = []
  if (scheme.groups.length === 0) issues.push({ path: "groups", reason: "a scheme needs at least one first-level indicator" })
  const groupIds = new Set<string>()
  const categoryIds = new Set<string>()
  const indicatorIds = new Set<string>()
  let weights = 0
  let weightsOk = true
  scheme.groups.forEach((group, g) => {
    const gp = `groups[${g}]`
    if (groupIds.has(group.id)) issues.push({ path: `${gp}.id`, reason: "is used twice" })
    groupIds.add(group.id)
    const weightOk = checkPoints(group.weight, `${gp}.weight`, issues, "a weight")
    weightsOk &&= weightOk
    if (weightOk) weights += toHundredths(group.weight)
    let points = 0
    let pointsOk = true
    let count = 0
    group.categories.forEach((category, c) => {
      const cp = `${gp}.categories[${c}]`
      if (categoryIds.has(category.id)) issues.push({ path: `${cp}.id`, reason: "is used twice" })
      categoryIds.add(category.id)
      category.indicators.forEach((indicator, i) => {
        const ip = `${cp}.indicators[${i}]`
        count++
        if (indicatorIds.has(indicator.id)) issues.push({ path: `${ip}.id`, reason: "is used twice" })
        indicatorIds.add(indicator.id)
        const ok = checkPoints(indicator.points, `${ip}.points`, issues, "points")
        pointsOk &&= ok
        if (ok) points += toHundredths(indicator.points)
        checkRule(indicator.rule, indicator.unit, `${ip}.rule`, issues)
      })
    })
    if (count === 0) issues.push({ path: `${gp}.categories`, reason: "a first-level indicator needs at least one indicator" })
    else if (weightOk && pointsOk && points !== toHundredths(group.weight)) {
      issues.push({ path: `${gp}.categories`, reason: `the indicators' points sum to ${show(points)}, not the weight ${show(toHundredths(group.weight))}` })
    }
  })
  if (weightsOk && scheme.groups.length > 0 && weights !== totalPoints * 100) {
    issues.push({ path: "groups", reason: `the first-level weights sum to ${show(weights)}, not ${totalPoints}` })
  }
  if (scheme.grades.length === 0) issues.push({ path: "grades", reason: "a scheme needs at least one grade" })
  const gradeIds = new Set<string>()
  const mins = new Set<number>()
  let hasZero = false
  scheme.grades.forEach((grade, i) => {
    const at = `grades[${i}]`
    if (gradeIds.has(grade.id)) issues.push({ path: `${at}.id`, reason: "is used twice" })
    gradeIds.add(grade.id)
    if (grade.min.numerator < 0 || Ratio.compare(grade.min, hundred) > 0) issues.push({ path: `${at}.min`, reason: `must lie within 0..${totalPoints}` })
    else if (!isHundredths(grade.min)) issues.push({ path: `${at}.min`, reason: "has more than two decimal places" })
    else {
      const h = toHundredths(grade.min)
      if (mins.has(h)) issues.push({ path: `${at}.min`, reason: "is the same as another grade's" })
      mins.add(h)
      if (h === 0) hasZero = true
    }
  })
  if (scheme.grades.length > 0 && !hasZero) issues.push({ path: "grades", reason: "one grade must start at 0, so every total has a grade" })
  return issues
}

const decodeStruct = Schema.decodeUnknownResult(Scheme)
const encode = Schema.encodeSync(Scheme)

/**
 * Decodes a scheme from unknown input (decimals as strings) and checks it across fields: ids
 * unique, weights and points positive with at most two decimals, the first-level weights sum to
 * 100, each group's indicator points sum to its weight, targets make sense for their kind
 * (`at-least` and `equals` above 0, rates at most 1), qualitative bands lie within 0..1 without
 * overlapping and award a share within themselves, and one grade starts at 0.
 *
 * @example
 * import { Result } from "effect"
 * import { Scheme, schemes } from "fayuan/evaluation"
 * const data = Scheme.encodeScheme(schemes.panlong2018)
 * const r = Scheme.decodeScheme({ ...data, groups: [] })
 * if (Result.isFailure(r)) r.failure.issues // [{ path: "groups", reason: "a scheme needs at least one first-level indicator" }]
 *
 * @category decoding
 */
export const decodeScheme = (input: unknown): Result.Result<Scheme, InvalidScheme> => {
  const r = decodeStruct(input, { errors: "all", onExcessProperty: "error" })
  if (Result.isFailure(r)) return Result.fail(new InvalidScheme({ issues: issuesOf(r.failure) }))
  const issues = consistency(r.success)
  return issues.length > 0 ? Result.fail(new InvalidScheme({ issues })) : Result.succeed(r.success)
}

/**
 * Like {@link decodeScheme}, but throws the {@link InvalidScheme}. For schemes shipped in code.
 *
 * @example
 * import { Scheme, schemes } from "fayuan/evaluation"
 * const scheme = Scheme.decodeSchemeUnsafe(Scheme.encodeScheme(schemes.panlong2018))
 *
 * @category decoding
 */
export const decodeSchemeUnsafe = (input: unknown): Scheme => {
  const r = decodeScheme(input)
  if (Result.isFailure(r)) throw r.failure
  return r.success
}

/**
 * Writes a scheme back as data (decimals as strings); `decodeScheme(encodeScheme(s))` gives `s`.
 *
 * @example
 * import { Scheme, schemes } from "fayuan/evaluation"
 * JSON.stringify(Scheme.encodeScheme(schemes.defaultScheme))
 *
 * @category encoding
 */
export const encodeScheme = (scheme: Scheme): SchemeData => encode(scheme)

/**
 * The indicators of a scheme in order, with their first- and second-level indicators.
 *
 * @example
 * import { Scheme, schemes } from "fayuan/evaluation"
 * Scheme.indicatorsOf(schemes.defaultScheme).map((x) => x.indicator.id)
 *
 * @category accessors
 */
export const indicatorsOf = (scheme: Scheme): ReadonlyArray<{ readonly group: Group; readonly category: Category; readonly indicator: Indicator }> =>
  scheme.groups.flatMap((group) => group.categories.flatMap((category) => category.indicators.map((indicator) => ({ group, category, indicator }))))

/**
 * A judgement for a qualitative indicator: the band chosen by the assessor, optionally a share of
 * the points within that band (default: the band's `award`), and the basis for it (a document,
 * a survey; never a person's name).
 *
 * @category schemas
 */
export const Judgement = Schema.Struct({
  band: Id,
  fraction: Schema.optionalKey(Decimal),
  note: NonEmpty
})

/** @category models */
export type Judgement = typeof Judgement.Type

/**
 * Judgements by indicator id.
 *
 * @category models
 */
export type Judgements = ReadonlyMap<string, Judgement>

const decodeJudgementRecord = Schema.decodeUnknownResult(Schema.Record(Schema.String, Judgement))

/**
 * Decodes judgements (`{ [indicatorId]: { band, fraction?, note } }`) against a scheme: each must
 * name a qualitative indicator of the scheme and one of its bands, and a chosen share must lie
 * within the band.
 *
 * @example
 * import { Scheme, schemes } from "fayuan/evaluation"
 * Scheme.decodeJudgements(schemes.defaultScheme, { "management-rules": { band: "fully-met", note: "管理办法已印发" } })
 *
 * @category decoding
 */
export const decodeJudgements = (scheme: Scheme, input: unknown): Result.Result<Judgements, InvalidScheme> => {
  const r = decodeJudgementRecord(input, { errors: "all", onExcessProperty: "error" })
  if (Result.isFailure(r)) return Result.fail(new InvalidScheme({ issues: issuesOf(r.failure, "judgements") }))
  const byId = new Map(indicatorsOf(scheme).map((x) => [x.indicator.id, x.indicator]))
  const issues: Array<Issue> = []
  const out = new Map<string, Judgement>()
  for (const id of Object.keys(r.success).sort()) {
    const judgement = r.success[id]!
    const at = `judgements.${id}`
    const problem = judgementProblem(byId.get(id), judgement)
    if (problem !== undefined) issues.push({ path: problem.field === undefined ? at : `${at}.${problem.field}`, reason: problem.reason })
    else out.set(id, judgement)
  }
  return issues.length > 0 ? Result.fail(new InvalidScheme({ issues })) : Result.succeed(out)
}

/**
 * What is wrong with a judgement for an indicator, if anything.
 *
 * @category accessors
 */
export const judgementProblem = (
  indicator: Indicator | undefined,
  judgement: Judgement
): { readonly field?: "band" | "fraction"; readonly reason: string } | undefined => {
  if (indicator === undefined) return { reason: "is not an indicator of the scheme" }
  if (indicator.rule.kind !== "qualitative") return { reason: "a judgement applies only to a qualitative indicator" }
  const band = indicator.rule.bands.find((b) => b.id === judgement.band)
  if (band === undefined) return { field: "band", reason: "is not one of the indicator's bands" }
  if (judgement.fraction !== undefined && (Ratio.compare(judgement.fraction, band.from) < 0 || Ratio.compare(judgement.fraction, band.to) > 0)) {
    return { field: "fraction", reason: "must lie within the band (from..to)" }
  }
  return undefined
}
