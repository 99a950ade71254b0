/**
 * Scoring an evaluation scheme against measures, exactly.
 *
 * Every step is exact rational arithmetic (bigint), with two visible choices:
 *
 * 1. **Rescaling.** An indicator whose measure is absent (or does not apply, or whose manual
 *    figure or judgement is missing) is dropped, and the points of the first-level group it
 *    belongs to are shared again among the group's remaining indicators in proportion to their
 *    scheme points, so the group keeps its weight. If every indicator of a group drops, the group
 *    drops and the 100 points are shared among the remaining groups in proportion to their
 *    weights. The shares are whole hundredths of a point, allocated by the largest-remainder
 *    method (ties to the smaller id, so the order of the lists does not matter): the points of the
 *    indicators that remain always sum to exactly 100.
 * 2. **Rounding.** Each indicator's score, points × achieved share, is rounded to hundredths of a
 *    point with the scheme's named rounding (`half-up` unless the scheme says otherwise) — the
 *    place is the indicator ({@link roundingPlace}). Group subtotals and the total are the sums of
 *    the rounded indicator scores, so the printed table adds up to the printed total and the total
 *    is never above 100.
 *
 * @example
 * import { evaluate, schemes, yearPeriod, type Measures } from "fayuan/evaluation"
 * declare const measures: Measures
 * const evaluation = evaluate(schemes.panlong2018, measures, { period: yearPeriod(2018) })
 * evaluation.total // an exact multiple of 1/100, e.g. { numerator: 9892, denominator: 100 }
 * evaluation.grade.name.zh // "优"
 *
 * @since 0.1.0
 */
import type { CalendarDate } from "../CalendarDate.ts"
import * as Money from "../Money.ts"
import * as Ratio from "../Ratio.ts"
import * as Rounding from "../Rounding.ts"
import type { Evidence, Measured, Measures } from "./Measure.ts"
import type { Band, Grade, Indicator, Judgement, Judgements, Label, RuleKind, Scheme, Unit } from "./Scheme.ts"
import { indicatorsOf, judgementProblem, toHundredths, totalPoints } from "./Scheme.ts"

/**
 * The rounding used when a scheme names none.
 *
 * @category rounding
 */
export const defaultScoreRounding: Rounding.Rounding = "half-up"

/**
 * Where scores are rounded: each indicator's score is rounded to hundredths of a point; subtotals
 * and the total are sums of rounded scores (not rounded again).
 *
 * @category rounding
 */
export const roundingPlace = "indicator" as const

/**
 * Why an indicator was left out (and its points given to the others):
 * - `no-measure`: no figure for its measure key (or a rate with no cases, 0 ÷ 0);
 * - `manual-missing`: its figure is entered by hand (a survey) and was not entered;
 * - `judgement-missing`: a qualitative indicator chosen by judgement without one;
 * - `invalid-judgement`: a judgement naming no band of the indicator or a share outside it;
 * - `unit-mismatch`: the measure's unit is not the indicator's;
 * - `not-applicable`: declared not to apply for this evaluation.
 *
 * @category models
 */
export type DropReason = "no-measure" | "manual-missing" | "judgement-missing" | "invalid-judgement" | "unit-mismatch" | "not-applicable"

/**
 * An indicator's target: the exact value (none for qualitative indicators) and how it is printed.
 *
 * @category models
 */
export interface Target {
  readonly kind: RuleKind
  readonly value?: Ratio.Ratio
  readonly unit: Unit
  readonly unitLabel?: Label
  readonly display: Label
}

/**
 * One scored indicator. `points` are after rescaling (0 when dropped), `score` is rounded to
 * hundredths; both are exact multiples of 1/100. `met` is true when the whole target is reached
 * (all the points, or the top band). `evidence` is the measure's; a judgement, when one decided a
 * qualitative indicator, is given too.
 *
 * @category models
 */
