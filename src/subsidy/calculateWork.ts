/**
 * The subsidies of duty shifts, consultation days and drafted documents, each at the standard in
 * force on its day, with every line.
 *
 * @since 0.1.0
 */
import { Result } from "effect"
import * as CalendarDate from "../CalendarDate.ts"
import * as Money from "../Money.ts"
import * as Ratio from "../Ratio.ts"
import * as Region from "../Region.ts"
import type { Slot } from "../roster/Roster.ts"
import type { WorkedShift } from "../roster/Store.ts"
import type { Catalogue } from "./Catalogue.ts"
import type { Compiled } from "./compiled.ts"
import { entriesFor, inForce } from "./Catalogue.ts"
import { WorkClaim } from "./Claim.ts"
import type { CalculateError, DutyDay, DutyLine, DutySubsidies, Line, Subsidy } from "./Subsidy.ts"
import { InvalidClaim, NoStandardInForce, NotCovered } from "./Subsidy.ts"
import { allocate } from "./fromCase.ts"
import { labels, line, noNotes } from "./labels.ts"

// ---------------------------------------------------------------------------------------------
// Duty shifts, consultation days, documents

/** The standard in force on `date` for `region` or above, whatever the region's date rule. */
const onDay = (catalogue: Catalogue, region: Region.RegionCode, date: CalendarDate.CalendarDate): Compiled | undefined => {
  const chain = entriesFor(catalogue, region)
  for (let i = 0; i < chain.length; i++) {
    const c = inForce(chain[i]!.list, date)
    if (c !== undefined) return c
  }
  return undefined
}

const slotRank = (slot: Slot): number => (slot === "full" ? 0 : slot === "am" ? 1 : 2)

const compareShifts = (a: WorkedShift, b: WorkedShift): number =>
  a.lawyerId !== b.lawyerId
    ? a.lawyerId < b.lawyerId ? -1 : 1
    : a.date !== b.date
      ? a.date < b.date ? -1 : 1
      : a.region !== b.region
        ? a.region < b.region ? -1 : 1
        : a.slot !== b.slot
          ? slotRank(a.slot) - slotRank(b.slot)
          : a.siteId !== b.siteId
            ? a.siteId < b.siteId ? -1 : 1
            : a.seat - b.seat

/**
 * Computes duty subsidies for worked shifts, one entry per lawyer, day and region, with a line per
 * shift. A full-day shift is paid the day rate (or two half-day rates when the standard has only
 * those); a half-day shift the half-day rate (or half the day rate, rounded by the standard). When
 * one lawyer works a morning and an afternoon of the same day, the two are **paid as one day** at
 * the day rate (split between the two lines, the odd fen to the morning), because a per-day rate
 * pays a day's work; without a day rate each half is paid as a half. The order of the list does
 * not matter.
 *
 * @example
 * ```ts
 * import { CalendarDate, Region } from "fayuan"
 * import { calculateDuty, tables } from "fayuan/subsidy"
 * const shift = { region: Region.makeUnsafe("530103"), date: CalendarDate.makeUnsafe("2018-05-02"), siteId: "court", seat: 0, lawyerId: "L1" }
 * calculateDuty(tables.panlong, [{ ...shift, slot: "am" }, { ...shift, slot: "pm" }]) // one day, ¥200.00, in two lines
 * ```
 * @category calculation
 * @since 0.1.0
 */
