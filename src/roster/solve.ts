/**
 * The duty-roster solver.
 *
 * 1. Every seat of every shift in the period is generated from the sites' patterns and the work
 *    calendar; pinned shifts are placed first and never move.
 * 2. Seats are filled scarcest first, each by the qualified lawyer who can take it with the lowest
 *    load, then the firm furthest below its quota, then the fewest shifts at that site and on that
 *    weekday, then preferences, then a seeded hash — never input order.
 * 3. A seat nobody can take is retried along augmenting paths (a lawyer takes it by handing one
 *    of their seats to someone who can take that, and so on; shortest first), so coverage is as
 *    high as the hard constraints allow when they are flow-shaped (one shift a day, or half days
 *    without full days). With a longer rest, or full and half days mixed, it is a heuristic.
 * 4. Loads are balanced along the same kind of paths: while some lawyer could pass a seat, through
 *    a chain of others, to a lawyer with at least two fewer, it is passed. When no such chain
 *    exists the loads are lexicographically minimal (largest first) for the flow-shaped
 *    constraints (qualification, availability, one shift a day, monthly maximum).
 *    Moves in balancing and refining can free a lawyer for an open seat: the phases repeat until
 *    no open seat can be taken as the roster stands.
 * 5. The certificate's lower bound is the smallest maximum load with which a relaxation (the
 *    qualification and availability constraints only) still covers as many seats: no roster can
 *    beat it. A firm whose share misses its quota by a whole seat or more is flagged, with the
 *    reason a relaxation proves (too few lawyers of the firm or of the others, or not without a
 *    larger maximum load) when it does.
 *
 * @since 0.1.0
 */
import * as CalendarDate from "../CalendarDate.ts"
import * as Region from "../Region.ts"
import * as WorkCalendar from "../WorkCalendar.ts"
import type { Assignment, FairnessCertificate, QuotaMiss, RosterInput, Roster, Slot, Unfilled } from "./Roster.ts"

const slotMask: { readonly [S in Slot]: number } = { full: 3, am: 1, pm: 2 }
const slotOrder: { readonly [S in Slot]: number } = { full: 0, am: 1, pm: 2 }

/** Defaults for the parameters a request may leave out. */
export const defaults = { maxPerMonth: 8, minDaysBetweenShifts: 1 } as const

interface SeatRec {
  readonly date: CalendarDate.CalendarDate
  readonly day: number
  readonly month: number
  readonly weekday: number
  readonly site: number
  readonly siteId: string
  readonly slot: Slot
  readonly mask: number
  readonly seat: number
  readonly key: string
  candidates: Array<number>
  pinnedTo: number
}

interface LawyerRec {
  readonly id: string
  readonly index: number
  readonly firm: number
  readonly maxPerMonth: number
  readonly unavailable: ReadonlySet<number>
  readonly preferredSites: ReadonlySet<string>
  readonly preferredWeekdays: ReadonlySet<number>
  load: number
  /** Bumped by every take and release: what was worked out from the lawyer's seats is stale when it moves. */
  version: number
  readonly days: Map<number, number>
  readonly months: Map<number, number>
  /** Shifts held at each site, by site index. */
  readonly sites: Int32Array
  readonly weekdays: Array<number>
  /** 1 where a site (by index) or a weekday is outside the lawyer's preferences (none: all 0). */
  readonly missSite: Uint8Array
  readonly missWeekday: Uint8Array
  readonly seats: Set<number>
}

