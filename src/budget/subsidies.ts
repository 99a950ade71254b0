/**
 * From computed subsidies to payables: the keys under which they enter the ledger, so recording
 * them twice changes nothing and `reconcile` can match every entry to the case or shift it came
 * from.
 *
 * - a case subsidy is one payable keyed `case:<region>:<caseId>`, or one per lawyer keyed
 *   `case:<region>:<caseId>:<lawyerId>` when it is shared (the allocation never loses a fen);
 * - a duty subsidy is one payable per shift worked, keyed by its seat
 *   `shift:<region>:<date>:<site>:<slot>:<seat>`.
 *
 * @example
 * import { payablesOfCase } from "fayuan/budget"
 * const payables = payablesOfCase(subsidy, { on: CalendarDate.makeUnsafe("2018-06-05") })
 *
 * @since 0.1.0
 */
import type * as CalendarDate from "../CalendarDate.ts"
import type { DutySubsidies, Subsidy } from "../subsidy/calculate.ts"
import type { Payable } from "./Ledger.ts"

/**
 * The payables of a case subsidy, due `on` (the day the closing materials were filed, under
 * `LAR-24` / `LAL-52`). A subsidy that is not a case's (consultation days, documents) gives none;
 * zero amounts are kept (the ledger's flow skips them).
 *
 * @category subsidies
 */
export const payablesOfCase = (subsidy: Subsidy, options: { readonly on: CalendarDate.CalendarDate; readonly lawyerId?: string }): ReadonlyArray<Payable> => {
  if (subsidy.subject.kind !== "case") return []
  const { caseId } = subsidy.subject
  const source = { kind: "case", caseId } as const
  const shares = subsidy.allocations ?? []
  if (shares.length <= 1) {
    const lawyerId = shares[0]?.lawyerId ?? options.lawyerId
    return [
      {
        key: `case:${subsidy.region}:${caseId}`,
        region: subsidy.region,
        on: options.on,
        amount: subsidy.amount,
        source,
        category: "case-subsidy",
        ...(lawyerId === undefined ? {} : { lawyerId })
      }
    ]
  }
  return shares.map((a) => ({
    key: `case:${subsidy.region}:${caseId}:${a.lawyerId}`,
    region: subsidy.region,
    on: options.on,
    amount: a.amount,
    source,
    lawyerId: a.lawyerId,
    category: "case-subsidy"
  }))
}

/**
 * The payables of worked duty shifts: one per shift, due the day it was worked.
 *
 * @category subsidies
 */
export const payablesOfDuty = (duty: DutySubsidies): ReadonlyArray<Payable> =>
  duty.days.flatMap((day) =>
    day.lines.map((l) => ({
      key: `shift:${day.region}:${day.date}:${l.shift.siteId}:${l.shift.slot}:${l.shift.seat}`,
      region: day.region,
      on: day.date,
      amount: l.amount,
      lawyerId: day.lawyerId,
      category: "duty-subsidy" as const,
      source: { kind: "duty-shift" as const, date: day.date, siteId: l.shift.siteId, slot: l.shift.slot, seat: l.shift.seat }
    }))
  )
