/**
 * Duty-roster benchmark: fayuan's `solve` on a seeded province-scale year (2,000 lawyers, 150
 * sites over Yunnan's 16 prefectures and 129 counties, 2018 on the official calendar), and side by
 * side with the HiGHS MIP solver on the same problem written as a mixed-integer program, on the
 * largest scaled-down instances HiGHS proves optimal within its time limit.
 *
 * The MIP: a binary x[seat, lawyer] for every lawyer who meets the site's requirements and is
 * available that day; each seat filled at most once; at most one shift per lawyer per day
 * (minDaysBetweenShifts = 1, the default); the monthly maximum; load[lawyer] ≤ L. Lexicographic,
 * in two solves: maximise coverage (C*), then minimise L subject to coverage = C* (started from the
 * first solution). HiGHS's time is loading and solving both models (not building the arrays in
 * JavaScript); fayuan's is `solve` on a decoded input, the median of five runs when under 2 s.
 * Every roster is checked against the hard constraints by code independent of the solver.
 */
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads"
import { Result } from "effect"
import highsModule from "highs"
import type { Highs, InitOptions, ModelData, VariableType } from "highs"
import * as CalendarDate from "../src/CalendarDate.ts"
import * as Region from "../src/Region.ts"
import type { Roster } from "../src/roster/Roster.ts"
import { decodeRosterInput } from "../src/roster/Roster.ts"
import type { RosterInput } from "../src/roster/Roster.ts"
import { solve } from "../src/roster/solve.ts"
import * as WorkCalendar from "../src/WorkCalendar.ts"
import { measure, print } from "./harness.ts"
import { epochOf, type Instance, ladderOrder, prefectures, province, restrict } from "./yunnan.ts"

const SEED = 20180101
const DEFAULT_MAX_PER_MONTH = 8
/** Per HiGHS solve (there are two per instance). */
const HIGHS_TIME_LIMIT = 60
/** Stop climbing the ladder once HiGHS has used this much, or would be predicted to. */
const HIGHS_BUDGET = 150
const calendar = WorkCalendar.china

// `highs` ships ES module and CommonJS builds but types written for CommonJS: under NodeNext the
// default import is typed as the module object, while Node's "import" condition gives the loader.
type Loader = (options?: InitOptions) => Promise<Highs>
const loadHighs: Loader = typeof highsModule === "function" ? (highsModule as Loader) : (highsModule as unknown as { default: Loader }).default


const toInput = (inst: Instance): RosterInput => {
  const r = decodeRosterInput({
    period: { from: inst.from, to: inst.to },
    sites: inst.sites,
    lawyers: inst.lawyers,
    firms: inst.firms,
    parameters: { maxPerMonth: DEFAULT_MAX_PER_MONTH, minDaysBetweenShifts: 1 },
    seed: SEED
  })
  if (Result.isFailure(r)) throw new Error(r.failure.message)
  return r.success
}

// ---------------------------------------------------------------------------------------------
// The problem in flat form: seats and who may take them (independent of fayuan's solver)

interface Seat {
  readonly day: number
  readonly date: string
  readonly siteId: string
  readonly slot: string
  readonly seat: number
  readonly candidates: ReadonlyArray<number>
}

interface Flat {
  readonly seats: ReadonlyArray<Seat>
  readonly lawyerIds: ReadonlyArray<string>
  readonly maxPerMonth: ReadonlyArray<number>
  readonly pairs: number
}

const monthOf = (date: string): number => Number(date.slice(5, 7))

const flatten = (inst: Instance): Flat => {
  const lawyers = inst.lawyers
  const off = lawyers.map((l) => new Set(l.unavailable ?? []))
  const qualified = inst.sites.map((site) =>
    lawyers.flatMap((l, i) =>
      Region.contains(Region.makeUnsafe(site.region), Region.makeUnsafe(l.region)) &&
      l.yearsOfPractice >= (site.minYearsOfPractice ?? 0) &&
      (site.languages ?? []).every((lang) => (l.languages ?? []).includes(lang))
        ? [i]
        : []
    )
  )
  const seats: Array<Seat> = []
  let pairs = 0
  for (let day = epochOf(inst.from); day <= epochOf(inst.to); day++) {
    const date = CalendarDate.fromEpochDay(day)
    const weekday = CalendarDate.dayOfWeek(date)
    inst.sites.forEach((site, si) => {
      // Given weekdays are staffed when they are working days.
      if (!calendar.isWorkingDay(date) || (Array.isArray(site.days) && !site.days.includes(weekday))) return
      const candidates = qualified[si]!.filter((i) => !off[i]!.has(date))
      for (const shift of site.shifts) {
        for (let n = 0; n < shift.lawyersNeeded; n++) {
          seats.push({ day, date, siteId: site.id, slot: shift.slot, seat: n, candidates })
          pairs += candidates.length
        }
      }
    })
  }
  return { seats, lawyerIds: lawyers.map((l) => l.id), maxPerMonth: lawyers.map((l) => l.maxPerMonth ?? DEFAULT_MAX_PER_MONTH), pairs }
}