/** A 32-bit FNV-1a hash of a string, mixed with the seed: the last tie-break. */
const hash = (seed: number, text: string): number => {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

const byId = <A extends { readonly id: string }>(a: A, b: A): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * The state of a roster being built: seats, lawyers, who holds what, and the moves.
 *
 * @category internals
 */
export class Board {
  readonly seats: Array<SeatRec> = []
  readonly lawyers: Array<LawyerRec> = []
  readonly holder: Array<number> = []
  readonly firmSeats: Array<number> = []
  readonly firmQuota: Array<{ readonly p: number; readonly q: number } | undefined> = []
  readonly firmIds: Array<string> = []
  readonly minGap: number
  /** For each site (by index), the lawyers who meet its requirements, whatever the day. */
  readonly qualified: ReadonlyArray<ReadonlyArray<number>>
  /** `isQualified[site][lawyer]`: 1 when the lawyer meets the site's requirements (the same as `qualified`, for lookup). */
  readonly isQualified: ReadonlyArray<Uint8Array>
  readonly seed: number
  total = 0
  /** The solver's budget: steps spent, the most allowed, the wall-clock deadline, and why it ran out. */
  steps = 0
  maxSteps = Infinity
  deadline = Infinity
  exhausted: "steps" | "time" | undefined

  /** Spends one step of the budget; `false` once it has run out (then the solver stops improving). */
  spend(): boolean {
    if (this.exhausted !== undefined) return false
    this.steps++
    if (this.steps > this.maxSteps) this.exhausted = "steps"
    else if ((this.steps & 1023) === 0 && Date.now() > this.deadline) this.exhausted = "time"
    return this.exhausted === undefined
  }

  constructor(input: RosterInput, calendar: WorkCalendar.WorkCalendar) {
    this.minGap = input.parameters?.minDaysBetweenShifts ?? defaults.minDaysBetweenShifts
    this.seed = input.seed ?? 0
    const monthlyMax = input.parameters?.maxPerMonth ?? defaults.maxPerMonth
    const sites = [...input.sites].sort(byId)
    const lawyers = [...input.lawyers].sort(byId)
    const firmIds = [...new Set([...(input.firms ?? []).map((f) => f.id), ...lawyers.map((l) => l.firmId)])].sort()
    const quotas = new Map((input.firms ?? []).map((f) => [f.id, f.quotaShare]))
    for (const id of firmIds) {
      this.firmIds.push(id)
      this.firmSeats.push(0)
      const q = quotas.get(id)
      this.firmQuota.push(q === undefined ? undefined : { p: q.numerator, q: q.denominator })
    }
    const firmIndex = new Map(firmIds.map((id, i) => [id, i]))
    lawyers.forEach((l, index) =>
      this.lawyers.push({
        id: l.id,
        index,
        firm: firmIndex.get(l.firmId)!,
        maxPerMonth: l.maxPerMonth ?? monthlyMax,
        unavailable: new Set((l.unavailable ?? []).map((d) => CalendarDate.toEpochDay(d))),
        preferredSites: new Set(l.preferredSites ?? []),
        preferredWeekdays: new Set(l.preferredWeekdays ?? []),
        load: 0,
        version: 0,
        days: new Map(),
        months: new Map(),
        sites: new Int32Array(sites.length),
        weekdays: [0, 0, 0, 0, 0, 0, 0, 0],
        missSite: Uint8Array.from(sites, (site) => (l.preferredSites !== undefined && l.preferredSites.length > 0 && !l.preferredSites.includes(site.id) ? 1 : 0)),
        missWeekday: Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7], (d) => (l.preferredWeekdays !== undefined && l.preferredWeekdays.length > 0 && !l.preferredWeekdays.includes(d) ? 1 : 0)),
        seats: new Set()
      })
    )
    // Who is qualified for each site, whatever the day.
    const qualified = (this.qualified = sites.map((site) =>
      lawyers.flatMap((l, i) =>
        Region.contains(site.region, l.region) &&
        l.yearsOfPractice >= (site.minYearsOfPractice ?? 0) &&
        (site.languages ?? []).every((lang) => (l.languages ?? []).includes(lang))
          ? [i]
          : []
      )
    ))
    this.isQualified = qualified.map((list) => {
      const bits = new Uint8Array(lawyers.length)
      for (const i of list) bits[i] = 1
      return bits
    })
    const from = CalendarDate.toEpochDay(input.period.from)
    const to = CalendarDate.toEpochDay(input.period.to)
    const pinsBySlot = new Map<string, Array<number>>()
    const lawyerIndex = new Map(lawyers.map((l, i) => [l.id, i]))
    const pins = [...(input.pinned ?? [])].sort((a, b) =>
      a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.siteId !== b.siteId ? (a.siteId < b.siteId ? -1 : 1) : a.slot !== b.slot ? slotOrder[a.slot] - slotOrder[b.slot] : a.lawyerId < b.lawyerId ? -1 : 1
    )
    for (const p of pins) {
      const k = `${p.date}|${p.siteId}|${p.slot}`
      const list = pinsBySlot.get(k)
      const li = lawyerIndex.get(p.lawyerId)!
      if (list === undefined) pinsBySlot.set(k, [li])
      else list.push(li)
    }
    const addSeat = (day: number, date: CalendarDate.CalendarDate, siteIndex: number, slot: Slot, seat: number, pinnedTo: number) => {
      const site = sites[siteIndex]!
      const candidates = qualified[siteIndex]!.filter((i) => !this.lawyers[i]!.unavailable.has(day))
      this.seats.push({
        date,
        day,
        month: Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)),
        weekday: CalendarDate.dayOfWeek(date),
        site: siteIndex,
        siteId: site.id,
        slot,
        mask: slotMask[slot],
        seat,
        key: `${date}|${site.id}|${slot}|${seat}`,
        candidates,
        pinnedTo
      })
      this.holder.push(-1)
    }
    for (let day = from; day <= to; day++) {
      const date = CalendarDate.fromEpochDay(day)
      const weekday = CalendarDate.dayOfWeek(date)
      sites.forEach((site, si) => {
        const open = (site.openFrom === undefined || date >= site.openFrom) && (site.openTo === undefined || date <= site.openTo)
        const staffed =
          open &&
          (site.days === "every-day" ||
            (calendar.isWorkingDay(date) && (site.days === undefined || site.days === "working-days" || site.days.includes(weekday))))
        const shifts = staffed ? [...site.shifts].sort((a, b) => slotOrder[a.slot] - slotOrder[b.slot]) : []
        const used = new Map<Slot, number>()
        for (const shift of shifts) {
          const pinned = pinsBySlot.get(`${date}|${site.id}|${shift.slot}`) ?? []
          for (let n = 0; n < shift.lawyersNeeded; n++) {
            const seat = (used.get(shift.slot) ?? 0) + n
            addSeat(day, date, si, shift.slot, seat, pinned[seat] ?? -1)
          }
          used.set(shift.slot, (used.get(shift.slot) ?? 0) + shift.lawyersNeeded)
        }
        // Pins beyond the pattern (an extra lawyer, a day the site is normally closed) add seats.
        for (const slot of ["full", "am", "pm"] as const) {
          const pinned = pinsBySlot.get(`${date}|${site.id}|${slot}`) ?? []
          for (let n = used.get(slot) ?? 0; n < pinned.length; n++) addSeat(day, date, si, slot, n, pinned[n]!)
        }
      })
    }
    for (let s = 0; s < this.seats.length; s++) {
      const p = this.seats[s]!.pinnedTo
      if (p >= 0) this.take(p, s)
    }
  }

  /** Can lawyer `l` take seat `s`, given everything they hold now? */
  canTake(l: number, s: number): boolean {
    const seat = this.seats[s]!
    const law = this.lawyers[l]!
    if (law.unavailable.has(seat.day)) return false
    if ((law.months.get(seat.month) ?? 0) >= law.maxPerMonth) return false
    if (this.minGap === 0) return ((law.days.get(seat.day) ?? 0) & seat.mask) === 0
    for (let d = seat.day - this.minGap + 1; d < seat.day + this.minGap; d++) if (law.days.has(d)) return false
    return true
  }

  take(l: number, s: number): void {
    const seat = this.seats[s]!
    const law = this.lawyers[l]!
    this.holder[s] = l
    law.load++
    law.version++
    law.days.set(seat.day, (law.days.get(seat.day) ?? 0) | seat.mask)
    law.months.set(seat.month, (law.months.get(seat.month) ?? 0) + 1)
    law.sites[seat.site]!++
    law.weekdays[seat.weekday]!++
    law.seats.add(s)
    this.firmSeats[law.firm]!++
    this.total++
  }

  release(s: number): void {
    const l = this.holder[s]!
    const seat = this.seats[s]!
    const law = this.lawyers[l]!
    this.holder[s] = -1
    law.load--
    law.version++
    let mask = 0
    law.seats.delete(s)
    for (const t of law.seats) if (this.seats[t]!.day === seat.day) mask |= this.seats[t]!.mask
    if (mask === 0) law.days.delete(seat.day)
    else law.days.set(seat.day, mask)
    law.months.set(seat.month, law.months.get(seat.month)! - 1)
    law.sites[seat.site]!--
    law.weekdays[seat.weekday]!--
    this.firmSeats[law.firm]!--
    this.total--
  }

  /** Compares two candidates for a seat by the soft goals, in priority order. */
  better(a: number, b: number, s: number): boolean {
    const la = this.lawyers[a]!
    const lb = this.lawyers[b]!
    if (la.load !== lb.load) return la.load < lb.load
    // Firm quota: the firm further below its share (seats × q − p × total) first.
    const qa = this.firmQuota[la.firm]
    const qb = this.firmQuota[lb.firm]
    const da = qa === undefined ? 0 : this.firmSeats[la.firm]! * qa.q - qa.p * this.total
    const db = qb === undefined ? 0 : this.firmSeats[lb.firm]! * qb.q - qb.p * this.total
    if (qa !== undefined && qb !== undefined && la.firm !== lb.firm) {
      // Compare the two deviations as fractions of their own denominators.
      const left = da * qb.q
      const right = db * qa.q
      if (left !== right) return left < right
    }
    const seat = this.seats[s]!
    const sa = la.sites[seat.site]!
    const sb = lb.sites[seat.site]!
    if (sa !== sb) return sa < sb
    const wa = la.weekdays[seat.weekday]!
    const wb = lb.weekdays[seat.weekday]!
    if (wa !== wb) return wa < wb
    const pa = (la.preferredSites.has(seat.siteId) ? 0 : 1) + (la.preferredWeekdays.has(seat.weekday) ? 0 : 1)
    const pb = (lb.preferredSites.has(seat.siteId) ? 0 : 1) + (lb.preferredWeekdays.has(seat.weekday) ? 0 : 1)
    if (pa !== pb) return pa < pb
    const ha = hash(this.seed, `${la.id}|${seat.key}`)
    const hb = hash(this.seed, `${lb.id}|${seat.key}`)
    return ha !== hb ? ha < hb : la.id < lb.id
  }

  /** The best candidate who can take `s` now, or -1. */
  bestFor(s: number): number {
    let best = -1
    for (const l of this.seats[s]!.candidates) {
      if (!this.canTake(l, s)) continue
      if (best < 0 || this.better(l, best, s)) best = l
    }
    return best
  }

  /**
   * Places seat `s` along an augmenting path: a candidate takes it directly, or takes it in
   * exchange for a seat of theirs (see {@link exchangeable}) that someone else places in turn —
   * the shortest such chain, of at most `depth` exchanges, never handing on a seat in `visited`.
   */
  augment(s: number, depth: number, visited: Set<number>): boolean {
    return this.chain([s], depth, visited, (t) => {
      const l = this.bestFor(t)
      return l < 0 ? [] : [l]
    })
  }

  /**
   * The seats `l` could hand on to take `s` in exchange, when they cannot take it as things
   * stand: the one seat too close to it (whose month, if full, must be the same), or, when only
   * the month is full, any seat of theirs in that month.
   */
  exchangeable(l: number, s: number): Array<number> {
    const seat = this.seats[s]!
    const law = this.lawyers[l]!
    if (law.unavailable.has(seat.day)) return []
    const inMonth = law.months.get(seat.month) ?? 0
    let clash = false
    if (this.minGap === 0) clash = ((law.days.get(seat.day) ?? 0) & seat.mask) !== 0
    else for (let d = seat.day - this.minGap + 1; d < seat.day + this.minGap && !clash; d++) clash = law.days.has(d)
    if (!clash) {
      if (inMonth !== law.maxPerMonth) return []
      return [...law.seats].filter((t) => this.seats[t]!.month === seat.month).sort((a, b) => a - b)
    }
    const near = [...law.seats].filter((t) => {
      const other = this.seats[t]!
      return this.minGap === 0 ? other.day === seat.day && (other.mask & seat.mask) !== 0 : Math.abs(other.day - seat.day) < this.minGap
    })
    if (near.length !== 1) return []
    return inMonth - (this.seats[near[0]!]!.month === seat.month ? 1 : 0) < law.maxPerMonth ? near : []
  }

  /**
   * Passes one seat along a chain from `u` to some lawyer with at least two fewer seats, if such a
   * chain exists (the shortest). Each lawyer on it takes one seat and hands on one: any of theirs
   * when they could take the seat anyway, or one they give in exchange (see {@link exchangeable}).
   */
  relieve(u: number): boolean {
    const target = this.lawyers[u]!.load - 2
    const seats = [...this.lawyers[u]!.seats].sort((a, b) => a - b)
    return this.chain(seats, Infinity, new Set(), (t) => this.seats[t]!.candidates.filter((y) => this.lawyers[y]!.load <= target && this.canTake(y, t)), true)
  }

  /**
   * Breadth first over seats handed on, from `starts` (seats handed on by their holders, or open
   * seats), until a lawyer proposed by `ends(t)` can take seat `t` as things stand; then the
   * chain is applied from its end, each move checked as it is made (a lawyer may appear on a
   * chain twice — a morning and an afternoon, two months — and the combination must still hold),
   * and undone if one fails. With `offerAll`, a lawyer who could take a seat but does not end the
   * chain may hand on any of theirs. Returns whether a chain was applied.
   */
  chain(starts: ReadonlyArray<number>, depth: number, visited: ReadonlySet<number>, ends: (t: number) => ReadonlyArray<number>, offerAll = false): boolean {
    // `handedFrom.get(t)`: the seat whose taker hands `t` on (-1 for a start).
    const handedFrom = new Map<number, number>()
    const level = new Map<number, number>()
    const queue: Array<number> = []
    const push = (t: number, s: number) => {
      if (this.seats[t]!.pinnedTo >= 0 || handedFrom.has(t) || visited.has(t)) return
      handedFrom.set(t, s)
      level.set(t, s < 0 ? 0 : level.get(s)! + 1)
      queue.push(t)
    }
    for (const t of starts) push(t, -1)
    const offered = new Set<number>()
    for (let head = 0; head < queue.length; head++) {
      if (!this.spend()) return false
      const s = queue[head]!
      for (const y of ends(s)) if (this.apply(y, s, handedFrom)) return true
      if (level.get(s)! >= depth) continue
      for (const y of this.seats[s]!.candidates) {
        // One step per candidate weighed: the work of a search grows with them.
        if (!this.spend()) return false
        // Every seat of a lawyer already offered on is in the queue: nothing new through them.
        if (offered.has(y) || this.holder[s] === y) continue
        if (this.canTake(y, s)) {
          if (!offerAll) continue
          offered.add(y)
          for (const t of [...this.lawyers[y]!.seats].sort((a, b) => a - b)) push(t, s)
        } else {
          for (const t of this.exchangeable(y, s)) push(t, s)
        }
      }
    }
    return false
  }

  /** Applies the chain ending with `y` taking `s`; if a move does not hold, undoes it all and returns false. */
  apply(y: number, s: number, handedFrom: ReadonlyMap<number, number>): boolean {
    const done: Array<readonly [number, number]> = []
    let taker = y
    for (let seat = s; seat >= 0 && taker >= 0; ) {
      const giver = this.holder[seat]!
      if (giver >= 0) this.release(seat)
      if (!this.canTake(taker, seat)) {
        if (giver >= 0) this.take(giver, seat)
        for (const [t, g] of done.reverse()) {
          this.release(t)
          if (g >= 0) this.take(g, t)
        }
        return false
      }
      this.take(taker, seat)
      done.push([seat, giver])
      taker = giver
      seat = handedFrom.get(seat)!
    }
    return true
  }
}

