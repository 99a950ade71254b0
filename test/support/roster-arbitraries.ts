/**
 * Roster test support: instance arbitraries, and an independent model of the roster problem —
 * seat enumeration, the hard constraints, and an exhaustive search for small instances — written
 * without the solver's code (dates are computed with `Date.UTC`, qualification by prefix; only
 * the work calendar, which is not under test here, is the library's).
 */
import { Result } from "effect"
import fc from "fast-check"
import type { CalendarDate } from "../../src/CalendarDate.ts"
import type { Roster, RosterInput, Slot } from "../../src/roster/Roster.ts"
import { decodeRosterInput } from "../../src/roster/Roster.ts"
import * as WorkCalendar from "../../src/WorkCalendar.ts"
import { expect } from "vitest"

// ---------------------------------------------------------------------------------------------
// Dates, independently of CalendarDate.

const DAY_MS = 86_400_000
/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export const epochDay = (date: string): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS
/** The `YYYY-MM-DD` date of an epoch day. */
export const dateOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10)
/** 1 = Monday … 7 = Sunday. */
export const weekdayOf = (date: string): number => ((new Date(epochDay(date) * DAY_MS).getUTCDay() + 6) % 7) + 1
/** Every date from `from` to `to`, inclusive. */
export const datesBetween = (from: string, to: string): Array<string> => {
  const out: Array<string> = []
  for (let d = epochDay(from); d <= epochDay(to); d++) out.push(dateOf(d))
  return out
}

// ---------------------------------------------------------------------------------------------
// The model.

const masks: Record<Slot, number> = { full: 3, am: 1, pm: 2 }

/** One seat as the model sees it. */
export interface ModelSeat {
  readonly date: string
  readonly day: number
  readonly month: string
  readonly siteId: string
  readonly slot: Slot
  readonly mask: number
  /** Lawyers qualified for the site and available that day. */
  readonly candidates: ReadonlyArray<string>
  readonly pinned: string | undefined
}

type Lawyer = RosterInput["lawyers"][number]
type Site = RosterInput["sites"][number]

export const qualifies = (site: Site, lawyer: Lawyer): boolean =>
  (site.region === "000000" || lawyer.region.startsWith(site.region)) &&
  lawyer.yearsOfPractice >= (site.minYearsOfPractice ?? 0) &&
  (site.languages ?? []).every((lang) => (lawyer.languages ?? []).includes(lang))

export const monthlyMax = (input: RosterInput, lawyer: Lawyer): number => lawyer.maxPerMonth ?? input.parameters?.maxPerMonth ?? 8
export const gapOf = (input: RosterInput): number => input.parameters?.minDaysBetweenShifts ?? 1

/** Whether a date is a working day: the calendar the solver uses by default (the China calendar). */
export const chinaWorkingDay = (date: string): boolean => WorkCalendar.china.isWorkingDay(date as CalendarDate)

/**
 * Every seat of the period: the sites' patterns ("working-days" by default, "every-day", or
 * weekdays that are working days, within `openFrom`..`openTo`), with pins laid on the seats of
 * their slot and extra seats for pins beyond it.
 */
export const modelSeats = (input: RosterInput, isWorkingDay: (date: string) => boolean = chinaWorkingDay): Array<ModelSeat> => {
  const seats: Array<ModelSeat> = []
  const pins = input.pinned ?? []
  for (const date of datesBetween(input.period.from, input.period.to)) {
    const weekday = weekdayOf(date)
    for (const site of input.sites) {
      const open = (site.openFrom === undefined || date >= site.openFrom) && (site.openTo === undefined || date <= site.openTo)
      const staffed =
        open &&
        (site.days === "every-day" ||
          (isWorkingDay(date) && (site.days === undefined || site.days === "working-days" || (site.days as ReadonlyArray<number>).includes(weekday))))
      const candidates = input.lawyers.filter((l) => qualifies(site, l) && !((l.unavailable ?? []) as ReadonlyArray<string>).includes(date)).map((l) => l.id)
      for (const slot of ["full", "am", "pm"] as const) {
        const needed = staffed ? site.shifts.filter((s) => s.slot === slot).reduce((n, s) => n + s.lawyersNeeded, 0) : 0
        const pinned = pins.filter((p) => p.date === date && p.siteId === site.id && p.slot === slot).map((p) => p.lawyerId)
        for (let n = 0; n < Math.max(needed, pinned.length); n++) {
          seats.push({ date, day: epochDay(date), month: date.slice(0, 7), siteId: site.id, slot, mask: masks[slot], candidates, pinned: pinned[n] })
        }
      }
    }
  }
  return seats
}

