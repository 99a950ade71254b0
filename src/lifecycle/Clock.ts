/**
 * Clocks on a date: met, missed, running or overdue, and the query "what is due or overdue on
 * date D" across many cases.
 *
 * @since 0.1.0
 */
import * as CalendarDate from "../CalendarDate.ts"
import type { Case, Clock } from "./Case.ts"
import type { ClockKind } from "./vocabulary.ts"

/**
 * A clock's status on a date:
 * - `met` / `missed`: stopped on or before / after its due date (hour clocks: within the hours);
 * - `cancelled`: stopped without counting (materials requested, application withdrawn);
 * - `running`: not stopped and not yet due; `due`: due that very day; `overdue`: past due.
 *
 * @category models
 */
export type ClockStatus = "met" | "missed" | "cancelled" | "running" | "due" | "overdue"

/**
 * The status of a clock on `on`.
 *
 * @example
 * import { clockStatus, type Case } from "fayuan/lifecycle"
 * declare const current: Case
 * const clock = current.clocks[0]!
 * clockStatus(clock, "2024-05-20") // "running", "due-today", "overdue", "met" or "missed" …
 *
 * @category clocks
 */
export const clockStatus = (clock: Clock, on: string): ClockStatus => {
  if (clock.met !== undefined) return clock.met ? "met" : "missed"
  if (clock.cancelledOn !== undefined && clock.cancelledOn <= on) return "cancelled"
  if (clock.stoppedOn !== undefined && clock.stoppedOn <= on) return clock.stoppedOn <= clock.dueOn ? "met" : "missed"
  if (on < clock.dueOn) return "running"
  return on === clock.dueOn ? "due" : "overdue"
}

/**
 * One clock that needs attention on a date.
 *
 * @category models
 */
export interface DueItem {
  readonly caseId: string
  readonly region: string
  readonly kind: ClockKind
  readonly status: "due" | "overdue" | "running"
  readonly dueOn: string
  /** Days from the date to the due date: negative when overdue. */
  readonly daysLeft: number
  readonly basis: string
  /** The due date is a Monday-to-Friday guess over days the work calendar does not cover. */
  readonly estimated?: true
}

/**
 * What is due or overdue on `on` across `cases`, most urgent first (then by case id and clock, so
 * the order does not depend on the input's). `within` also lists clocks due in the next days.
 *
 * @example
 * import { CalendarDate } from "fayuan"
 * import { dueOn, type Case } from "fayuan/lifecycle"
 * declare const cases: ReadonlyArray<Case>
 * dueOn(cases, CalendarDate.makeUnsafe("2024-05-20"), { within: 2 })
 *
 * @category clocks
 */
export const dueOn = (cases: Iterable<Case>, on: CalendarDate.CalendarDate, options?: { readonly within?: number }): ReadonlyArray<DueItem> => {
  const within = options?.within ?? 0
  const items: Array<DueItem> = []
  for (const c of cases) {
    for (const clock of c.clocks) {
      if (clock.startedOn > on) continue
      const status = clockStatus(clock, on)
      if (status !== "due" && status !== "overdue" && status !== "running") continue
      const daysLeft = CalendarDate.diffDays(on, clock.dueOn)
      if (status === "running" && daysLeft > within) continue
      const item = { caseId: c.id, region: c.region, kind: clock.kind, status, dueOn: clock.dueOn, daysLeft, basis: clock.basis }
      items.push(clock.estimated === true ? { ...item, estimated: true } : item)
    }
  }
  return items.sort((a, b) => a.daysLeft - b.daysLeft || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0))
}

/**
 * Timeliness of a kind of clock over cases: clocks met, missed, still open, and the rate met ÷
 * (met + missed) as an exact fraction. Cancelled clocks do not count.
 *
 * @category clocks
 */
export const timeliness = (
  cases: Iterable<Case>,
  kind: ClockKind,
  on: string
): { readonly met: number; readonly missed: number; readonly open: number; readonly rate?: { readonly numerator: number; readonly denominator: number } } => {
  let met = 0
  let missed = 0
  let open = 0
  for (const c of cases) {
    for (const clock of c.clocks) {
      if (clock.kind !== kind || clock.startedOn > on) continue
      const s = clockStatus(clock, on)
      if (s === "met") met++
      else if (s === "missed" || s === "overdue") missed++
      else if (s === "running" || s === "due") open++
    }
  }
  const total = met + missed
  return total === 0 ? { met, missed, open } : { met, missed, open, rate: { numerator: met, denominator: total } }
}
