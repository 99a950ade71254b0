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
 * import { CalendarDate } from "fayuan"
 * import { payablesOfCase } from "fayuan/budget"
 * import type { Subsidy } from "fayuan/subsidy"
 * declare const subsidy: Subsidy
 * const payables = payablesOfCase(subsidy, { on: CalendarDate.makeUnsafe("2018-06-05") })
 *
 * @since 0.1.0
 */
import { Result } from "effect"
import type * as CalendarDate from "../CalendarDate.ts"
import type { Case } from "../lifecycle/Case.ts"
import type { WorkedShift } from "../roster/Store.ts"
import type { Catalogue } from "../subsidy/Catalogue.ts"
import type { CalculateError, DutySubsidies, Subsidy } from "../subsidy/Subsidy.ts"
import type { CaseFacts } from "../subsidy/fromCase.ts"
import { calculateCase } from "../subsidy/calculateCase.ts"
import { calculateDuty } from "../subsidy/calculateWork.ts"
import { claimFromCase } from "../subsidy/fromCase.ts"
import type { Budget } from "./Budget.ts"
import type { LineChooser, UnplaceablePayable } from "./flow.ts"
import { entriesFromPayables } from "./flow.ts"
import type { LedgerEntry, Payable } from "./Ledger.ts"

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

/**
 * A case the subsidy run could not pay, and why (no standard in force, a service the standard
 * does not cover, facts missing): reported, never thrown, so one case does not hold up the rest.
 *
 * @category subsidies
 */
export interface Unpaid {
  readonly caseId: string
  readonly reason: string
}

/**
 * The subsidies of a set of cases and worked shifts, ready for the ledger.
 *
 * @category subsidies
 */
export interface SubsidyRun {
  readonly payables: ReadonlyArray<Payable>
  readonly entries: ReadonlyArray<LedgerEntry>
  readonly unpaid: ReadonlyArray<Unpaid>
  readonly cases: number
  readonly shifts: number
}

/**
 * What {@link subsidiesForLedger} reads: the budget to pay from, the standards, the cases (only
 * those whose closing materials were filed are paid, on the day they were filed, `LAR-24` /
 * `LAL-52`), the worked shifts, and the facts a case does not carry (stages done, life or death
 * sentence, recipients, how a withdrawal ended).
 *
 * @category subsidies
 */
export interface SubsidyInput {
  readonly budget: Budget
  readonly catalogue: Catalogue
  readonly cases: Iterable<Case>
  readonly shifts: ReadonlyArray<WorkedShift>
  readonly factsOf?: (c: Case) => CaseFacts
  readonly lineFor?: LineChooser
}

const filedOn = (c: Case): CalendarDate.CalendarDate | undefined => {
  let on: CalendarDate.CalendarDate | undefined
  for (const k of c.clocks) if (k.kind === "closing-materials" && k.stoppedOn !== undefined) on = k.stoppedOn
  return on
}

/**
 * Computes the subsidies of the concluded cases and the worked shifts, keyed for the ledger, and
 * places them on the budget's lines. Cases are taken in id order, so the result does not depend
 * on the order given. A shift the standard cannot pay fails the run (duty standards are one row).
 *
 * @example
 * ```ts
 * import { Effect, Result } from "effect"
 * import { LedgerStore, subsidiesForLedger, type Budget } from "fayuan/budget"
 * import type { Case } from "fayuan/lifecycle"
 * import type { WorkedShift } from "fayuan/roster"
 * import { tables } from "fayuan/subsidy"
 * declare const budget: Budget
 * declare const cases: ReadonlyArray<Case>
 * declare const shifts: ReadonlyArray<WorkedShift>
 * const pay = Effect.gen(function* () {
 *   const run = Result.getOrThrow(subsidiesForLedger({ budget, catalogue: tables.panlong, cases, shifts }))
 *   return yield* (yield* LedgerStore).append(run.entries)
 * })
 * ```
 *
 * @category subsidies
 */
export const subsidiesForLedger = (input: SubsidyInput): Result.Result<SubsidyRun, UnplaceablePayable | CalculateError> => {
  const payables: Array<Payable> = []
  const unpaid: Array<Unpaid> = []
  let cases = 0
  for (const c of [...input.cases].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.region < b.region ? -1 : 1))) {
    const on = filedOn(c)
    if (on === undefined) continue
    const claim = claimFromCase(c, input.factsOf?.(c) ?? {})
    if (Result.isFailure(claim)) {
      unpaid.push({ caseId: c.id, reason: claim.failure.message })
      continue
    }
    const subsidy = calculateCase(input.catalogue, claim.success)
    if (Result.isFailure(subsidy)) {
      unpaid.push({ caseId: c.id, reason: subsidy.failure.message })
      continue
    }
    payables.push(...payablesOfCase(subsidy.success, { on, ...(c.lawyer === undefined ? {} : { lawyerId: c.lawyer.lawyerId }) }))
    cases++
  }
  let shifts = 0
  if (input.shifts.length > 0) {
    const duty = calculateDuty(input.catalogue, input.shifts)
    if (Result.isFailure(duty)) return Result.fail(duty.failure)
    const ps = payablesOfDuty(duty.success)
    payables.push(...ps)
    shifts = ps.length
  }
  const entries = entriesFromPayables(input.budget, payables, input.lineFor)
  if (Result.isFailure(entries)) return Result.fail(entries.failure)
  return Result.succeed({ payables, entries: entries.success, unpaid, cases, shifts })
}