export interface ScoredIndicator {
  readonly id: string
  readonly group: string
  readonly category: string
  readonly path: readonly [Label, Label, Label]
  readonly name: Label
  readonly kind: RuleKind
  readonly measure: string
  readonly manual: boolean
  readonly target: Target
  readonly actual: Measured | undefined
  readonly schemePoints: Ratio.Ratio
  readonly points: Ratio.Ratio
  readonly score: Ratio.Ratio
  readonly met: boolean
  readonly evidence: Evidence | undefined
  readonly band?: { readonly id: string; readonly name: Label; readonly share: Ratio.Ratio }
  readonly judgement?: Judgement
  readonly dropped?: DropReason
}

/**
 * A first-level subtotal: the scheme weight, the points after rescaling (0 when the whole group
 * dropped) and the sum of its indicators' scores.
 *
 * @category models
 */
export interface GroupScore {
  readonly id: string
  readonly name: Label
  readonly weight: Ratio.Ratio
  readonly points: Ratio.Ratio
  readonly score: Ratio.Ratio
  readonly dropped: boolean
}

/**
 * The result of scoring a scheme: every indicator in scheme order, the first-level subtotals,
 * the total (the sum of the rounded indicator scores) and the grade, with the scheme's identity,
 * provenance, rounding and grade bands (so a report needs nothing else).
 *
 * @category models
 */
export interface Evaluation {
  readonly schemeId: string
  readonly schemeName: Label
  readonly schemeSource: string | Label
  readonly schemeVerified: boolean
  readonly period: { readonly from: CalendarDate; readonly to: CalendarDate }
  readonly rounding: Rounding.Rounding
  readonly indicators: ReadonlyArray<ScoredIndicator>
  readonly groups: ReadonlyArray<GroupScore>
  readonly total: Ratio.Ratio
  readonly grade: Grade
  /** The scheme's grade bands, highest first. */
  readonly grades: ReadonlyArray<Grade>
}

/**
 * What an evaluation needs besides the scheme and the measures: the period, judgements for the
 * qualitative indicators chosen by hand, and the ids of indicators that do not apply.
 *
 * @category models
 */
export interface EvaluateOptions {
  readonly period: { readonly from: CalendarDate; readonly to: CalendarDate }
  readonly judgements?: Judgements
  readonly notApplicable?: ReadonlyArray<string>
}

// ---------------------------------------------------------------------------------------------
// exact fractions (bigint), kept non-negative where used

interface Frac {
  readonly n: bigint
  readonly d: bigint
}

const ONE: Frac = { n: 1n, d: 1n }
const ZERO: Frac = { n: 0n, d: 1n }
const frac = (r: Ratio.Ratio): Frac => ({ n: BigInt(r.numerator), d: BigInt(r.denominator) })
const lt = (a: Frac, b: Frac): boolean => a.n * b.d < b.n * a.d
/** `a ÷ b` clamped to 0..1; `b` positive. */
const shareOf = (a: Frac, b: Frac): Frac => {
  const q: Frac = { n: a.n * b.d, d: a.d * b.n }
  if (q.n <= 0n) return ZERO
  return lt(q, ONE) ? q : ONE
}

const pointsRatio = (hundredths: bigint): Ratio.Ratio => Ratio.makeUnsafe(Number(hundredths), 100)

/**
 * Shares `total` (whole units) among items in proportion to their weights by the largest-remainder
 * method, ties to the smaller key; the shares sum to `total`. Weights are positive.
 */