/**
 * The smallest maximum load with which the relaxation (qualification and availability only; the
 * pinned seats stay with their lawyers) covers `covered` seats: a lower bound no roster beats.
 */
const lowerBound = (board: Board, covered: number): number => {
  const n = board.lawyers.length
  if (covered === 0 || n === 0) return 0
  const pinnedLoad = new Array<number>(n).fill(0)
  const free: Array<number> = []
  board.seats.forEach((seat, s) => {
    if (seat.pinnedTo >= 0) pinnedLoad[seat.pinnedTo]!++
    else if (seat.candidates.length > 0) free.push(s)
  })
  const pinnedTotal = pinnedLoad.reduce((a, b) => a + b, 0)
  const need = covered - pinnedTotal
  const matches = (cap: number): number => {
    const holders: Array<Array<number>> = Array.from({ length: n }, () => [])
    let count = 0
    for (const s of free) {
      const seen = new Set<number>()
      const tryPlace = (seat: number): boolean => {
        // A candidate with room first: the search goes deep only when none has (the size of the
        // matching found is the same either way; this finds it without needless detours).
        for (const l of board.seats[seat]!.candidates) {
          if (!seen.has(l) && pinnedLoad[l]! + holders[l]!.length < cap) {
            seen.add(l)
            holders[l]!.push(seat)
            return true
          }
        }
        for (const l of board.seats[seat]!.candidates) {
          if (seen.has(l)) continue
          seen.add(l)
          if (pinnedLoad[l]! + holders[l]!.length < cap) {
            holders[l]!.push(seat)
            return true
          }
          for (let i = 0; i < holders[l]!.length; i++) {
            const other = holders[l]![i]!
            if (tryPlace(other)) {
              holders[l]![i] = seat
              return true
            }
          }
        }
        return false
      }
      if (tryPlace(s)) count++
      if (count >= need) return count
    }
    return count
  }
  let lo = Math.max(0, ...pinnedLoad, Math.ceil(covered / n))
  // The roster itself shows its own maximum load is reachable: the bound is at most that.
  let hi = Math.max(lo, board.lawyers.reduce((m, l) => Math.max(m, l.load), 0))
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (matches(mid) >= need) hi = mid
    else lo = mid + 1
  }
  return lo
}