export const calculateDuty = (
  catalogue: Catalogue,
  shifts: ReadonlyArray<WorkedShift>
): Result.Result<DutySubsidies, NoStandardInForce | NotCovered> => {
  const sorted = [...shifts].sort(compareShifts)
  const days: Array<DutyDay> = []
  let total = 0
  let i = 0
  const amounts: Array<number> = []
  const rows: Array<string> = []
  const details: Array<string> = []
  const ams: Array<number> = []
  const pms: Array<number> = []
  while (i < sorted.length) {
    const first = sorted[i]!
    let j = i + 1
    while (j < sorted.length && sorted[j]!.lawyerId === first.lawyerId && sorted[j]!.date === first.date && sorted[j]!.region === first.region) j++
    const c = onDay(catalogue, first.region, first.date)
    if (c === undefined) return Result.fail(new NoStandardInForce({ region: first.region, date: first.date, dateRule: "worked-on" }))
    const { day, half } = c.duty
    if (day === undefined && half === undefined) return Result.fail(new NotCovered({ standardId: c.ref.id, need: "duty shifts" }))
    const text = c.dutyText
    const n = j - i
    ams.length = 0
    pms.length = 0
    for (let k = 0; k < n; k++) {
      const s = sorted[i + k]!
      if (s.slot === "am") ams.push(k)
      else if (s.slot === "pm") pms.push(k)
      else if (day !== undefined) {
        amounts[k] = day.amount
        rows[k] = day.id
        details[k] = text.day
      } else {
        amounts[k] = 2 * half!.amount
        rows[k] = half!.id
        details[k] = text.twoHalves
      }
    }
    const paired = day === undefined ? 0 : Math.min(ams.length, pms.length)
    for (let p = 0; p < paired; p++) {
      const a = ams[p]!
      const b = pms[p]!
      // Money.splitEvenly puts the odd fen first: to the morning.
      const [morning, afternoon] = Result.getOrThrow(Money.splitEvenly(day!.amount, 2))
      amounts[a] = morning!
      amounts[b] = afternoon!
      rows[a] = rows[b] = day!.id
      details[a] = details[b] = text.pair
    }
    for (let q = 0; q < ams.length + pms.length - 2 * paired; q++) {
      const k = q < ams.length - paired ? ams[paired + q]! : pms[paired + q - (ams.length - paired)]!
      if (half !== undefined) {
        amounts[k] = half.amount
        rows[k] = half.id
        details[k] = text.half
      } else {
        amounts[k] = text.halfOfDayAmount
        rows[k] = day!.id
        details[k] = text.halfOfDay
      }
    }
    let dayTotal = 0
    const lines = new Array<DutyLine>(n)
    for (let k = 0; k < n; k++) {
      const s = sorted[i + k]!
      dayTotal += amounts[k]!
      lines[k] = {
        code: "duty",
        label: s.slot === "full" ? labels.dutyDay : labels.dutyHalf,
        rowId: rows[k]!,
        standardId: c.ref.id,
        effectiveFrom: c.from,
        amount: amounts[k]! as Money.Fen,
        detail: details[k]!,
        shift: { siteId: s.siteId, slot: s.slot, seat: s.seat }
      }
    }
    total += dayTotal
    days.push({ lawyerId: first.lawyerId, region: first.region, date: first.date, amount: dayTotal as Money.Fen, lines, standard: c.ref })
    i = j
  }
  return Result.succeed({ amount: total as Money.Fen, days, dateRule: "worked-on" })
}

/**
 * Computes the subsidy for consultation days (day rate, or two half-day rates; half-days at the
 * half-day rate, or half the day rate rounded by the standard) or for drafted documents (per
 * item), under the standard in force on `on`.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { calculateWork, decodeWorkClaim, tables } from "fayuan/subsidy"
 * const claim = Result.getOrThrow(decodeWorkClaim({ kind: "documents", ref: "D-7", region: "530103", on: "2018-05-31", count: 2 }))
 * Result.getOrThrow(calculateWork(tables.panlong, claim)).amount // 20000
 * ```
 * @category calculation
 * @since 0.1.0
 */
export const calculateWork = (catalogue: Catalogue, claim: WorkClaim): Result.Result<Subsidy, CalculateError> => {
  const c = onDay(catalogue, claim.region, claim.on)
  if (c === undefined) return Result.fail(new NoStandardInForce({ region: claim.region, date: claim.on, dateRule: "worked-on" }))
  const lines: Array<Line> = []
  if (claim.kind === "documents") {
    const row = c.document
    if (row === undefined) return Result.fail(new NotCovered({ standardId: c.ref.id, need: "drafted documents" }))
    lines.push(line("document", labels.document, row.id, c, claim.count * row.amount, `${claim.count} × ${Money.format(row.amount)}`))
  } else {
    const { day, half } = c.consultation
    if (day === undefined && half === undefined) return Result.fail(new NotCovered({ standardId: c.ref.id, need: "consultation days" }))
    if (claim.days > 0) {
      if (day !== undefined) lines.push(line("consultation", labels.consultationDay, day.id, c, claim.days * day.amount, `${claim.days} × ${Money.format(day.amount)} per day`))
      else lines.push(line("consultation", labels.consultationDay, half!.id, c, claim.days * 2 * half!.amount, `${claim.days} × 2 × ${Money.format(half!.amount)} per half-day`))
    }
    const halves = claim.halfDays ?? 0
    if (halves > 0) {
      if (half !== undefined) lines.push(line("consultation", labels.consultationHalf, half.id, c, halves * half.amount, `${halves} × ${Money.format(half.amount)} per half-day`))
      else {
        const each = Money.multiply(day!.amount as Money.Fen, Ratio.makeUnsafe(1, 2), c.standard.rounding)
        lines.push(line("consultation", labels.consultationHalf, day!.id, c, halves * each, `${halves} × half of ${Money.format(day!.amount)} per day (${c.standard.rounding})`))
      }
    }
  }
  let total = 0
  for (const l of lines) total += l.amount
  const subsidy: { -readonly [K in keyof Subsidy]: Subsidy[K] } = {
    subject: claim.kind === "documents" ? { kind: "documents", ref: claim.ref } : { kind: "consultation", ref: claim.ref },
    region: claim.region,
    amount: total as Money.Fen,
    lines,
    standard: c.ref,
    dateRule: "worked-on",
    date: claim.on,
    notes: noNotes
  }
  if (claim.lawyers !== undefined && claim.lawyers.length > 0) {
    const parts = allocate(subsidy, claim.lawyers)
    if (Result.isFailure(parts)) return Result.fail(new InvalidClaim({ issues: [{ path: "lawyers", reason: parts.failure.message }] }))
    subsidy.allocations = parts.success
  }
  return Result.succeed(subsidy)
}