/** Checks a roster against the hard constraints; returns the violations found (at most a few described). */
const violations = (flat: Flat, assignments: ReadonlyArray<{ date: string; siteId: string; slot: string; seat: number; lawyerId: string }>): Array<string> => {
  const out: Array<string> = []
  const index = new Map(flat.lawyerIds.map((id, i) => [id, i]))
  const seatByKey = new Map(flat.seats.map((s) => [`${s.date}|${s.siteId}|${s.slot}|${s.seat}`, s]))
  const filled = new Set<string>()
  const day = new Set<string>()
  const month = new Map<string, number>()
  for (const a of assignments) {
    const key = `${a.date}|${a.siteId}|${a.slot}|${a.seat}`
    const seat = seatByKey.get(key)
    const l = index.get(a.lawyerId)
    if (seat === undefined || l === undefined) out.push(`unknown seat or lawyer: ${key} ${a.lawyerId}`)
    else if (!seat.candidates.includes(l)) out.push(`${a.lawyerId} may not take ${key}`)
    if (filled.has(key)) out.push(`${key} filled twice`)
    filled.add(key)
    const dk = `${a.lawyerId}|${a.date}`
    if (day.has(dk)) out.push(`${a.lawyerId} twice on ${a.date}`)
    day.add(dk)
    const mk = `${a.lawyerId}|${a.date.slice(0, 7)}`
    const m = (month.get(mk) ?? 0) + 1
    month.set(mk, m)
    if (l !== undefined && m === flat.maxPerMonth[l]! + 1) out.push(`${a.lawyerId} over the monthly maximum in ${a.date.slice(0, 7)}`)
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// fayuan

interface FayuanRun {
  readonly seconds: number
  readonly roster: Roster
}

const runFayuan = (input: RosterInput): FayuanRun => {
  const start = process.hrtime.bigint()
  const roster = solve(input, { calendar })
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  return { seconds, roster }
}

const checkRoster = (label: string, flat: Flat, roster: Roster): void => {
  const bad = violations(flat, roster.assignments)
  if (bad.length > 0) process.stderr.write(`roster ${label}: fayuan broke ${bad.length} hard constraints, e.g. ${bad.slice(0, 3).join("; ")}\n`)
  if (roster.assignments.length + roster.unfilled.length !== flat.seats.length)
    process.stderr.write(`roster ${label}: fayuan reports ${roster.assignments.length + roster.unfilled.length} seats, the pattern gives ${flat.seats.length}\n`)
}

// ---------------------------------------------------------------------------------------------
// HiGHS

interface HighsRun {
  readonly ok: boolean
  readonly status: string
  readonly seconds: number
  readonly coverage: number
  readonly maxLoad: number
  readonly variables: number
  readonly rows: number
}

const statusName = (highs: Highs, code: number): string =>
  Object.entries(highs.constants.modelStatus).find(([, v]) => v === code)?.[0] ?? String(code)

/**
 * Builds the MIP column by column. Rows: seats, lawyer-days, lawyer-months, loads, coverage.
 * Column order: one per (seat, candidate), then L.
 */
const formulate = (flat: Flat) => {
  const n = flat.lawyerIds.length
  const seatRows = flat.seats.length
  const rowLower: Array<number> = []
  const rowUpper: Array<number> = []
  const row = (lo: number, hi: number): number => {
    rowLower.push(lo)
    rowUpper.push(hi)
    return rowLower.length - 1
  }
  for (let s = 0; s < seatRows; s++) row(0, 1)
  const loadRow = Array.from({ length: n }, () => row(-Infinity, 0))
  const coverageRow = row(-Infinity, Infinity)
  const dayRow = new Map<number, number>()
  const monthRow = new Map<number, number>()
  const starts: Array<number> = [0]
  const indices: Array<number> = []
  const values: Array<number> = []
  flat.seats.forEach((seat, s) => {
    const month = monthOf(seat.date)
    for (const l of seat.candidates) {
      const dk = l * 100_000 + seat.day
      let dr = dayRow.get(dk)
      if (dr === undefined) dayRow.set(dk, (dr = row(-Infinity, 1)))
      const mk = l * 100 + month
      let mr = monthRow.get(mk)
      if (mr === undefined) monthRow.set(mk, (mr = row(-Infinity, flat.maxPerMonth[l]!)))
      // Row indices ascending within a column: seat < load < coverage < day/month rows (created later).
      const rows = [s, loadRow[l]!, coverageRow, dr, mr].sort((a, b) => a - b)
      for (const r of rows) {
        indices.push(r)
        values.push(1)
      }
      starts.push(indices.length)
    }
  })
  // L: −L in every load row.
  for (const r of loadRow) {
    indices.push(r)
    values.push(-1)
  }
  starts.push(indices.length)
  const numCols = starts.length - 1
  return { numCols, numRows: rowLower.length, rowLower, rowUpper, starts, indices, values, coverageRow }
}

const solveWithHighs = (highs: Highs, flat: Flat): HighsRun => {
  const f = formulate(flat)
  const inf = highs.infinity
  const x = f.numCols - 1
  const lower = new Float64Array(f.numCols)
  const upper = new Float64Array(f.numCols).fill(1)
  upper[x] = inf
  const integrality: Array<VariableType> = new Array(f.numCols).fill(highs.constants.variableType.integer)
  const matrix = { format: "csc" as const, numRows: f.numRows, numCols: f.numCols, starts: f.starts, indices: f.indices, values: f.values }
  const clamp = (v: number) => (v === Infinity ? inf : v === -Infinity ? -inf : v)
  const base = {
    numCols: f.numCols,
    numRows: f.numRows,
    colLower: lower,
    colUpper: upper,
    rowLower: f.rowLower.map(clamp),
    rowUpper: f.rowUpper.map(clamp),
    matrix,
    integrality
  }
  const options = { output_flag: false, time_limit: HIGHS_TIME_LIMIT, mip_rel_gap: 0, mip_abs_gap: 0 }
  const result = (ok: boolean, status: string, seconds: number, coverage: number, maxLoad: number): HighsRun => ({
    ok,
    status,
    seconds,
    coverage,
    maxLoad,
    variables: f.numCols,
    rows: f.numRows
  })

  // 1. Maximise coverage (L free, so the load rows do not bind).
  const cost1 = new Float64Array(f.numCols).fill(1)
  cost1[x] = 0
  const data1: ModelData = { ...base, sense: highs.constants.objectiveSense.maximize, colCost: cost1 }
  let start = process.hrtime.bigint()
  let first: { status: number; coverage: number; colValue: Float64Array }
  {
    using model = highs.createModel(data1)
    model.options.set(options)
    const status = model.run().modelStatus
    first = { status, coverage: status === highs.constants.modelStatus.optimal ? Math.round(model.getObjectiveValue()) : 0, colValue: model.getSolution().colValue }
  }
  let seconds = Number(process.hrtime.bigint() - start) / 1e9
  const firstSeconds = seconds
  if (first.status !== highs.constants.modelStatus.optimal) return result(false, `coverage: ${statusName(highs, first.status)}`, seconds, 0, 0)
  const coverage = first.coverage

  // 2. Minimise L with coverage fixed at C*, starting from the first solution.
  const cost2 = new Float64Array(f.numCols)
  cost2[x] = 1
  const rowLower2 = [...base.rowLower]
  const rowUpper2 = [...base.rowUpper]
  rowLower2[f.coverageRow] = coverage
  rowUpper2[f.coverageRow] = coverage
  const loads = new Float64Array(flat.lawyerIds.length)
  let col = 0
  for (const seat of flat.seats) for (const l of seat.candidates) loads[l]! += Math.round(first.colValue[col++]!)
  const startSolution = Float64Array.from(first.colValue, (v) => Math.round(v))
  startSolution[x] = Math.max(0, ...loads)
  const data2: ModelData = { ...base, rowLower: rowLower2, rowUpper: rowUpper2, sense: highs.constants.objectiveSense.minimize, colCost: cost2 }
  start = process.hrtime.bigint()
  let second: { status: number; maxLoad: number }
  {
    using model = highs.createModel(data2)
    model.options.set(options)
    model.setSolution({ colValue: startSolution })
    const status = model.run().modelStatus
    second = { status, maxLoad: status === highs.constants.modelStatus.optimal ? Math.round(model.getObjectiveValue()) : 0 }
  }
  seconds += Number(process.hrtime.bigint() - start) / 1e9
  if (process.env["ROSTER_BENCH_VERBOSE"] !== undefined) process.stderr.write(`  HiGHS: coverage solve ${firstSeconds.toFixed(2)} s, max-load solve ${(seconds - firstSeconds).toFixed(2)} s\n`)
  if (second.status !== highs.constants.modelStatus.optimal) return result(false, `max load: ${statusName(highs, second.status)}`, seconds, coverage, 0)
  return result(true, "optimal", seconds, coverage, second.maxLoad)
}

// ---------------------------------------------------------------------------------------------

const describe = (inst: Instance, flat: Flat): string =>
  `${inst.label}: ${inst.lawyers.length} lawyers, ${inst.sites.length} sites, ${inst.from}..${inst.to}, ${flat.seats.length} seats, ${flat.pairs} qualified (seat, lawyer) pairs`

const provinceInstance = (): Instance =>
  restrict(province(SEED), "province", prefectures.map((x) => x.code), "2018-01-01", "2018-12-31")

interface ProvinceResult {
  readonly seconds: number
  readonly assignments: Roster["assignments"]
  readonly unfilled: number
  readonly maxLoad: number
  /** 1 when the solver's default budget stopped it before it finished. */
  readonly stoppedEarly: number
  readonly lowerBound: number
}

/**
 * The province-year runs in a worker thread so that a solver far slower than planned cannot hold
 * the whole benchmark: past `ROSTER_PROVINCE_LIMIT` seconds (default 60) it is stopped.
 */
const solveProvinceInWorker = (limitSeconds: number): Promise<ProvinceResult | undefined> =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { role: "roster-province" } })
    const timer = setTimeout(() => {
      void worker.terminate()
      resolve(undefined)
    }, limitSeconds * 1000)
    worker.once("message", (result: ProvinceResult) => {
      clearTimeout(timer)
      void worker.terminate()
      resolve(result)
    })
    worker.once("error", (error) => {
      clearTimeout(timer)
      reject(error)
    })
  })

