/**
 * The series the report's charts read: cases by month and class.
 *
 * @since 0.1.0
 */
import * as Region from "../Region.ts"
import type { Period } from "./Records.ts"
import { classOf } from "./MatterClass.ts"
import type { CaseFacts, ClockFacts } from "./CaseFacts.ts"
import type { ClockCounts } from "./tally.ts"
import { countClock, within, zeroClocks } from "./tally.ts"

// ---------------------------------------------------------------------------------------------
// Charts

/**
 * Cases received in a month, by class.
 *
 * @category charts
 */
export interface MonthCases {
  /** 1 … 12. */
  readonly month: number
  readonly civil: number
  readonly criminal: number
  readonly other: number
}

/**
 * Twelve months of zeros.
 *
 * @category charts
 */
export const emptyMonths = (): Array<{ month: number; civil: number; criminal: number; other: number }> =>
  Array.from({ length: 12 }, (_, i) => ({ month: i + 1, civil: 0, criminal: 0, other: 0 }))

/**
 * Adds `n` cases of a kind received in a month to the months.
 *
 * @category charts
 */
export const addToMonth = (months: Array<{ month: number; civil: number; criminal: number; other: number }>, month: number, kind: string, n: number): void => {
  const m = months[month - 1]
  if (m !== undefined) m[classOf(kind)] += n
}

/**
 * Cases received in each month of a year, by class, in JavaScript.
 *
 * @category charts
 */
export const casesByMonthOf = (cases: Iterable<CaseFacts>, scope: Region.RegionCode, year: number): ReadonlyArray<MonthCases> => {
  const months = emptyMonths()
  const inScope = within(scope)
  const prefix = `${String(year).padStart(4, "0")}-`
  for (const c of cases) if (c.receivedOn.startsWith(prefix) && inScope(c.region)) addToMonth(months, Number(c.receivedOn.slice(5, 7)), c.kind, 1)
  return months
}

/**
 * The clocks of every kind started in a period, each in its status on the period's last day.
 *
 * @category charts
 */
export const clockSummaryOf = (clocks: Iterable<ClockFacts>, scope: Region.RegionCode, period: Period): ClockCounts => {
  const counts = zeroClocks()
  const inScope = within(scope)
  for (const k of clocks) if (k.startedOn >= period.from && k.startedOn <= period.to && inScope(k.region)) countClock(counts, k, period.to)
  return counts
}