/** Whether one lawyer may hold both seats under the rest rule. */
export const compatible = (gap: number, a: { readonly day: number; readonly mask: number }, b: { readonly day: number; readonly mask: number }): boolean =>
  gap === 0 ? a.day !== b.day || (a.mask & b.mask) === 0 : Math.abs(a.day - b.day) >= gap

/** The hard-constraint violations of a roster (pinned seats are the input's word, so a violation needs a seat that is not pinned). */
export const violations = (input: RosterInput, roster: Roster): Array<string> => {
  const out: Array<string> = []
  const gap = gapOf(input)
  const lawyers = new Map(input.lawyers.map((l) => [l.id, l]))
  const sites = new Map(input.sites.map((s) => [s.id, s]))
  const byLawyer = new Map<string, Array<Roster["assignments"][number]>>()
  for (const a of roster.assignments) {
    const list = byLawyer.get(a.lawyerId) ?? []
    list.push(a)
    byLawyer.set(a.lawyerId, list)
    if (a.pinned) continue
    const lawyer = lawyers.get(a.lawyerId)
    const site = sites.get(a.siteId)
    const where = `${a.lawyerId} at ${a.siteId} ${a.date} ${a.slot}#${a.seat}`
    if (lawyer === undefined || site === undefined) out.push(`${where}: unknown lawyer or site`)
    else {
      if (!qualifies(site, lawyer)) out.push(`${where}: not qualified`)
      if (((lawyer.unavailable ?? []) as ReadonlyArray<string>).includes(a.date)) out.push(`${where}: unavailable`)
    }
  }
  const seen = new Set<string>()
  for (const a of roster.assignments) {
    const k = `${a.date}|${a.siteId}|${a.slot}|${a.seat}`
    if (seen.has(k)) out.push(`${k}: assigned twice`)
    seen.add(k)
  }
  for (const [id, list] of byLawyer) {
    const lawyer = lawyers.get(id)
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!
        const b = list[j]!
        if (a.pinned && b.pinned) continue
        if (!compatible(gap, { day: epochDay(a.date), mask: masks[a.slot] }, { day: epochDay(b.date), mask: masks[b.slot] })) {
          out.push(`${id}: ${a.siteId} ${a.date} ${a.slot} and ${b.siteId} ${b.date} ${b.slot} break the rest rule (gap ${gap})`)
        }
      }
    }
    if (lawyer === undefined) continue
    const months = new Map<string, { all: number; free: number }>()
    for (const a of list) {
      const m = months.get(a.date.slice(0, 7)) ?? { all: 0, free: 0 }
      m.all++
      if (!a.pinned) m.free++
      months.set(a.date.slice(0, 7), m)
    }
    for (const [month, m] of months) {
      if (m.free > 0 && m.all > monthlyMax(input, lawyer)) out.push(`${id}: ${m.all} shifts in ${month} > ${monthlyMax(input, lawyer)}`)
    }
  }
  return out
}

/** Loads per lawyer id (every lawyer, zero included). */
export const loadsOf = (input: RosterInput, roster: Roster): Map<string, number> => {
  const loads = new Map(input.lawyers.map((l) => [l.id, 0]))
  for (const a of roster.assignments) loads.set(a.lawyerId, (loads.get(a.lawyerId) ?? 0) + 1)
  return loads
}

/** The best any roster can do on a small instance, by trying every assignment. */
export interface Exhaustive {
  /** The most seats any roster fills. */
  readonly coverage: number
  /** The smallest maximum load among rosters that fill `coverage` seats. */
  readonly maxLoad: number
  /** Among rosters with `coverage` seats, whether one gives every group a spread of at most 1. */
  readonly spreadFeasible: boolean
}

/**
 * The state an exhaustive search walks: each lawyer's seats, monthly counts and load, with the
 * pinned seats placed; `fits` checks the monthly maximum and the rest rule, `put`/`remove` move a
 * seat in and out (last in, first out).
 */