const allocate = (total: bigint, items: ReadonlyArray<{ readonly key: string; readonly weight: bigint }>): Map<string, bigint> => {
  const out = new Map<string, bigint>()
  const sum = items.reduce((s, i) => s + i.weight, 0n)
  if (sum === 0n) return out
  const rows = items.map((i) => ({ key: i.key, exact: total * i.weight }))
  let left = total
  for (const row of rows) {
    const share = row.exact / sum
    out.set(row.key, share)
    left -= share
  }
  const order = [...rows].sort((a, b) => {
    const ra = a.exact % sum
    const rb = b.exact % sum
    return ra > rb ? -1 : ra < rb ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0
  })
  for (let k = 0; left > 0n; k++, left--) {
    const key = order[k]!.key
    out.set(key, out.get(key)! + 1n)
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// display of values

/**
 * How percentages are rounded for display (to two decimals).
 *
 * @category rounding
 */
export const percentRounding: Rounding.Rounding = "half-up"

/**
 * How a non-integer count or number of days is rounded for display (to two decimals), and a
 * fractional amount of fen to whole fen.
 *
 * @category rounding
 */
export const valueRounding: Rounding.Rounding = "half-up"

const twoPlaces = (n: bigint, d: bigint, mode: Rounding.Rounding): string => {
  const h = Rounding.roundRational(n * 100n, d, mode)
  const sign = h < 0n ? "-" : ""
  const abs = h < 0n ? -h : h
  const s = abs.toString().padStart(3, "0")
  return `${sign}${s.slice(0, -2)}.${s.slice(-2)}`
}

/**
 * A rate as a percentage with two decimals, rounded with {@link percentRounding}.
 *
 * @example
 * import { formatPercent } from "fayuan/evaluation"
 * formatPercent({ numerator: 2, denominator: 3 }) // "66.67%"
 *
 * @category formatting
 */
export const formatPercent = (r: Ratio.Ratio): string => `${twoPlaces(BigInt(r.numerator) * 100n, BigInt(r.denominator), percentRounding)}%`

/**
 * Points or a score (a multiple of 1/100) with exactly two decimals: `"48.00"`.
 *
 * @example
 * import { formatPoints } from "fayuan/evaluation"
 * formatPoints({ numerator: 96, denominator: 5 }) // "19.20"
 *
 * @category formatting
 */
export const formatPoints = (r: Ratio.Ratio): string => twoPlaces(BigInt(r.numerator), BigInt(r.denominator), "half-up")

/**
 * A measured value for people: a rate as a percentage, fen as money (rounded to whole fen), a
 * count or days as an integer or with two decimals; `unitLabel` follows a count or days (after a
 * space in English).
 *
 * @example
 * import { formatValue } from "fayuan/evaluation"
 * formatValue({ numerator: 864, denominator: 1 }, "count", "zh", { zh: "件", en: "cases" }) // "864件"
 *
 * @category formatting
 */
export const formatValue = (value: Ratio.Ratio, unit: Unit, lang: "zh" | "en", unitLabel?: Label): string => {
  switch (unit) {
    case "rate":
      return formatPercent(value)
    case "fen":
      return Money.format(Money.fenUnsafe(Number(Rounding.roundRational(BigInt(value.numerator), BigInt(value.denominator), valueRounding))))
    case "count":
    case "days": {
      const number = value.denominator === 1 ? String(value.numerator) : twoPlaces(BigInt(value.numerator), BigInt(value.denominator), valueRounding)
      const word = unitLabel?.[lang] ?? (unit === "days" ? (lang === "zh" ? "天" : "days") : undefined)
      return word === undefined ? number : lang === "zh" ? `${number}${word}` : `${number} ${word}`
    }
  }
}

const symbols: Record<Exclude<RuleKind, "qualitative">, string> = { "at-least": "≥", "at-most": "≤", equals: "=" }

const targetOf = (indicator: Indicator): Target => {
  const rule = indicator.rule
  const base = { kind: rule.kind, unit: indicator.unit, ...(indicator.unitLabel === undefined ? {} : { unitLabel: indicator.unitLabel }) }
  if (rule.kind === "qualitative") {
    const top = topBand(rule.bands)
    const name = top?.name ?? { zh: "定性", en: "qualitative" }
    return { ...base, display: name }
  }
  const symbol = symbols[rule.kind]
  const zh = formatValue(rule.target, indicator.unit, "zh", indicator.unitLabel)
  const en = formatValue(rule.target, indicator.unit, "en", indicator.unitLabel)
  // "At most none" is simply none: 0件, not ≤0件. Chinese forms write the sign against the figure (≥864件).
  const none = rule.kind === "at-most" && rule.target.numerator === 0
  return {
    ...base,
    value: rule.target,
    display: none ? { zh, en } : { zh: `${symbol}${zh}`, en: `${symbol} ${en}` }
  }
}

/** The band worth the most (the largest `to`, then `award`). */
const topBand = (bands: ReadonlyArray<Band>): Band | undefined =>
  [...bands].sort((a, b) => Ratio.compare(b.to, a.to) || Ratio.compare(b.award, a.award) || (a.id < b.id ? -1 : 1))[0]

// ---------------------------------------------------------------------------------------------
// scoring

type Outcome =
  | { readonly dropped: DropReason; readonly actual?: Measured }
  | {
    readonly dropped?: undefined
    readonly actual?: Measured
    readonly share: Frac
    readonly met: boolean
    readonly band?: { readonly id: string; readonly name: Label; readonly share: Ratio.Ratio }
    readonly judgement?: Judgement
  }

const outcomeOf = (indicator: Indicator, measures: Measures, judgements: Judgements | undefined, notApplicable: ReadonlySet<string>): Outcome => {
  if (notApplicable.has(indicator.id)) return { dropped: "not-applicable" }
  const measured = measures.get(indicator.measure)
  const rule = indicator.rule
  if (measured !== undefined && measured.unit !== indicator.unit) return { dropped: "unit-mismatch", actual: measured }
  const withActual = measured === undefined ? {} : { actual: measured }
  if (rule.kind === "qualitative") {
    const top = topBand(rule.bands)
    const judgement = judgements?.get(indicator.id)
    if (judgement !== undefined) {
      if (judgementProblem(indicator, judgement) !== undefined) return { dropped: "invalid-judgement", ...withActual }
      const band = rule.bands.find((b) => b.id === judgement.band)!
      const share = judgement.fraction ?? band.award
      return { ...withActual, share: frac(share), met: band.id === top?.id, band: { id: band.id, name: band.name, share }, judgement }
    }
    const byMeasure = rule.bands.every((b) => b.atLeast !== undefined) && rule.bands.length > 0
    if (!byMeasure) return { dropped: measured === undefined && indicator.manual === true ? "manual-missing" : "judgement-missing", ...withActual }
    if (measured === undefined) return { dropped: indicator.manual === true ? "manual-missing" : "no-measure" }
    const reached = [...rule.bands]
      .filter((b) => Ratio.compare(measured.value, b.atLeast!) >= 0)
      .sort((a, b) => Ratio.compare(b.atLeast!, a.atLeast!))[0]
    if (reached === undefined) return { actual: measured, share: ZERO, met: false }
    return { actual: measured, share: frac(reached.award), met: reached.id === top?.id, band: { id: reached.id, name: reached.name, share: reached.award } }
  }
  if (measured === undefined) return { dropped: indicator.manual === true ? "manual-missing" : "no-measure" }
  const actual = frac(measured.value)
  const target = frac(rule.target)
  let share: Frac
  if (rule.kind === "at-most") share = actual.n <= 0n ? ONE : shareOf(target, actual)
  else share = shareOf(actual, target)
  return { actual: measured, share, met: share.n === share.d }
}

/**
 * Scores a scheme against measures (see the module comment for rescaling and rounding). Pure and
 * deterministic: the same scheme, measures and options give the same evaluation whatever the
 * order of the measures map or of `notApplicable`; the indicators come out in scheme order.
 *
 * When every indicator drops, the total is 0 and the grade the one starting at 0. A judgement
 * decides a qualitative indicator even when a measure could; an invalid one (decode judgements
 * with `decodeJudgements` to be told why) drops the indicator.
 *
 * @example
 * import { evaluate, Measure, schemes, yearPeriod } from "fayuan/evaluation"
 * const measures = new Map([["cases.accepted", Measure.count(864, { source: "records", filter: "cases received in 2018", records: 864 })]])
 * evaluate(schemes.panlong2018, measures, { period: yearPeriod(2018) })
 *
 * @category scoring
 */
export const evaluate = (scheme: Scheme, measures: Measures, options: EvaluateOptions): Evaluation => {
  const rounding = scheme.rounding ?? defaultScoreRounding
  const notApplicable = new Set(options.notApplicable ?? [])
  const rows = indicatorsOf(scheme).map((row) => ({ ...row, outcome: outcomeOf(row.indicator, measures, options.judgements, notApplicable) }))

  // Rescale: live groups share the 100 points by weight; live indicators share their group's points.
  const liveGroups = scheme.groups.filter((g) => rows.some((r) => r.group.id === g.id && r.outcome.dropped === undefined))
  const groupPoints = allocate(
    BigInt(totalPoints * 100),
    liveGroups.map((g) => ({ key: g.id, weight: BigInt(toHundredths(g.weight)) }))
  )
  const indicatorPoints = new Map<string, bigint>()
  for (const group of liveGroups) {
    const live = rows.filter((r) => r.group.id === group.id && r.outcome.dropped === undefined)
    const shares = allocate(groupPoints.get(group.id)!, live.map((r) => ({ key: r.indicator.id, weight: BigInt(toHundredths(r.indicator.points)) })))
    for (const [k, v] of shares) indicatorPoints.set(k, v)
  }

  const indicators: Array<ScoredIndicator> = rows.map(({ category, group, indicator, outcome }) => {
    const points = indicatorPoints.get(indicator.id) ?? 0n
    const base = {
      id: indicator.id,
      group: group.id,
      category: category.id,
      path: [group.name, category.name, indicator.name] as const,
      name: indicator.name,
      kind: indicator.rule.kind,
      measure: indicator.measure,
      manual: indicator.manual === true,
      target: targetOf(indicator),
      actual: outcome.actual,
      schemePoints: indicator.points,
      evidence: outcome.actual?.evidence
    }
    if (outcome.dropped !== undefined) {
      return { ...base, points: Ratio.zero, score: Ratio.zero, met: false, dropped: outcome.dropped }
    }
    const score = Rounding.roundRational(points * outcome.share.n, outcome.share.d, rounding)
    return {
      ...base,
      points: pointsRatio(points),
      score: pointsRatio(score),
      met: outcome.met,
      ...(outcome.band === undefined ? {} : { band: outcome.band }),
      ...(outcome.judgement === undefined ? {} : { judgement: outcome.judgement })
    }
  })

  const hundredthsOf = (r: Ratio.Ratio): bigint => (BigInt(r.numerator) * 100n) / BigInt(r.denominator)
  const groups: Array<GroupScore> = scheme.groups.map((group) => {
    const points = groupPoints.get(group.id)
    const score = indicators.filter((i) => i.group === group.id).reduce((s, i) => s + hundredthsOf(i.score), 0n)
    return { id: group.id, name: group.name, weight: group.weight, points: pointsRatio(points ?? 0n), score: pointsRatio(score), dropped: points === undefined }
  })
  const totalHundredths = groups.reduce((s, g) => s + hundredthsOf(g.score), 0n)
  const total = pointsRatio(totalHundredths)
  return {
    schemeId: scheme.id,
    schemeName: scheme.name,
    schemeSource: scheme.source,
    schemeVerified: scheme.verified,
    period: options.period,
    rounding,
    indicators,
    groups,
    total,
    grade: gradeOf(scheme.grades, total),
    grades: [...scheme.grades].sort((a, b) => Ratio.compare(b.min, a.min))
  }
}

/**
 * The grade of a total: the grade with the largest `min` not above it.
 *
 * @example
 * import { gradeOf, schemes } from "fayuan/evaluation"
 * gradeOf(schemes.defaultScheme.grades, { numerator: 8999, denominator: 100 }).name.zh // "良"
 *
 * @category scoring
 */
export const gradeOf = (grades: ReadonlyArray<Grade>, total: Ratio.Ratio): Grade => {
  const sorted = [...grades].sort((a, b) => Ratio.compare(b.min, a.min))
  const grade = sorted.find((g) => Ratio.compare(total, g.min) >= 0) ?? sorted[sorted.length - 1]
  if (grade === undefined) throw new RangeError("gradeOf: a scheme has at least one grade")
  return grade
}