/**
 * The most seats the lawyers `members` admits can hold at once in any roster where no lawyer's
 * load exceeds `maxLoad`: their pinned seats, plus a maximum flow of the other seats (those not
 * pinned to anyone else) to them through lawyer-days (one shift a day; two half days when
 * `minDaysBetweenShifts` is 0), lawyer-months (the monthly maximum) and lawyers (`maxLoad` less
 * their pins). An upper bound: it leaves out longer rests and a full day's overlap.
 */
const capacity = (board: Board, members: (l: number) => boolean, maxLoad = board.seats.length): number => {
  // Nodes: 0 source, 1 sink, then created on demand; edges in pairs (forward, residual).
  const to: Array<number> = []
  const cap: Array<number> = []
  const adj: Array<Array<number>> = [[], []]
  const node = () => adj.push([]) - 1
  const edge = (a: number, b: number, c: number) => {
    adj[a]!.push(to.length)
    to.push(b)
    cap.push(c)
    adj[b]!.push(to.length)
    to.push(a)
    cap.push(0)
  }
  const keyed = new Map<string, number>()
  const nodeFor = (key: string, onCreate: (n: number) => void) => {
    let n = keyed.get(key)
    if (n === undefined) {
      keyed.set(key, (n = node()))
      onCreate(n)
    }
    return n
  }
  const pins = board.lawyers.map(() => 0)
  for (const seat of board.seats) if (seat.pinnedTo >= 0) pins[seat.pinnedTo]!++
  const pinned = pins.reduce((n, k, l) => (members(l) ? n + k : n), 0)
  board.seats.forEach((seat) => {
    const ls = seat.pinnedTo >= 0 ? [] : seat.candidates.filter(members)
    if (ls.length === 0) return
    const n = node()
    edge(0, n, 1)
    for (const l of ls) {
      const lawyer = nodeFor(`l${l}`, (x) => edge(x, 1, Math.max(0, maxLoad - pins[l]!)))
      const month = nodeFor(`m${l}|${seat.month}`, (m) => edge(m, lawyer, board.lawyers[l]!.maxPerMonth))
      const day = nodeFor(`d${l}|${seat.day}`, (d) => edge(d, month, board.minGap === 0 ? 2 : 1))
      edge(n, day, 1)
    }
  })
  // Dinic: levels by breadth-first search, then blocking flows by depth-first search.
  let flow = 0
  for (;;) {
    const level = adj.map(() => -1)
    level[0] = 0
    const queue = [0]
    for (let h = 0; h < queue.length; h++) {
      for (const e of adj[queue[h]!]!) {
        if (cap[e]! > 0 && level[to[e]!]! < 0) {
          level[to[e]!] = level[queue[h]!]! + 1
          queue.push(to[e]!)
        }
      }
    }
    if (level[1]! < 0) return pinned + flow
    const next = adj.map(() => 0)
    const push = (v: number, f: number): number => {
      if (v === 1) return f
      for (; next[v]! < adj[v]!.length; next[v]!++) {
        const e = adj[v]![next[v]!]!
        if (cap[e]! <= 0 || level[to[e]!] !== level[v]! + 1) continue
        const got = push(to[e]!, Math.min(f, cap[e]!))
        if (got > 0) {
          cap[e]! -= got
          cap[e ^ 1]! += got
          return got
        }
      }
      return 0
    }
    for (let f = push(0, Infinity); f > 0; f = push(0, Infinity)) flow += f
  }
}

