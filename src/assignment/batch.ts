/**
 * Assigning many cases fast (a province-year in about a second), the rotation advancing as it
 * goes: a bitset engine over the pool that gives exactly what assigning one case at a time gives
 * (a property test says so), and the full account of any case in it.
 *
 * @since 0.1.0
 */
import * as Region from "../Region.ts"
import { CaseToAssign, Lawyer } from "./Input.ts"
import type { AssignOptions, Assignment, BatchResult, Exclusion, Filter, Placement, Unplaced } from "./Outcome.ts"
import { filters } from "./Outcome.ts"
import { compareKeys, fnv1a, lawyerHash, pairHash, safe } from "./rotation.ts"
import { filterName } from "./filters.ts"
import { assign, byId, recordAssignment } from "./assign.ts"

const noLists: ReadonlyArray<string> = []

/** Whether lawyer `i` is in every one of the lists. (A helper, so the hot loops capture nothing.) */
const inAll = (members: ReadonlyArray<Uint8Array>, i: number): boolean => {
  for (const m of members) if (m[i] !== 1) return false
  return true
}

interface IndexEntry {
  /** The lawyers (indices in id order) in the entry, ascending. */
  readonly list: Int32Array
  /** `member[i] === 1` when lawyer `i` is in the entry. */
  readonly member: Uint8Array
  /** The same as a bit set: bit `i & 31` of word `i >>> 5`. */
  readonly bits: Uint32Array
}

/** The number of bits set in a 32-bit word. */
const popcount = (word: number): number => {
  let x = word - ((word >>> 1) & 0x55555555)
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  x = (x + (x >>> 4)) & 0x0f0f0f0f
  return Math.imul(x, 0x01010101) >>> 24
}

/** Clears the bits of `bits` outside `pass`, and counts them. */
const sieve = (bits: Uint32Array, pass: Uint32Array): number => {
  let removed = 0
  for (let w = 0; w < bits.length; w++) {
    removed += popcount(bits[w]! & ~pass[w]!)
    bits[w] = bits[w]! & pass[w]!
  }
  return removed
}

const bitSet = (n: number, indices: Iterable<number>): Uint32Array => {
  const bits = new Uint32Array((n + 31) >>> 5)
  for (const i of indices) bits[i >>> 5] = bits[i >>> 5]! | (1 << (i & 31))
  return bits
}

// The fields of a slot in `Engine.slots`: eight 32-bit integers per lawyer.
const COUNT = 0
const WEIGHT = 1
const OPEN = 2
const HASH = 3
const YEARS = 4
const FLAGS = 5
const FIRM = 6
const LAWYER = 7
const STRIDE = 8
const MINORS_TRAINED = 1
const FULL = 2

/**
 * The pool precomputed for a run of cases.
 *
 * Lawyers are indexed in id order. Their figures sit in `slots`, one slot of eight integers per
 * lawyer, kept sorted by rotation position: lawyers at their cap last, then
 * `assignedCount / weight`, then open cases. `pos[i]` is lawyer `i`'s slot. A case walks the slots
 * from the front and stops at the end of the first run of equal lawyers that holds a qualified one;
 * when an indexed filter (specialty, language, region) leaves only a few lawyers, it scans that
 * filter's list instead. A lawyer who takes a case only moves back; they hop over each run of equal
 * lawyers by trading places with the run's last member, since order within a run does not matter
 * (the case's hash decides there).
 */
class Engine {
  readonly lawyers: ReadonlyArray<Lawyer>
  readonly n: number
  readonly slots: Int32Array
  readonly pos: Int32Array
  readonly cap: Float64Array
  readonly index = new Map<string, number>()
  /** Party → the firms (indices) with a lawyer acting for it. */
  readonly partyFirms = new Map<string, Array<number>>()
  readonly bySpecialty = new Map<string, IndexEntry>()
  readonly byLanguage = new Map<string, IndexEntry>()
  readonly byRegion = new Map<string, IndexEntry>()
  readonly empty: IndexEntry
  /** Every lawyer, as a bit set; the lawyers trained for minors; those below their cap (kept up to date). */
  readonly allBits: Uint32Array
  readonly minorsBits: Uint32Array
  readonly openBits: Uint32Array
  /** Lawyers with at least so many years of practice, by the number of years, made on first use. */
  readonly yearsBits = new Map<number, Uint32Array>()
  /** Firm (index) → its lawyers (indices). */
  readonly firmMembers: Array<Array<number>> = []
  readonly lawyerMark: Int32Array
  readonly firmMark: Int32Array
  /** Whether every count × weight product is a safe integer, so that keys compare in doubles. */
  exact = true
  maxCount = 0
  maxWeight = 1
  stamp = 0