const searchBoard = (input: RosterInput, seats: ReadonlyArray<ModelSeat>) => {
  const gap = gapOf(input)
  const ids = input.lawyers.map((l) => l.id)
  const index = new Map(ids.map((id, i) => [id, i]))
  const max = input.lawyers.map((l) => monthlyMax(input, l))
  const held: Array<Array<ModelSeat>> = ids.map(() => [])
  const month: Array<Map<string, number>> = ids.map(() => new Map())
  const load = ids.map(() => 0)
  const put = (l: number, s: ModelSeat) => {
    held[l]!.push(s)
    month[l]!.set(s.month, (month[l]!.get(s.month) ?? 0) + 1)
    load[l]!++
  }
  const remove = (l: number, s: ModelSeat) => {
    held[l]!.pop()
    month[l]!.set(s.month, month[l]!.get(s.month)! - 1)
    load[l]!--
  }
  const fits = (l: number, s: ModelSeat) => (month[l]!.get(s.month) ?? 0) < max[l]! && held[l]!.every((t) => compatible(gap, s, t))
  let pinnedCount = 0
  for (const s of seats) {
    if (s.pinned === undefined) continue
    put(index.get(s.pinned)!, s)
    pinnedCount++
  }
  const free = seats.filter((s) => s.pinned === undefined).map((s) => ({ s, cands: s.candidates.map((id) => index.get(id)!) }))
  return { ids, index, load, put, remove, fits, pinnedCount, free }
}

/**
 * Tries every assignment (each seat: one of its candidates or nobody) that meets the hard
 * constraints, with pinned seats fixed. `groups` are lists of lawyer ids whose spread is asked
 * about. Meant for ≤ 8 seats and ≤ 4 lawyers.
 */
export const exhaustive = (input: RosterInput, seats: ReadonlyArray<ModelSeat>, groups: ReadonlyArray<ReadonlyArray<string>> = []): Exhaustive => {
  const { index, load, put, remove, fits, pinnedCount, free } = searchBoard(input, seats)
  const groupIdx = groups.map((g) => g.map((id) => index.get(id)!))
  let bestCoverage = -1
  let bestLoad = Infinity
  let bestSpread = false
  const spreadOk = () => groupIdx.every((g) => Math.max(...g.map((l) => load[l]!)) - Math.min(...g.map((l) => load[l]!)) <= 1)
  const go = (i: number, covered: number, maxLoad: number) => {
    if (covered + (free.length - i) < bestCoverage) return
    if (i === free.length) {
      const spread = spreadOk()
      if (covered > bestCoverage) {
        bestCoverage = covered
        bestLoad = maxLoad
        bestSpread = spread
      } else {
        bestLoad = Math.min(bestLoad, maxLoad)
        bestSpread ||= spread
      }
      return
    }
    const { s, cands } = free[i]!
    for (const l of cands) {
      if (!fits(l, s)) continue
      put(l, s)
      go(i + 1, covered + 1, Math.max(maxLoad, load[l]!))
      remove(l, s)
    }
    go(i + 1, covered, maxLoad)
  }
  go(0, pinnedCount, Math.max(0, ...load))
  return { coverage: bestCoverage, maxLoad: bestLoad, spreadFeasible: bestSpread }
}

/**
 * The most seats the lawyers in `members` hold in any roster that meets the hard constraints,
 * fills exactly `covered` seats and gives no lawyer more than `maxLoad`; -1 when there is no
 * such roster. By trying every assignment, like {@link exhaustive}.
 */
export const mostSeats = (input: RosterInput, seats: ReadonlyArray<ModelSeat>, members: ReadonlySet<string>, covered: number, maxLoad = Infinity): number => {
  const { ids, load, put, remove, fits, pinnedCount, free } = searchBoard(input, seats)
  if (load.some((n) => n > maxLoad)) return -1
  const base = seats.filter((s) => s.pinned !== undefined && members.has(s.pinned)).length
  let best = -1
  const go = (i: number, filled: number, mine: number) => {
    if (filled > covered || filled + (free.length - i) < covered) return
    if (i === free.length) {
      best = Math.max(best, mine)
      return
    }
    const { s, cands } = free[i]!
    for (const l of cands) {
      if (load[l]! >= maxLoad || !fits(l, s)) continue
      put(l, s)
      go(i + 1, filled + 1, mine + (members.has(ids[l]!) ? 1 : 0))
      remove(l, s)
    }
    go(i + 1, filled, mine)
  }
  go(0, pinnedCount, base)
  return best
}

/**
 * Lawyers who are interchangeable: candidates for exactly the same seats, with the same monthly
 * maximum, and no pins (a pin is a load the solver cannot move). Groups of two or more.
 */