/**
 * The firms whose seats miss their quota, p × covered / q, by a whole seat or more, and why
 * ({@link capacity} proves the first two): the lawyers of the firm (when below) or of the other
 * firms (when above) cannot take enough seats in any roster; or not without a load above the
 * roster's largest; otherwise the quota, which only breaks ties between loads, found no move.
 */
const quotaMisses = (board: Board, maxLoad: number): Array<QuotaMiss> => {
  const total = board.total
  const misses: Array<QuotaMiss> = []
  board.firmQuota.forEach((quota, f) => {
    if (quota === undefined) return
    const seats = board.firmSeats[f]!
    // seats − p × total / q, scaled by q.
    const off = seats * quota.q - quota.p * total
    if (Math.abs(off) < quota.q) return
    const inFirm = (l: number) => board.lawyers[l]!.firm === f
    const below = off < 0
    // Below: the firm can hold at most `most`; above: the other firms at most `most`, so the firm holds at least total − most.
    const short = (most: number) => (below ? (most + 1) * quota.q <= quota.p * total : (total - most - 1) * quota.q >= quota.p * total)
    const whose = below ? inFirm : (l: number) => !inFirm(l)
    const most = capacity(board, whose)
    const reason = short(most)
      ? `not enough qualified, available lawyers of ${below ? "the firm" : "the other firms"}: they can take at most ${most} of the ${total} seats in any roster`
      : short(capacity(board, whose, maxLoad))
        ? `loads are balanced first: meeting the quota would raise the largest load above ${maxLoad}`
        : "loads are balanced first: the quota only breaks ties between loads, and no move toward it keeps the loads as balanced"
    misses.push({ firmId: board.firmIds[f]!, quota: `${quota.p}/${quota.q}`, share: `${seats}/${total}`, seats, reason })
  })
  return misses
}

const reasons = (board: Board, s: number): Unfilled => {
  const seat = board.seats[s]!
  const byReason: Record<string, number> = {}
  const count = (r: string) => void (byReason[r] = (byReason[r] ?? 0) + 1)
  let qualified = 0
  const candidates = new Set(seat.candidates)
  for (const law of board.lawyers) {
    if (!candidates.has(law.index)) {
      // Out because of the day only if they meet the site's requirements.
      if (law.unavailable.has(seat.day) && board.qualified[seat.site]!.includes(law.index)) count("unavailable that day")
      continue
    }
    qualified++
    if ((law.months.get(seat.month) ?? 0) >= law.maxPerMonth) count("at the monthly maximum")
    else if (!board.canTake(law.index, s)) count(board.minGap <= 1 ? "already on duty that day" : "too close to another of their shifts")
  }
  const reason =
    qualified === 0
      ? (byReason["unavailable that day"] ?? 0) > 0
        ? "every lawyer who meets the site's requirements is unavailable that day"
        : "no lawyer of the site's region meets its requirements"
      : "every qualified lawyer is already on duty then, too close to another shift, or at the monthly maximum"
  return { date: seat.date, siteId: seat.siteId, slot: seat.slot, seat: seat.seat, reason, byReason }
}

