/**
 * Where an evaluation's actual values come from: the {@link EvaluationSource} port, and the pure
 * computation behind it.
 *
 * The computation has two halves. {@link tally} counts, from a case's facts, its clocks, the
 * evaluation records and the worked duty shifts, everything the measures need ({@link Tallies});
 * {@link measuresOf} turns the counts into `Measures` with their evidence. The SQL adapters fill
 * the same `Tallies` with a handful of aggregate queries and never load the rows; the memory
 * adapter (and the benchmark's JavaScript path) runs {@link tally} over loaded rows. Both end in
 * the same {@link measuresOf}, so the same records give the same `Measures`, evidence included.
 *
 * What is counted, and how (every filter is also written into the evidence):
 * - cases are counted by the day they were received (`receivedOn` in the period), by class of
 *   matter ({@link matterClasses}); `cases.concluded` by the day their closing materials were filed;
 * - `aid.notified-rate`: notified cases received in the period with a lawyer assigned on or before
 *   its last day ÷ notified cases received in the period, less those still unassigned on that day
 *   whose assignment time limit had not yet run out (still in time, neither success nor failure);
 * - `aid.special-groups-rate`: cases of special groups received in the period that were notified,
 *   or decided eligible or mandatory on or before its last day: granted by that day ÷ all of them;
 * - `network.free-consultation-rate`: points of the three-level network open during the period
 *   with at least one consultation logged in it ÷ points open;
 * - `quality.pass-rate`: cases concluded in the period and graded on or before its last day:
 *   excellent, good or pass ÷ graded; `quality.complaints`: lawyers replaced after a recipient's
 *   complaint on cases received in it (complaints as recorded when the evaluation runs);
 * - so that re-running a past period later gives the same figures, grants, assignments and grades
 *   count by the day they happened ({@link CaseDates}), not by the case's current state;
 * - `timeliness.*`: clocks of the kind started in the period, each in its status on the period's
 *   last day: met ÷ (met + missed + overdue) — a clock still running past its due date counts as
 *   missed; cancelled and still-running clocks do not count;
 * - counts of records: network points and staff positions open during the period; dated records
 *   on a day of it; activities and consultations summed by their quantity / person-times;
 * - surveys: positive ÷ respondents over the surveys of the period, marked `manual`.
 *
 * @since 0.1.0
 */
import { Context } from "effect"
import type { Effect } from "effect"
import type * as CalendarDate from "../CalendarDate.ts"
import type { CorruptRecord, StoreError } from "../lifecycle/Store.ts"
import * as Region from "../Region.ts"
import type { Measures } from "./Measure.ts"
import type { Period } from "./Records.ts"
import type { ClockCounts, Tallies } from "./tally.ts"
import type { MonthCases } from "./charts.ts"

// ---------------------------------------------------------------------------------------------
// The port

/**
 * The source of an evaluation's actual values, implemented by every storage adapter: in SQL on
 * the SQL adapters (aggregate queries only), in JavaScript on the memory adapter.
 *
 * @category models
 */
export interface EvaluationSourceShape {
  /**
   * Every measure of `measureKeys` except the ledger's (`cost.*`, `budget.*`), with evidence. A
   * stored record that no longer decodes fails the evaluation as a `CorruptRecord` naming it.
   */
  readonly measure: (scope: Region.RegionCode, period: Period) => Effect.Effect<Measures, StoreError | CorruptRecord>
  /** The counts behind {@link EvaluationSourceShape.measure}. */
  readonly tallies: (scope: Region.RegionCode, period: Period) => Effect.Effect<Tallies, StoreError | CorruptRecord>
  /** Cases received in each month of `year` (12 entries), by class. */
  readonly casesByMonth: (scope: Region.RegionCode, year: number) => Effect.Effect<ReadonlyArray<MonthCases>, StoreError>
  /** The clocks of every kind started in the period, in their status on its last day. */
  readonly clockSummary: (scope: Region.RegionCode, period: Period) => Effect.Effect<ClockCounts, StoreError>
}

/**
 * The evaluation source service.
 *
 * @example
 * import { Effect } from "effect"
 * import { Region } from "fayuan"
 * import { EvaluationSource, yearPeriod } from "fayuan/evaluation"
 * const measures = Effect.gen(function* () {
 *   const source = yield* EvaluationSource
 *   return yield* source.measure(Region.makeUnsafe("530103"), yearPeriod(2018))
 * })
 *
 * @category services
 */
export class EvaluationSource extends Context.Service<EvaluationSource, EvaluationSourceShape>()("fayuan/EvaluationSource") {}

/**
 * The period of a calendar year.
 *
 * @example
 * import { yearPeriod } from "fayuan/evaluation"
 * yearPeriod(2018) // { from: "2018-01-01", to: "2018-12-31" }
 *
 * @category models
 */
export const yearPeriod = (year: number): Period => {
  const y = String(year).padStart(4, "0")
  return { from: `${y}-01-01` as CalendarDate.CalendarDate, to: `${y}-12-31` as CalendarDate.CalendarDate }
}
