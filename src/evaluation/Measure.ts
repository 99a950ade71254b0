/**
 * A measured figure with its evidence: what the evaluation scores an indicator against.
 *
 * A count is the ratio `n / 1`; a rate is `numerator / denominator` kept exact (never a float),
 * so the same records give the same score to the last digit. The evidence names the filter that
 * produced the figure and how many records stand behind it, so an auditor can recount; a figure
 * entered by hand (a survey) says so and where it came from.
 *
 * @example
 * import { Measure } from "fayuan/evaluation"
 * const m = Measure.count(864, { source: "records", filter: "cases received 2018-01-01..2018-12-31 in 530103", records: 864 })
 *
 * @since 0.1.0
 */
import * as Ratio from "../Ratio.ts"

/**
 * Where a figure comes from: `records` (counted from the stores), `manual` (entered by hand, e.g.
 * a survey result) or `derived` (computed from other measures, e.g. cost per case).
 *
 * @category models
 */
export type EvidenceSource = "records" | "manual" | "derived"

/**
 * The evidence behind a figure.
 *
 * @category models
 */
export interface Evidence {
  readonly source: EvidenceSource
  /** The filter (a description of the query, independent of SQL) that produced the figure, in English. */
  readonly filter: string
  /** The same filter in Chinese, for reports in Chinese. */
  readonly filterZh?: string
  /** How many records stand behind the figure (for a rate: its denominator's records). */
  readonly records: number
  /** For manual figures: what it was entered from (survey, document) — never a person's name. */
  readonly note?: string
  /** The note in Chinese. */
  readonly noteZh?: string
}

/**
 * A measured value: an exact ratio (a count is `n / 1`) with its evidence. `unit` says how to
 * read it: a `count`, a `rate` (0..1, printed as a percentage), `fen` (money), or `days`.
 *
 * @category models
 */
export interface Measured {
  readonly value: Ratio.Ratio
  readonly unit: "count" | "rate" | "fen" | "days"
  readonly evidence: Evidence
}

/**
 * The measures an evaluation draws on, by key (see `measureKeys`).
 *
 * @category models
 */
export type Measures = ReadonlyMap<string, Measured>

/**
 * The keys the library computes. A scheme's indicator refers to one of these (or to a key of the
 * user's own, supplied as a manual measure).
 *
 * @category vocabulary
 */
export const measureKeys = [
  // cases (受理) received in the period, by class of matter
  "cases.accepted",
  "cases.civil",
  "cases.criminal",
  "cases.other",
  "cases.concluded",
  // consultations (咨询人次), by channel and by network level
  "consultations.total",
  "consultations.hotline",
  "consultations.centre",
  "consultations.workstation",
  "consultations.liaison-point",
  "documents.drafted",
  // outreach and publicity
  "outreach.events",
  "outreach.materials",
  "outreach.handbooks",
  "outreach.lectures",
  "outreach.films",
  "publicity.articles",
  "publicity.articles-adopted",
  "cases.ministry-library",
  "trainings.sessions",
  "trainings.participants",
  // network and capacity
  "network.centres",
  "network.workstations",
  "network.liaison-points",
  "network.sub-district-offices",
  "network.terminals",
  "staff.auxiliary",
  "duty.shifts",
  // quality (应援尽援, free consultation, grades, complaints)
  "aid.notified-rate",
  "aid.special-groups-rate",
  "network.free-consultation-rate",
  "quality.pass-rate",
  "quality.complaints",
  // timeliness (clocks met ÷ clocks met, missed or overdue at the period's end)
  "timeliness.decision-rate",
  "timeliness.assignment-rate",
  "timeliness.closing-materials-rate",
  // cost and budget (from the ledger)
  "cost.subsidy-per-case",
  "budget.execution-rate",
  "budget.grants-to-offices",
  // surveys (entered by hand)
  "survey.awareness",
  "survey.satisfaction"
] as const

/** @category vocabulary */
export type MeasureKey = (typeof measureKeys)[number]

/**
 * A count with its evidence.
 *
 * @category constructors
 */
export const count = (n: number, evidence: Evidence): Measured => ({ value: Ratio.makeUnsafe(n, 1), unit: "count", evidence })

/**
 * A rate `numerator / denominator` with its evidence; `0 / 0` is not a rate and is returned as
 * `undefined` (the indicator does not apply and is dropped).
 *
 * @category constructors
 */
export const rate = (numerator: number, denominator: number, evidence: Evidence): Measured | undefined => {
  if (denominator === 0) return undefined
  return { value: Ratio.makeUnsafe(numerator, denominator), unit: "rate", evidence }
}