  constructor(pool: ReadonlyArray<Lawyer>) {
    const sorted = [...pool].sort(byId)
    const n = sorted.length
    this.lawyers = sorted
    this.n = n
    this.slots = new Int32Array(n * STRIDE)
    this.pos = new Int32Array(n)
    this.cap = new Float64Array(n)
    this.lawyerMark = new Int32Array(n)
    this.empty = { list: new Int32Array(0), member: new Uint8Array(0), bits: bitSet(n, []) }
    const everyIndex = Array.from({ length: n }, (_, i) => i)
    this.allBits = bitSet(n, everyIndex)
    this.minorsBits = bitSet(n, everyIndex.filter((i) => sorted[i]!.minorsTrained))
    this.openBits = bitSet(n, everyIndex.filter((i) => sorted[i]!.openCases < sorted[i]!.maxOpenCases))
    const firms = new Map<string, number>()
    const specialties = new Map<string, Array<number>>()
    const languages = new Map<string, Array<number>>()
    const regions = new Map<string, Array<number>>()
    const add = (m: Map<string, Array<number>>, k: string, i: number) => {
      const list = m.get(k)
      if (list === undefined) m.set(k, [i])
      else if (list[list.length - 1] !== i) list.push(i)
    }
    const s = this.slots
    for (let i = 0; i < n; i++) {
      const l = sorted[i]!
      const full = l.openCases >= l.maxOpenCases
      let f = firms.get(l.firmId)
      if (f === undefined) firms.set(l.firmId, (f = firms.size))
      const at = i * STRIDE
      s[at + COUNT] = l.assignedCount
      s[at + WEIGHT] = l.weight ?? 1
      s[at + OPEN] = l.openCases
      s[at + HASH] = lawyerHash(l.id) | 0
      s[at + YEARS] = l.yearsOfPractice
      s[at + FLAGS] = (l.minorsTrained ? MINORS_TRAINED : 0) | (full ? FULL : 0)
      s[at + FIRM] = f
      s[at + LAWYER] = i
      ;(this.firmMembers[f] ??= []).push(i)
      this.cap[i] = l.maxOpenCases
      this.index.set(l.id, i)
      this.maxCount = Math.max(this.maxCount, l.assignedCount)
      this.maxWeight = Math.max(this.maxWeight, l.weight ?? 1)
      for (const p of l.actsFor ?? noLists) add(this.partyFirms, p, f)
      for (const x of l.specialties) add(specialties, x, i)
      for (const x of l.languages) add(languages, x, i)
      for (const r of Region.ancestors(l.region)) add(regions, r, i)
    }
    this.exact = this.maxCount * this.maxWeight <= safe
    this.firmMark = new Int32Array(firms.size)
    const build = (from: Map<string, Array<number>>, to: Map<string, IndexEntry>) => {
      for (const [k, list] of from) {
        const member = new Uint8Array(n)
        for (const i of list) member[i] = 1
        to.set(k, { list: Int32Array.from(list), member, bits: bitSet(n, list) })
      }
    }
    build(specialties, this.bySpecialty)
    build(languages, this.byLanguage)
    build(regions, this.byRegion)
    // Sort the slots into rotation order.
    const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => this.cmp(a, b))
    const unsorted = s.slice()
    order.forEach((from, to) => {
      s.set(unsorted.subarray(from * STRIDE, from * STRIDE + STRIDE), to * STRIDE)
      this.pos[from] = to
    })
  }

  /** Sign of the rotation position of slot `a` against slot `b`: full last, then key, then open cases. */
  cmp(a: number, b: number): number {
    const s = this.slots
    const x = a * STRIDE
    const y = b * STRIDE
    const full = (s[x + FLAGS]! & FULL) - (s[y + FLAGS]! & FULL)
    if (full !== 0) return full
    const key = this.exact
      ? s[x + COUNT]! * s[y + WEIGHT]! - s[y + COUNT]! * s[x + WEIGHT]!
      : compareKeys(s[x + COUNT]!, s[x + WEIGHT]!, s[y + COUNT]!, s[y + WEIGHT]!)
    return key !== 0 ? key : s[x + OPEN]! - s[y + OPEN]!
  }

  /** The lawyer `i` with the counts as they now stand. */
  current(i: number): Lawyer {
    const l = this.lawyers[i]!
    const at = this.pos[i]! * STRIDE
    const assignedCount = this.slots[at + COUNT]!
    const openCases = this.slots[at + OPEN]!
    return l.assignedCount === assignedCount && l.openCases === openCases ? l : { ...l, assignedCount, openCases }
  }

  /** Records that lawyer `j` took a case, and moves their slot to its new place. */
  take(j: number): void {
    const { slots, pos, n } = this
    let hole = pos[j]!
    const at = hole * STRIDE
    const count = ++slots[at + COUNT]!
    const open = ++slots[at + OPEN]!
    if (open >= this.cap[j]!) {
      slots[at + FLAGS] = slots[at + FLAGS]! | FULL
      this.openBits[j >>> 5] = this.openBits[j >>> 5]! & ~(1 << (j & 31))
    }
    if (count > this.maxCount) {
      this.maxCount = count
      this.exact = this.maxCount * this.maxWeight <= safe
    }
    // The last slot after j's whose lawyer now comes before j.
    const target = this.lastBefore(hole + 1, n, hole, 0)
    if (target === hole) return
    const moving = slots.slice(at, at + STRIDE)
    while (hole < target) {
      // The run of equals just after the hole ends at `last`; its last member fills the hole.
      const last = this.lastBefore(hole + 2, target + 1, hole + 1, 1)
      slots.copyWithin(hole * STRIDE, last * STRIDE, last * STRIDE + STRIDE)
      pos[slots[hole * STRIDE + LAWYER]!] = hole
      hole = last
    }
    slots.set(moving, hole * STRIDE)
    pos[j] = hole
  }

  /**
   * The last slot in `[from - 1, to)` such that every slot from `from` to it compares below slot
   * `pivot` (`bound` 0) or not above it (`bound` 1); the slots are sorted. Gallops from `from`,
   * since lawyers move only a little way, then bisects.
   */
  private lastBefore(from: number, to: number, pivot: number, bound: 0 | 1): number {
    let lo = from
    let step = 1
    let hi = from
    while (hi < to && this.cmp(hi, pivot) < bound) {
      lo = hi + 1
      hi = from + step
      step *= 2
    }
    if (hi > to) hi = to
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.cmp(mid, pivot) < bound) lo = mid + 1
      else hi = mid
    }
    return lo - 1
  }

  /** Marks the lawyers in `ids` as excluded for the current case; how many it marked. */
  private mark(ids: ReadonlyArray<string> | undefined, stamp: number): number {
    if (ids === undefined) return 0
    let marked = 0
    for (const id of ids) {
      const i = this.index.get(id)
      if (i !== undefined) {
        this.lawyerMark[i] = stamp
        marked++
      }
    }
    return marked
  }

  /** The index of the lawyer the rotation picks for `c`, or -1 when nobody qualifies. */
  pick(c: CaseToAssign, dutyAdviserRule: boolean): number {
    const stamp = ++this.stamp
    let marked = this.mark(c.coDefendantLawyers, stamp) + this.mark(c.excludedLawyers, stamp)
    if (dutyAdviserRule) marked += this.mark(c.dutyAdvisedCoAccused, stamp)
    // Acting for an opposing party excludes the lawyer's whole firm (the lawyer included).
    if (c.opposingParties !== undefined) {
      for (const p of c.opposingParties) {
        const fs = this.partyFirms.get(p)
        if (fs === undefined) continue
        for (const f of fs) this.firmMark[f] = stamp
        marked += fs.length
      }
    }
    // The indexed filters: the shortest list, and membership in each.
    let shortest: Int32Array | undefined
    const members: Array<Uint8Array> = []
    const use = (entry: IndexEntry | undefined): void => {
      const e = entry ?? this.empty
      members.push(e.member)
      if (shortest === undefined || e.list.length < shortest.length) shortest = e.list
    }
    if (c.specialty !== undefined) use(this.bySpecialty.get(c.specialty))
    if (c.languages !== undefined) for (const x of c.languages) use(this.byLanguage.get(x))
    if (c.area !== undefined && c.area !== Region.national) use(this.byRegion.get(c.area))
    if (shortest !== undefined && shortest.length === 0) return -1
    const screen: Screening = {
      stamp,
      marked: marked > 0,
      minYears: c.requirements.lawyerMinYears ?? 0,
      minors: c.requirements.minorsSpecialist === true ? MINORS_TRAINED : 0,
      members,
      caseHash: fnv1a(c.caseId)
    }
    return shortest !== undefined && this.scanIsCheaper(shortest.length) ? this.scan(shortest, screen) : this.walk(screen)
  }

  /**
   * How many lawyers each filter removes from case `c`, each counted under the first filter that
   * fails, as {@link assign} counts them.
   */
  census(c: CaseToAssign, dutyAdviserRule: boolean): { [F in Filter]: number } {
    const n = this.n
    const left = this.allBits.slice()
    // Qualification: years of practice, then training for minors.
    const minYears = c.requirements.lawyerMinYears ?? 0
    let years = this.yearsBits.get(minYears)
    if (years === undefined) {
      years = bitSet(n, this.lawyers.flatMap((l, i) => (l.yearsOfPractice >= minYears ? [i] : [])))
      this.yearsBits.set(minYears, years)
    }
    let qualification = sieve(left, years)
    if (c.requirements.minorsSpecialist === true) qualification += sieve(left, this.minorsBits)
    const specialty = c.specialty === undefined ? 0 : sieve(left, (this.bySpecialty.get(c.specialty) ?? this.empty).bits)
    let language = 0
    for (const x of c.languages ?? noLists) language += sieve(left, (this.byLanguage.get(x) ?? this.empty).bits)
    // Conflicts: co-defendants' lawyers, duty advisers under the local rule, firms acting for an opposing party.
    const conflicted = this.allBits.slice()
    const clear = (bits: Uint32Array, i: number) => {
      bits[i >>> 5] = bits[i >>> 5]! & ~(1 << (i & 31))
    }
    const ids = [...(c.coDefendantLawyers ?? noLists), ...(dutyAdviserRule ? (c.dutyAdvisedCoAccused ?? noLists) : noLists)]
    for (const id of ids) {
      const i = this.index.get(id)
      if (i !== undefined) clear(conflicted, i)
    }
    for (const p of c.opposingParties ?? noLists) for (const f of this.partyFirms.get(p) ?? []) for (const i of this.firmMembers[f]!) clear(conflicted, i)
    const conflict = sieve(left, conflicted)
    const replaced = this.allBits.slice()
    for (const id of c.excludedLawyers ?? noLists) {
      const i = this.index.get(id)
      if (i !== undefined) clear(replaced, i)
    }
    const complaint = sieve(left, replaced)
    const capacity = sieve(left, this.openBits)
    const area = c.area === undefined || c.area === Region.national ? 0 : sieve(left, (this.byRegion.get(c.area) ?? this.empty).bits)
    return { qualification, specialty, language, conflict, complaint, capacity, area }
  }

  /**
   * Whether scanning a filter's list of `size` lawyers (in scattered slots) beats walking the
   * slots: a walk reads at least the first run, and about `n / size` slots to meet one of them.
   */
  private scanIsCheaper(size: number): boolean {
    if (this.n === 0) return false
    const firstRun = this.lastBefore(1, this.n, 0, 1) + 1
    return 3 * size < firstRun + this.n / size
  }

  /** Whether the lawyer in the slot at `at` passes every filter for the case. */
  private passes(at: number, q: Screening): boolean {
    const s = this.slots
    const flags = s[at + FLAGS]!
    if ((flags & FULL) !== 0 || s[at + YEARS]! < q.minYears || (flags & q.minors) !== q.minors) return false
    const i = s[at + LAWYER]!
    if (q.marked && (this.lawyerMark[i] === q.stamp || this.firmMark[s[at + FIRM]!] === q.stamp)) return false
    return q.members.length === 0 || inAll(q.members, i)
  }

  /** Walks the slots from the front to the end of the first run with a qualified lawyer. */
  private walk(q: Screening): number {
    const s = this.slots
    const end = this.n * STRIDE
    let best = -1
    let bestTie = 0
    let run = -1
    for (let at = 0; at < end; at += STRIDE) {
      if ((s[at + FLAGS]! & FULL) !== 0) break
      if (run >= 0) {
        const key = this.exact
          ? s[at + COUNT]! * s[run + WEIGHT]! - s[run + COUNT]! * s[at + WEIGHT]!
          : compareKeys(s[at + COUNT]!, s[at + WEIGHT]!, s[run + COUNT]!, s[run + WEIGHT]!)
        if (key > 0 || (key === 0 && s[at + OPEN]! > s[run + OPEN]!)) break
      }
      if (!this.passes(at, q)) continue
      const tie = pairHash(q.caseHash, s[at + HASH]!)
      const i = s[at + LAWYER]!
      if (run < 0) {
        run = at
        best = i
        bestTie = tie
      } else if (tie < bestTie || (tie === bestTie && i < best)) {
        best = i
        bestTie = tie
      }
    }
    return best
  }

  /** Scans a whole index list for the best qualified lawyer. */
  private scan(list: Int32Array, q: Screening): number {
    const { slots: s, pos } = this
    let best = -1
    let bestAt = 0
    let bestTie = 0
    for (let k = 0; k < list.length; k++) {
      const i = list[k]!
      const at = pos[i]! * STRIDE
      if (!this.passes(at, q)) continue
      if (best >= 0) {
        const key = this.exact
          ? s[at + COUNT]! * s[bestAt + WEIGHT]! - s[bestAt + COUNT]! * s[at + WEIGHT]!
          : compareKeys(s[at + COUNT]!, s[at + WEIGHT]!, s[bestAt + COUNT]!, s[bestAt + WEIGHT]!)
        if (key > 0) continue
        if (key === 0) {
          const open = s[at + OPEN]! - s[bestAt + OPEN]!
          if (open > 0) continue
          if (open === 0) {
            const tie = pairHash(q.caseHash, s[at + HASH]!)
            // Indices are in id order, so on an equal hash the lower index has the lower id.
            if (tie > bestTie || (tie === bestTie && i > best)) continue
            best = i
            bestAt = at
            bestTie = tie
            continue
          }
        }
      }
      best = i
      bestAt = at
      bestTie = pairHash(q.caseHash, s[at + HASH]!)
    }
    return best
  }
}

