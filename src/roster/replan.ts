/**
 * Re-planning after a change — a lawyer unavailable from a date (ill, on leave): pinned shifts and
 * shifts before `today` stay; the lawyer's later shifts are handed to others, each directly if
 * someone can take it, otherwise along the shortest chain of moves; nothing else moves. The
 * changes are listed.
 *
 * @since 0.1.0
 */
import * as CalendarDate from "../CalendarDate.ts"
import * as WorkCalendar from "../WorkCalendar.ts"
import type { Roster, RosterInput, Slot } from "./Roster.ts"
import { Board, report } from "./solve.ts"

/**
 * A lawyer's unavailability, from a date (to the end of the period unless `to` is given).
 *
 * @category models
 */
export interface Absence {
  readonly lawyerId: string
  readonly from: CalendarDate.CalendarDate
  readonly to?: CalendarDate.CalendarDate
}

/**
 * One seat whose lawyer changed (`from`/`to` absent when the seat was or stays unfilled).
 *
 * @category models
 */
export interface Change {
  readonly date: string
  readonly siteId: string
  readonly slot: Slot
  readonly seat: number
  readonly from?: string
  readonly to?: string
}

/**
 * Re-plans `roster` (made from `input`) after an absence, as of `today`.
 *
 * @example
 * import { CalendarDate } from "fayuan"
 * import { replan, type Roster, type RosterInput } from "fayuan/roster"
 * declare const input: RosterInput
 * declare const roster: Roster
 * const { roster: next, changes } = replan(input, roster, { lawyerId: "L07", from: CalendarDate.makeUnsafe("2018-06-11") }, CalendarDate.makeUnsafe("2018-06-10"))
 *
 * @category solving
 */
export const replan = (
  input: RosterInput,
  roster: Roster,
  absence: Absence,
  today: CalendarDate.CalendarDate,
  options: { readonly calendar?: WorkCalendar.WorkCalendar } = {}
): { readonly roster: Roster; readonly input: RosterInput; readonly changes: ReadonlyArray<Change> } => {
  const end = absence.to ?? input.period.to
  const days: Array<CalendarDate.CalendarDate> = []
  for (let d = absence.from; d <= end && d <= input.period.to; d = CalendarDate.addDays(d, 1)) days.push(d)
  const next: RosterInput = {
    ...input,
    lawyers: input.lawyers.map((l) => (l.id === absence.lawyerId ? { ...l, unavailable: [...new Set([...(l.unavailable ?? []), ...days])].sort() } : l))
  }
  // Build the board with the pins (a pin beyond the pattern adds its seat), then lay the rest of
  // the old roster on it.
  const board = new Board(next, options.calendar ?? WorkCalendar.china)
  const index = new Map(board.seats.map((seat, s) => [seat.key, s]))
  const lawyerIndex = new Map(board.lawyers.map((l) => [l.id, l.index]))
  const before = new Map<number, string>()
  const freed: Array<number> = []
  for (const a of roster.assignments) {
    const s = index.get(`${a.date}|${a.siteId}|${a.slot}|${a.seat}`)
    const l = lawyerIndex.get(a.lawyerId)
    if (s === undefined || l === undefined) continue
    before.set(s, a.lawyerId)
    if (board.holder[s]! >= 0) continue // pinned, already placed
    const fixed = a.pinned || a.date < today
    const absent = a.lawyerId === absence.lawyerId && a.date >= absence.from && a.date <= end
    if (absent && !fixed) {
      freed.push(s)
      continue
    }
    board.take(l, s)
    if (fixed) board.seats[s]!.pinnedTo = l
  }
  // Seats that were open and are still ahead may be filled now too.
  board.seats.forEach((seat, s) => {
    if (!before.has(s) && seat.date >= today) freed.push(s)
  })
  freed.sort((a, b) => board.seats[a]!.day - board.seats[b]!.day || a - b)
  for (const s of freed) if (board.holder[s] === -1) board.augment(s, 6, new Set())
  // A later chain can free a lawyer for a seat an earlier search left open: one greedy pass then
  // leaves no open seat ahead that someone can take (taking a seat never frees anyone).
  for (const s of freed) {
    const l = board.holder[s] === -1 ? board.bestFor(s) : -1
    if (l >= 0) board.take(l, s)
  }
  const changes: Array<Change> = []
  board.seats.forEach((seat, s) => {
    const was = before.get(s)
    const now = board.holder[s]! >= 0 ? board.lawyers[board.holder[s]!]!.id : undefined
    if (was === now) return
    const change: { -readonly [K in keyof Change]: Change[K] } = { date: seat.date, siteId: seat.siteId, slot: seat.slot, seat: seat.seat }
    if (was !== undefined) change.from = was
    if (now !== undefined) change.to = now
    changes.push(change)
  })
  // Keep the original pins marked as pinned in the output.
  const pinnedKeys = new Set(roster.assignments.filter((a) => a.pinned).map((a) => `${a.date}|${a.siteId}|${a.slot}|${a.seat}`))
  const out = report(board, input.period)
  return {
    roster: { ...out, assignments: out.assignments.map((a) => ({ ...a, pinned: pinnedKeys.has(`${a.date}|${a.siteId}|${a.slot}|${a.seat}`) })) },
    input: next,
    changes
  }
}