if (!isMainThread && (workerData as { role?: string } | null)?.role === "roster-province") {
  const { seconds, roster } = runFayuan(toInput(provinceInstance()))
  const c = roster.certificate
  const result: ProvinceResult = {
    seconds,
    assignments: roster.assignments,
    unfilled: roster.unfilled.length,
    maxLoad: c.maxLoad,
    lowerBound: c.lowerBound,
    stoppedEarly: c.stoppedEarly === undefined ? 0 : 1
  }
  parentPort?.postMessage(result)
}

export const run = async (): Promise<void> => {
  // 1. The province-year.
  const whole = provinceInstance()
  const wholeFlat = flatten(whole)
  process.stderr.write(`roster ${describe(whole, wholeFlat)}\n`)
  const limit = Number(process.env["ROSTER_PROVINCE_LIMIT"] ?? 60)
  const prov = await solveProvinceInWorker(limit)
  if (prov === undefined) {
    process.stderr.write(`roster province: solve did not finish within ${limit} s and was stopped; the time below is a lower bound (ROSTER_PROVINCE_LIMIT raises it)\n`)
    print("roster-province-seconds", limit, "s")
  } else {
    const bad = violations(wholeFlat, prov.assignments)
    if (bad.length > 0) process.stderr.write(`roster province: fayuan broke ${bad.length} hard constraints, e.g. ${bad.slice(0, 3).join("; ")}\n`)
    if (prov.assignments.length + prov.unfilled !== wholeFlat.seats.length)
      process.stderr.write(`roster province: fayuan reports ${prov.assignments.length + prov.unfilled} seats, the pattern gives ${wholeFlat.seats.length}\n`)
    print("roster-province-seconds", prov.seconds, "s")
    print("roster-province-max-load", prov.maxLoad, "shifts")
    print("roster-province-lower-bound", prov.lowerBound, "shifts")
    print("roster-province-unfilled", prov.unfilled, "seats")
    print("roster-province-stopped-early", prov.stoppedEarly, "runs")
  }

  // 2. Side by side with HiGHS, from one prefecture for a month up, while HiGHS proves optimality
  // within its limits; fayuan solves the same instances.
  const p = province(SEED)
  const rung = (k: number, to: string, period: string): Instance =>
    restrict(p, `${k} prefecture${k === 1 ? "" : "s"}, ${period}`, ladderOrder.slice(0, k), "2018-01-01", to)
  const ladder = [
    rung(1, "2018-01-31", "January"),
    rung(1, "2018-03-31", "first quarter"),
    rung(2, "2018-03-31", "first quarter"),
    rung(8, "2018-01-31", "January"),
    rung(3, "2018-03-31", "first quarter"),
    rung(4, "2018-03-31", "first quarter"),
    rung(8, "2018-03-31", "first quarter"),
    rung(16, "2018-01-31", "January"),
    rung(16, "2018-03-31", "first quarter")
  ]
  let best: { inst: Instance; flat: Flat; ours: FayuanRun; theirs: HighsRun } | undefined
  let spent = 0
  let last: { pairs: number; seconds: number } | undefined
  for (const inst of ladder) {
    const flat = flatten(inst)
    if (last !== undefined) {
      const predicted = last.seconds * Math.pow(flat.pairs / last.pairs, 1.5)
      if (predicted > 2 * HIGHS_TIME_LIMIT || spent + predicted > HIGHS_BUDGET) {
        process.stderr.write(`roster ${inst.label}: not tried, HiGHS would take ~${predicted.toFixed(0)} s (${spent.toFixed(0)} s spent so far)\n`)
        break
      }
    }
    // fayuan first, so that its timing does not pay for the collection of HiGHS's Wasm heap.
    const input = toInput(inst)
    let mine = runFayuan(input)
    if (mine.seconds < 2) {
      // Fast enough to time properly: the median of a few more runs.
      const m = await measure(1, () => solve(input, { calendar }), { warmup: 1, rounds: 5 })
      mine = { seconds: 1 / m.perSecond, roster: mine.roster }
    }
    // A fresh runtime per instance: Wasm memory only grows, and an earlier model must not starve a later one.
    let theirs: HighsRun
    const started = process.hrtime.bigint()
    const highs = await loadHighs()
    try {
      theirs = solveWithHighs(highs, flat)
    } catch (error) {
      // Seen when the solver outgrows the 2 GB heap of the Wasm build (it aborts, no status).
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      const status = `aborted with ${(highs.memoryBytes / 2 ** 20).toFixed(0)} MiB of Wasm memory (${String(error).split("\n")[0]})`
      theirs = { ok: false, status, seconds, coverage: 0, maxLoad: 0, variables: flat.pairs + 1, rows: 0 }
    }
    spent += theirs.seconds
    checkRoster(inst.label, flat, mine.roster)
    const c = mine.roster.certificate
    process.stderr.write(
      `roster ${describe(inst, flat)}; HiGHS ${theirs.status} in ${theirs.seconds.toFixed(2)} s (${theirs.variables} columns${theirs.rows > 0 ? `, ${theirs.rows} rows` : ""}): ` +
        `coverage ${theirs.coverage}, max load ${theirs.maxLoad}; fayuan ${mine.seconds.toFixed(3)} s: coverage ${mine.roster.assignments.length}, ` +
        `max load ${c.maxLoad}, lower bound ${c.lowerBound}\n`
    )
    if (!theirs.ok) break
    if (c.lowerBound > theirs.maxLoad) process.stderr.write(`roster ${inst.label}: fayuan's lower bound ${c.lowerBound} exceeds the optimum ${theirs.maxLoad}\n`)
    best = { inst, flat, ours: mine, theirs }
    last = { pairs: flat.pairs, seconds: theirs.seconds }
  }
  if (best === undefined) {
    process.stderr.write("roster: HiGHS solved none of the instances within its limits\n")
    return
  }
  const covered = best.ours.roster.assignments.length
  process.stderr.write(`roster vs HiGHS, largest instance both solved: ${describe(best.inst, best.flat)}\n`)
  print("roster-vs-highs-speed", best.theirs.seconds / best.ours.seconds, "x")
  print("roster-max-load-gap", best.ours.roster.certificate.maxLoad - best.theirs.maxLoad, "shifts")
  print("roster-vs-highs-coverage-gap", best.theirs.coverage - covered, "seats")
  if (covered < best.theirs.coverage)
    process.stderr.write(`roster: fayuan covers ${best.theirs.coverage - covered} fewer seats than HiGHS, so the max-load gap compares unequal coverage\n`)
}

export default run