export const interchangeable = (input: RosterInput, seats: ReadonlyArray<ModelSeat>): Array<Array<string>> => {
  const pinned = new Set((input.pinned ?? []).map((p) => p.lawyerId))
  const byProfile = new Map<string, Array<string>>()
  for (const l of input.lawyers) {
    if (pinned.has(l.id)) continue
    const key = `${seats.map((s, i) => (s.candidates.includes(l.id) ? i : "")).join(",")}|${monthlyMax(input, l)}`
    byProfile.set(key, [...(byProfile.get(key) ?? []), l.id])
  }
  return [...byProfile.values()].filter((g) => g.length > 1)
}

// ---------------------------------------------------------------------------------------------
// Arbitraries.

const decode = (raw: unknown): RosterInput => {
  const r = decodeRosterInput(raw)
  if (Result.isFailure(r)) throw new Error(r.failure.message)
  return r.success
}

/** Shapes of generated instances. */
export interface InstanceShape {
  readonly maxLawyers: number
  readonly maxSites: number
  readonly maxDays: number
  /** Trim the period (from its end) until at most this many seats remain. */
  readonly maxSeats?: number
  readonly gaps: ReadonlyArray<number>
  readonly maxPins: number
  readonly maxNeeded?: number
  readonly quotas?: boolean
  /** Only full-day shifts, or only half-day ones, in an instance (pins included). */
  readonly uniformSlots?: boolean
}

const languages = ["yi", "bai"] as const

const siteArb = (maxNeeded: number, dates: ReadonlyArray<string>, kinds: ReadonlyArray<Slot>) =>
  fc.record(
    {
      region: fc.constantFrom("5301", "530103"),
      days: fc.oneof(fc.constantFrom("working-days" as const, "every-day" as const), fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 })),
      shifts: fc.array(fc.record({ slot: fc.constantFrom(...kinds), lawyersNeeded: fc.integer({ min: 1, max: maxNeeded }) }), { minLength: 1, maxLength: 2 }),
      minYearsOfPractice: fc.constantFrom(0, 3),
      languages: fc.subarray([...languages], { maxLength: 1 }),
      openFrom: fc.constantFrom(...dates),
      openTo: fc.constantFrom(...dates)
    },
    { requiredKeys: ["region", "days", "shifts"] }
  )
  // A site opens before it closes (decoding rejects the reverse).
  .map((site) =>
    site.openFrom !== undefined && site.openTo !== undefined && site.openTo < site.openFrom ? { ...site, openFrom: site.openTo, openTo: site.openFrom } : site
  )

const lawyerArb = (dates: ReadonlyArray<string>) =>
  fc.record(
    {
      firmId: fc.constantFrom("F1", "F2", "F3"),
      region: fc.constantFrom("530103", "530102"),
      yearsOfPractice: fc.integer({ min: 0, max: 6 }),
      languages: fc.subarray([...languages]),
      unavailable: fc.subarray([...dates]),
      maxPerMonth: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 2 }), weight: 3 }, { arbitrary: fc.integer({ min: 0, max: 4 }), weight: 1 }),
      preferredSites: fc.subarray(["S0", "S1", "S2"]),
      preferredWeekdays: fc.subarray([1, 2, 3, 4, 5, 6, 7])
    },
    { requiredKeys: ["firmId", "region", "yearsOfPractice"] }
  )

/**
 * A roster request: up to `maxSites` sites on chosen weekdays, up to `maxLawyers` lawyers with
 * random qualifications, unavailable dates and maxima, a period of up to `maxDays` days around a
 * month end (so monthly maxima span two months), optional pins on generated seats.
 */