/** What one case asks of each lawyer, for the engine's loops. */
interface Screening {
  readonly stamp: number
  /** Whether any lawyer or firm is marked as excluded for this case. */
  readonly marked: boolean
  readonly minYears: number
  /** `MINORS_TRAINED` when the case needs it, else 0. */
  readonly minors: number
  /** Membership arrays of the indexed filters. */
  readonly members: ReadonlyArray<Uint8Array>
  readonly caseHash: number
}

const unplacedSummary = (c: CaseToAssign, excludedBy: { readonly [F in Filter]: number }): ReadonlyArray<string> => {
  const parts = filters.filter((f) => excludedBy[f] > 0)
  const zh = parts.map((f) => `${filterName[f][0]} ${excludedBy[f]} 名`).join("，")
  const en = parts.map((f) => `${filterName[f][1].toLowerCase()} ${excludedBy[f]}`).join(", ")
  return [`案件 ${c.caseId}：无合格律师，未指派（排除：${zh || "无律师"}）。 / Case ${c.caseId}: no qualified lawyer, not assigned (excluded: ${en || "no lawyers in the pool"}).`]
}

const int32 = 2 ** 31 - 1

/**
 * Whether the engine's 32-bit slots hold the pool exactly: whole numbers, and room for every case
 * of the batch. Decoded input always fits; a pool built in code might not.
 */