/** Builds the roster's output from a board. */
export const report = (board: Board, period: { readonly from: string; readonly to: string }): Roster => {
  const assignments: Array<Assignment> = []
  const unfilled: Array<Unfilled> = []
  board.seats.forEach((seat, s) => {
    const l = board.holder[s]!
    if (l >= 0) assignments.push({ date: seat.date, siteId: seat.siteId, slot: seat.slot, seat: seat.seat, lawyerId: board.lawyers[l]!.id, pinned: seat.pinnedTo >= 0 })
    else unfilled.push(reasons(board, s))
  })
  return { period, assignments, unfilled, certificate: certificate(board, assignments.length) }
}

const certificate = (board: Board, covered: number): FairnessCertificate => {
  const loads = board.lawyers.map((l) => ({ lawyerId: l.id, load: l.load }))
  const values = loads.map((l) => l.load)
  const maxLoad = values.length === 0 ? 0 : Math.max(...values)
  const minLoad = values.length === 0 ? 0 : Math.min(...values)
  // Lawyers with the same availability: qualified for exactly the same seats.
  const seatsOf: Array<Array<number>> = board.lawyers.map(() => [])
  board.seats.forEach((seat, s) => {
    for (const l of seat.candidates) seatsOf[l]!.push(s)
  })
  const profile = new Map<string, Array<number>>()
  board.lawyers.forEach((law) => {
    const key = `${seatsOf[law.index]!.join(",")}|${law.maxPerMonth}`
    const list = profile.get(key)
    if (list === undefined) profile.set(key, [law.index])
    else list.push(law.index)
  })
  const groups = [...profile.values()]
    .filter((g) => g.length > 1)
    .map((g) => {
      const ls = g.map((i) => board.lawyers[i]!.load)
      return { lawyers: g.map((i) => board.lawyers[i]!.id), spread: Math.max(...ls) - Math.min(...ls) }
    })
  const bound = lowerBound(board, covered)
  const quotas = board.firmQuota.some((q) => q !== undefined)
  const c: { -readonly [K in keyof FairnessCertificate]: FairnessCertificate[K] } = {
    loads,
    maxLoad,
    minLoad,
    groups,
    maxSpread: groups.reduce((m, g) => Math.max(m, g.spread), 0),
    lowerBound: bound,
    gap: maxLoad - bound
  }
  if (quotas) {
    c.firmShares = board.firmIds.map((firmId, i) => {
      const q = board.firmQuota[i]
      return q === undefined ? { firmId, seats: board.firmSeats[i]! } : { firmId, seats: board.firmSeats[i]!, quota: `${q.p}/${q.q}` }
    })
    c.quotaMisses = quotaMisses(board, maxLoad)
  }
  if (board.exhausted !== undefined) c.stoppedEarly = { reason: board.exhausted, steps: board.steps }
  return c
}

/**
 * Fills every open seat it can (greedy, then augmenting paths) and balances the loads. Balancing
 * and refining move seats between lawyers, and a move can free a lawyer for an open seat (with a
 * rest of two days, a shift moved from the day after an open seat to the day after that): the
 * three phases repeat until no open seat can be taken as the roster stands. Each repeat covers at
 * least one more seat (balancing and refining keep the number covered), so they end.
 */
export const fillAndBalance = (board: Board): void => {
  // Once the budget is spent only the greedy fill runs: it still leaves no seat that someone can
  // take as the roster stands, and each round takes at least one seat, so the loop ends.
  do {
    fill(board)
    if (board.exhausted === undefined) balance(board)
    if (board.exhausted === undefined) refine(board)
  } while (hasTakeableSeat(board))
}

/** Whether some open seat has a candidate who can take it as the roster stands. */
export const hasTakeableSeat = (board: Board): boolean => board.holder.some((l, s) => l === -1 && board.bestFor(s) >= 0)

/** Fills every open seat it can: greedy, scarcest first, then augmenting paths. */
export const fill = (board: Board): void => {
  const order = board.seats
    .map((seat, s) => ({ s, n: seat.candidates.length, seat }))
    .filter(({ s }) => board.holder[s] === -1)
    .sort((a, b) => a.n - b.n || a.seat.day - b.seat.day || a.seat.site - b.seat.site || slotOrder[a.seat.slot] - slotOrder[b.seat.slot] || a.seat.seat - b.seat.seat)
  for (const { s } of order) {
    const l = board.bestFor(s)
    if (l >= 0) board.take(l, s)
  }
  for (const { s } of order) {
    if (board.exhausted !== undefined) break
    if (board.holder[s] === -1 && board.seats[s]!.candidates.length > 0) board.augment(s, 6, new Set())
  }
}

/** Firm-quota deviation: Σ over firms with a quota of |seats × q − p × total| / q (exact rationals scaled by the common q). */
export const firmDeviation = (board: Board): number => {
  let sum = 0
  board.firmQuota.forEach((q, f) => {
    if (q !== undefined) sum += Math.abs(board.firmSeats[f]! * q.q - q.p * board.total) / q.q
  })
  return sum
}