export const instance = (shape: InstanceShape): fc.Arbitrary<RosterInput> =>
  fc
    .record({
      // Around the National Day holiday (make-up weekend 09-29/30, days off 10-01..07, a month end)
      // or around the October/November month end.
      start: fc.oneof(fc.integer({ min: 0, max: 12 }).map((n) => dateOf(epochDay("2018-09-25") + n)), fc.integer({ min: 0, max: 9 }).map((n) => dateOf(epochDay("2018-10-24") + n))),
      days: fc.integer({ min: 1, max: shape.maxDays }),
      gap: fc.constantFrom(...shape.gaps),
      maxPerMonth: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
      seed: fc.integer(),
      nSites: fc.integer({ min: 1, max: shape.maxSites }),
      nLawyers: fc.integer({ min: 1, max: shape.maxLawyers }),
      kinds: shape.uniformSlots === true ? fc.constantFrom<ReadonlyArray<Slot>>(["full"], ["am", "pm"]) : fc.constant<ReadonlyArray<Slot>>(["full", "am", "pm"])
    })
    .chain(({ start, days, gap, maxPerMonth, seed, nSites, nLawyers, kinds }) => {
      const dates = datesBetween(start, dateOf(epochDay(start) + days - 1))
      return fc.record({
        dates: fc.constant(dates),
        kinds: fc.constant(kinds),
        gap: fc.constant(gap),
        maxPerMonth: fc.constant(maxPerMonth),
        seed: fc.constant(seed),
        sites: fc.array(siteArb(shape.maxNeeded ?? 2, dates, kinds), { minLength: nSites, maxLength: nSites }),
        lawyers: fc.array(lawyerArb(dates), { minLength: nLawyers, maxLength: nLawyers }),
        quotas: shape.quotas === true ? fc.option(fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 })), { nil: undefined }) : fc.constant(undefined)
      })
    })
    .map(({ dates, kinds, gap, maxPerMonth, seed, sites, lawyers, quotas }) => {
      const raw = {
        period: { from: dates[0]!, to: dates[dates.length - 1]! },
        sites: sites.map((s, i) => ({ id: `S${i}`, ...s })),
        lawyers: lawyers.map((l, i) => ({ id: `L${i}`, ...l })),
        ...(quotas === undefined
          ? {}
          : { firms: ["F1", "F2", "F3"].map((id, i) => ({ id, quotaShare: (quotas[i]! / (quotas[0] + quotas[1] + quotas[2])).toFixed(2) })) }),
        parameters: { minDaysBetweenShifts: gap, ...(maxPerMonth === undefined ? {} : { maxPerMonth }) },
        seed
      }
      let trimmed: typeof raw = raw
      if (shape.maxSeats !== undefined) {
        // Trim the period from its end until the seats fit (one day has at most 2 sites × 2 × 2 seats).
        while (modelSeats(decode(trimmed)).length > shape.maxSeats && trimmed.period.to > trimmed.period.from) {
          const to = dateOf(epochDay(trimmed.period.to) - 1)
          trimmed = {
            ...trimmed,
            period: { from: trimmed.period.from, to },
            lawyers: trimmed.lawyers.map((l) => (l.unavailable === undefined ? l : { ...l, unavailable: l.unavailable.filter((d) => d <= to) }))
          }
        }
      }
      return { raw: trimmed, kinds }
    })
    .chain(({ raw, kinds }) => {
      const input = decode(raw)
      if (shape.maxPins === 0) return fc.constant(input)
      // Pins on generated seats, and on any date, site and slot (beyond the pattern: a closed day, an extra lawyer).
      const seats = modelSeats(input).map((s) => ({ date: s.date, siteId: s.siteId, slot: s.slot }))
      const dates = datesBetween(input.period.from, input.period.to)
      const anywhere = fc.record({ date: fc.constantFrom(...dates), siteId: fc.constantFrom(...input.sites.map((s) => s.id)), slot: fc.constantFrom(...kinds) })
      const where = seats.length === 0 ? anywhere : fc.oneof({ arbitrary: fc.constantFrom(...seats), weight: 3 }, { arbitrary: anywhere, weight: 1 })
      return fc.array(fc.tuple(where, fc.constantFrom(...input.lawyers.map((l) => l.id))), { maxLength: shape.maxPins }).map((pins) => {
        // A lawyer is pinned at most once a date (pins are the input's word, but a sane one).
        const used = new Set<string>()
        const pinned: Array<{ date: string; siteId: string; slot: Slot; lawyerId: string }> = []
        for (const [seat, lawyerId] of pins) {
          if (used.has(`${seat.date}|${lawyerId}`)) continue
          used.add(`${seat.date}|${lawyerId}`)
          pinned.push({ ...seat, lawyerId })
        }
        return pinned.length === 0 ? input : decode({ ...raw, pinned })
      })
    })