const fitsEngine = (pool: ReadonlyArray<Lawyer>, cases: number): boolean =>
  pool.every(
    (l) =>
      Number.isInteger(l.assignedCount) && l.assignedCount >= 0 && l.assignedCount <= int32 - cases &&
      Number.isInteger(l.openCases) && l.openCases >= 0 && l.openCases <= int32 - cases &&
      Number.isInteger(l.yearsOfPractice) && l.yearsOfPractice >= 0 && l.yearsOfPractice <= int32 &&
      (l.weight === undefined || (Number.isInteger(l.weight) && l.weight >= 1 && l.weight <= int32))
  )

const countByFilter = (excluded: ReadonlyArray<Exclusion>): { [F in Filter]: number } => {
  const counts = { qualification: 0, specialty: 0, language: 0, conflict: 0, complaint: 0, capacity: 0, area: 0 }
  for (const e of excluded) counts[e.filter]++
  return counts
}

/** {@link assignMany} by {@link assign}, one case at a time: for pools the engine cannot hold. */
const assignOneByOne = (cases: ReadonlyArray<CaseToAssign>, pool: ReadonlyArray<Lawyer>, options: AssignOptions): BatchResult => {
  let current = pool
  const assignments: Array<Placement | Unplaced> = []
  for (const c of cases) {
    const r = assign(c, current, options)
    if (r._tag === "Assigned") {
      assignments.push({ _tag: "Assigned", caseId: r.caseId, lawyerId: r.lawyerId, firmId: r.firmId })
      current = recordAssignment(current, r.lawyerId)
    } else {
      const excludedBy = countByFilter(r.excluded)
      assignments.push({ _tag: "NoQualifiedLawyer", caseId: c.caseId, excludedBy, explanation: unplacedSummary(c, excludedBy) })
    }
  }
  return { assignments, pool: current }
}