/** Repetition and preferences of one lawyer: Σ shifts² per site and per weekday, plus seats outside their preferences. */
export const rotationCost = (board: Board, l: number): number => {
  const law = board.lawyers[l]!
  let cost = 0
  for (const n of law.sites) cost += n * n
  for (const n of law.weekdays) cost += n * n
  if (law.preferredSites.size > 0 || law.preferredWeekdays.size > 0) {
    for (const t of law.seats) {
      const seat = board.seats[t]!
      if (law.preferredSites.size > 0 && !law.preferredSites.has(seat.siteId)) cost += 1
      if (law.preferredWeekdays.size > 0 && !law.preferredWeekdays.has(seat.weekday)) cost += 1
    }
  }
  return cost
}

/**
 * After the loads are balanced, improves the lower goals without touching the sorted loads:
 * moving a seat from a lawyer to one with exactly one fewer keeps the multiset of loads, so it
 * is used to bring firms closer to their quotas; swapping two seats between lawyers keeps every
 * load, so it is used to reduce repetition of a site or weekday and unmet preferences. Each move
 * must strictly improve its goal without worsening a higher one; passes stop when none does.
 */
export const refine = (board: Board): void => {
  transferForQuotas(board)
  if (board.exhausted === undefined) swapForRotation(board)
}

/** Firm quotas, by transfers between lawyers one seat apart: the first half of {@link refine}. */
export const transferForQuotas = (board: Board): void => {
  const movable = (s: number) => board.seats[s]!.pinnedTo < 0 && board.holder[s]! >= 0
  // A firm's share of the deviation with `seats` seats (the total does not change when a seat moves).
  const share = (f: number, seats: number): number => {
    const q = board.firmQuota[f]
    return q === undefined ? 0 : Math.abs(seats * q.q - q.p * board.total) / q.q
  }
  if (board.firmQuota.some((q) => q !== undefined)) {
    for (let pass = 0; pass < 20; pass++) {
      let improved = false
      for (let s = 0; s < board.seats.length; s++) {
        if (!movable(s)) continue
        const a = board.holder[s]!
        const fa = board.lawyers[a]!.firm
        for (const b of board.seats[s]!.candidates) {
          if (!board.spend()) return
          const fb = board.lawyers[b]!.firm
          if (b === a || fb === fa || board.lawyers[b]!.load !== board.lawyers[a]!.load - 1) continue
          const before = share(fa, board.firmSeats[fa]!) + share(fb, board.firmSeats[fb]!)
          const after = share(fa, board.firmSeats[fa]! - 1) + share(fb, board.firmSeats[fb]! + 1)
          if (after >= before - 1e-9) continue
          board.release(s)
          if (board.canTake(b, s)) {
            board.take(b, s)
            improved = true
            break
          }
          board.take(a, s)
        }
      }
      if (!improved) break
    }
  }
}

/**
 * Rotation and preferences, by swaps that keep every load (and so every firm's share): the second
 * half of {@link refine}.
 */
export const swapForRotation = (board: Board): void => {
  const movable = (s: number) => board.seats[s]!.pinnedTo < 0 && board.holder[s]! >= 0
  // A swap gives seat s (a's) to b and seat t (b's) to a. For each lawyer the change in
  // Σ count² over sites and weekdays, plus unmet preferences: for a, with s going and t coming,
  //   (t.site ≠ s.site ? 2·(A[t.site] − A[s.site]) + 2 : 0) + (the same over weekdays) + miss(t) − miss(s)
  // and for b the mirror image. The terms of s are fixed while b's seats are weighed.
  //
  // With D = A − B over sites, Dw the same over weekdays and M(x) = missₐ(x) − miss_b(x), the
  // change is F(t) − F(s) + 4·[sites differ] + 4·[weekdays differ] with
  // F(x) = 2·D[x.site] + 2·Dw[x.weekday] + M(x), and 0 when both are the same: a swap that
  // changes anything changes it by at least F(t) − F(s) + 4, so no seat of b improves on s
  // unless 4 + min F over the seats of b's that a may take is below F(s). That minimum depends
  // only on a's and b's seats, so it is kept per pair until either moves: b is then passed over
  // in one step instead of one per seat of theirs, with the same swaps made in the same order.
  const lowest = new Map<number, { va: number; vb: number; min: number }>()
  const n = board.lawyers.length
  const F = (la: LawyerRec, lb: LawyerRec, x: SeatRec): number =>
    2 * (la.sites[x.site]! - lb.sites[x.site]!) +
    2 * (la.weekdays[x.weekday]! - lb.weekdays[x.weekday]!) +
    la.missSite[x.site]! + la.missWeekday[x.weekday]! - lb.missSite[x.site]! - lb.missWeekday[x.weekday]!
  const minF = (a: number, b: number): number => {
    const la = board.lawyers[a]!
    const lb = board.lawyers[b]!
    const key = a * n + b
    const cached = lowest.get(key)
    if (cached !== undefined && cached.va === la.version && cached.vb === lb.version) return cached.min
    let min = Infinity
    for (const t of lb.seats) if (movable(t) && mayTake(a, t)) min = Math.min(min, F(la, lb, board.seats[t]!))
    lowest.set(key, { va: la.version, vb: lb.version, min })
    return min
  }
  // Whether `l` is a candidate for seat `t` (qualified for its site, available that day).
  const mayTake = (l: number, t: number): boolean => {
    const seat = board.seats[t]!
    return board.isQualified[seat.site]![l] === 1 && !board.lawyers[l]!.unavailable.has(seat.day)
  }
  const buffer: Array<number> = []
  for (let pass = 0; pass < 2; pass++) {
    let improved = false
    for (let s = 0; s < board.seats.length; s++) {
      if (!movable(s)) continue
      const a = board.holder[s]!
      const seatS = board.seats[s]!
      const la = board.lawyers[a]!
      for (const b of seatS.candidates) {
        if (b === a || board.holder[s] !== a) continue
        if (!board.spend()) return
        const lb = board.lawyers[b]!
        if (minF(a, b) + 4 >= F(la, lb, seatS)) continue
        const aSite = la.sites[seatS.site]!
        const aDay = la.weekdays[seatS.weekday]!
        const bSite = lb.sites[seatS.site]!
        const bDay = lb.weekdays[seatS.weekday]!
        const missS = lb.missSite[seatS.site]! + lb.missWeekday[seatS.weekday]! - la.missSite[seatS.site]! - la.missWeekday[seatS.weekday]!
        // A copy (the loop releases and retakes seats), in the order they were taken: deterministic.
        buffer.length = 0
        for (const t of lb.seats) buffer.push(t)
        for (const t of buffer) {
          if (!board.spend()) return
          if (!movable(t)) continue
          const seatT = board.seats[t]!
          let d = missS + la.missSite[seatT.site]! + la.missWeekday[seatT.weekday]! - lb.missSite[seatT.site]! - lb.missWeekday[seatT.weekday]!
          if (seatT.site !== seatS.site) d += 2 * (la.sites[seatT.site]! - aSite) + 2 * (bSite - lb.sites[seatT.site]!) + 4
          if (seatT.weekday !== seatS.weekday) d += 2 * (la.weekdays[seatT.weekday]! - aDay) + 2 * (bDay - lb.weekdays[seatT.weekday]!) + 4
          if (d >= 0 || !mayTake(a, t)) continue
          board.release(s)
          board.release(t)
          if (board.canTake(a, t) && board.canTake(b, s)) {
            board.take(a, t)
            board.take(b, s)
            improved = true
            break
          }
          board.take(a, s)
          board.take(b, t)
        }
      }
    }
    if (!improved) break
  }
}