/** Small instances for the exhaustive comparisons: ≤ 4 lawyers, ≤ 2 sites, ≤ 6 days, ≤ 8 seats. */
export const smallInstance = (
  gaps: ReadonlyArray<number>,
  options: { readonly maxPins?: number; readonly uniformSlots?: boolean; readonly quotas?: boolean } = {}
): fc.Arbitrary<RosterInput> =>
  instance({ maxLawyers: 4, maxSites: 2, maxDays: 6, maxSeats: 8, gaps, maxPins: options.maxPins ?? 2, uniformSlots: options.uniformSlots ?? false, quotas: options.quotas ?? false })

/** District-like instances for the safety properties: ≤ 10 lawyers, ≤ 3 sites, ≤ 21 days. */
export const mediumInstance = (gaps: ReadonlyArray<number> = [0, 1, 2], maxPins = 4): fc.Arbitrary<RosterInput> =>
  instance({ maxLawyers: 10, maxSites: 3, maxDays: 21, gaps, maxPins, maxNeeded: 2, quotas: true })

/** A permutation of a list, driven by a fast-check seed. */
export const shuffle = <A>(list: ReadonlyArray<A>, seed: number): Array<A> => {
  const out = [...list]
  let x = seed >>> 0 || 1
  for (let i = out.length - 1; i > 0; i--) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    x >>>= 0
    const j = x % (i + 1)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

/** The same request with every list shuffled: sites, lawyers, firms, pins, each site's shifts, each lawyer's dates and languages. */
export const shuffled = (input: RosterInput, seed: number): RosterInput => {
  let n = seed
  const next = () => (n = (Math.imul(n, 1_103_515_245) + 12_345) | 0)
  const raw = {
    ...input,
    sites: shuffle(input.sites, next()).map((s) => ({ ...s, shifts: shuffle(s.shifts, next()), ...(s.languages === undefined ? {} : { languages: shuffle(s.languages, next()) }) })),
    lawyers: shuffle(input.lawyers, next()).map((l) => ({
      ...l,
      ...(l.unavailable === undefined ? {} : { unavailable: shuffle(l.unavailable, next()) }),
      ...(l.languages === undefined ? {} : { languages: shuffle(l.languages, next()) }),
      ...(l.preferredSites === undefined ? {} : { preferredSites: shuffle(l.preferredSites, next()) })
    })),
    ...(input.firms === undefined ? {} : { firms: shuffle(input.firms, next()) }),
    ...(input.pinned === undefined ? {} : { pinned: shuffle(input.pinned, next()) })
  }
  return raw as RosterInput
}

/**
 * Every unfilled seat (from `from` on): each candidate (qualified, available that day) is at the
 * monthly maximum or too close to a shift they hold, and the reason says so.
 */
export const expectUnfilledExplained = (input: RosterInput, roster: Roster, from = ""): void => {
  const gap = input.parameters?.minDaysBetweenShifts ?? 1
  const seats = new Map(modelSeats(input).map((s) => [s.siteId + s.date + s.slot, s]))
  const held = new Map<string, Array<{ day: number; mask: number; month: string }>>()
  const mask = { full: 3, am: 1, pm: 2 } as const
  for (const a of roster.assignments) held.set(a.lawyerId, [...(held.get(a.lawyerId) ?? []), { day: epochDay(a.date), mask: mask[a.slot], month: a.date.slice(0, 7) }])
  for (const u of roster.unfilled) {
    if (u.date < from) continue
    expect(u.reason.length).toBeGreaterThan(0)
    const seat = seats.get(u.siteId + u.date + u.slot)!
    for (const id of seat.candidates) {
      const lawyer = input.lawyers.find((l) => l.id === id)!
      const mine = held.get(id) ?? []
      const full = mine.filter((t) => t.month === seat.month).length >= monthlyMax(input, lawyer)
      const clash = mine.some((t) => !compatible(gap, seat, t))
      expect(full || clash, `${id} could take ${keyOf(u)}`).toBe(true)
    }
    const site = input.sites.find((x) => x.id === u.siteId)!
    if (seat.candidates.length > 0) expect(u.reason).toMatch(/already on duty/)
    else if (input.lawyers.some((l) => qualifies(site, l))) expect(u.reason).toBe("every lawyer who meets the site's requirements is unavailable that day")
    else expect(u.reason).toBe("no lawyer of the site's region meets its requirements")
  }
}

/** A seat's key, `date|site|slot|seat`. */
export const keyOf = (a: { readonly date: string; readonly siteId: string; readonly slot: string; readonly seat: number }) => `${a.date}|${a.siteId}|${a.slot}|${a.seat}`