/**
 * Assigns a sequence of cases in order, each to the next lawyer in rotation, counting each
 * assignment against the lawyer (one more assignment, one more open case) before the next case, so
 * the rotation advances. Each case goes to the lawyer {@link assign} would pick for it from the
 * pool as it then stands. A case nobody can take is {@link Unplaced} — how many lawyers each
 * filter removed — and leaves the pool unchanged; {@link explainAt} gives its full account. Pure:
 * returns the outcomes and the final pool, in the pool's input order.
 *
 * The pool is indexed once: lawyers kept in rotation order, and lists by specialty, language and
 * region. A case reads the front of the rotation order up to the first qualified lawyer and the
 * others tied with them, or scans the list of its most selective filter when that is shorter, so
 * it rarely touches the whole pool.
 *
 * @example
 * import { assignMany } from "fayuan/assignment"
 * const { assignments, pool } = assignMany([], [])
 *
 * @category assignment
 */
export const assignMany = (cases: ReadonlyArray<CaseToAssign>, pool: ReadonlyArray<Lawyer>, options: AssignOptions = {}): BatchResult => {
  if (!fitsEngine(pool, cases.length)) return assignOneByOne(cases, pool, options)
  const engine = new Engine(pool)
  const dutyAdviserRule = options.dutyAdviserRule === true
  const assignments: Array<Placement | Unplaced> = []
  for (const c of cases) {
    const i = engine.pick(c, dutyAdviserRule)
    if (i >= 0) {
      const l = engine.lawyers[i]!
      assignments.push({ _tag: "Assigned", caseId: c.caseId, lawyerId: l.id, firmId: l.firmId })
      engine.take(i)
    } else {
      const excludedBy = engine.census(c, dutyAdviserRule)
      assignments.push({ _tag: "NoQualifiedLawyer", caseId: c.caseId, excludedBy, explanation: unplacedSummary(c, excludedBy) })
    }
  }
  const finalPool = pool.map((l) => {
    const i = engine.index.get(l.id)
    return i === undefined ? l : engine.current(i)
  })
  return { assignments, pool: finalPool }
}

/**
 * The full account of case `k` of a batch — what {@link assign} returns for it — from the pool as
 * it stood when the case's turn came in {@link assignMany}. `undefined` when there is no case `k`.
 * It replays the cases before `k`, so it costs about as much as assigning them.
 *
 * @example
 * import { explainAt } from "fayuan/assignment"
 * explainAt([], [], 0) // undefined
 *
 * @category assignment
 */
export const explainAt = (
  cases: ReadonlyArray<CaseToAssign>,
  pool: ReadonlyArray<Lawyer>,
  k: number,
  options: AssignOptions = {}
): Assignment | undefined => {
  const c = cases[k]
  if (c === undefined || !Number.isInteger(k) || k < 0) return undefined
  return assign(c, assignMany(cases.slice(0, k), pool, options).pool, options)
}