/** Relieves the most loaded lawyers until no chain can lower the largest loads any further. */
export const balance = (board: Board): void => {
  // Lawyers only trade seats within their component (lawyers linked by seats they could both
  // take): each component is balanced on its own.
  for (const component of components(board)) {
    // Top load level first: one search from every seat of every lawyer at that load, repeated
    // while it finds a chain; a level that fails costs one search, not one per lawyer. Sweeps
    // repeat until nothing moves (a lower level's moves can open a higher level's chain).
    for (let sweep = 0; sweep < 1_000; sweep++) {
      let moved = false
      const top = component.reduce((m, l) => Math.max(m, board.lawyers[l]!.load), 0)
      for (let k = top; k >= 2; k--) {
        for (;;) {
          const starts = component
            .filter((l) => board.lawyers[l]!.load === k)
            .flatMap((l) => [...board.lawyers[l]!.seats])
            .sort((a, b) => a - b)
          if (starts.length === 0) break
          const ends = (t: number) => board.seats[t]!.candidates.filter((y) => board.lawyers[y]!.load <= k - 2 && board.canTake(y, t))
          if (!board.chain(starts, Infinity, new Set(), ends, true)) break
          moved = true
        }
      }
      if (!moved || board.exhausted !== undefined) break
    }
  }
}

/** Groups of lawyers connected through seats they are qualified for (union-find), in id order. */
const components = (board: Board): ReadonlyArray<ReadonlyArray<number>> => {
  const parent = board.lawyers.map((_, i) => i)
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!
      x = parent[x]!
    }
    return x
  }
  for (const seat of board.seats) {
    const [first, ...rest] = seat.candidates
    if (first === undefined) continue
    for (const other of rest) {
      const a = find(first)
      const b = find(other)
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b)
    }
  }
  const groups = new Map<number, Array<number>>()
  board.lawyers.forEach((_, i) => {
    const root = find(i)
    const g = groups.get(root)
    if (g === undefined) groups.set(root, [i])
    else g.push(i)
  })
  return [...groups.values()]
}

/**
 * Solves a roster: every hard constraint met, loads balanced (largest first), ties settled by the
 * firm quotas, rotation and preferences; deterministic for a seed whatever the order of inputs.
 *
 * @example
 * import { Result } from "effect"
 * import { decodeRosterInput, solve } from "fayuan/roster"
 * declare const json: unknown // the roster input as the host received it
 * const roster = solve(Result.getOrThrow(decodeRosterInput(json)))
 * roster.certificate // { maxLoad, lowerBound, gap, … }
 *
 * @category solving
 */
export const solve = (input: RosterInput, options: SolveOptions = {}): Roster => {
  const board = new Board(input, options.calendar ?? WorkCalendar.china)
  board.maxSteps = options.maxSteps ?? defaultMaxSteps
  if (options.timeLimitMs !== undefined) board.deadline = Date.now() + options.timeLimitMs
  fillAndBalance(board)
  return report(board, input.period)
}

/**
 * The steps `solve` spends at most by default (a step is one candidate weighed in a search or
 * a swap): the Panlong year needs some 60,000, a province-year (130 counties, 2,000 lawyers, 42,885
 * seats) some 23 million; a larger or harder input stops here, after half a minute or so on a
 * 2-core machine, with its certificate. A host answering requests passes `timeLimitMs` as well.
 */
export const defaultMaxSteps = 150_000_000

/**
 * Options of {@link solve}: the work calendar, and the budget — `maxSteps` (deterministic: the
 * same input and budget give the same roster; default {@link defaultMaxSteps}) and `timeLimitMs`
 * (wall clock, for a worker that must answer in time). When either runs out the solver stops
 * balancing and refining, fills what it can greedily, and says so in the certificate
 * (`stoppedEarly`, with the gap to the proven bound).
 *
 * @category solving
 */
export interface SolveOptions {
  readonly calendar?: WorkCalendar.WorkCalendar
  readonly maxSteps?: number
  readonly timeLimitMs?: number
}
