/**
 * Evaluation benchmark: the measures of a province-year — 1,000,000 cases of 2018 in 96 districts
 * of Yunnan's 16 prefectures, with their clocks, consultation lines, drafted documents, network
 * points, activities and worked duty shifts in proportion (the Panlong 2018 figures scaled up) —
 * computed two ways on SQLite (a temporary file) and PostgreSQL (when `FAYUAN_PG_URL` is set; a
 * fresh database is created and dropped):
 *
 * - **SQL**: `evaluationSource.measure("53", 2018)`, a handful of aggregate queries over covering
 *   indexes that lead with the region;
 * - **JS**: the same rows (every column the computation needs) selected into JavaScript and counted
 *   by the pure `computeMeasures`.
 *
 * Both must give equal `Measures`. Prints the seconds of each path and their ratio
 * (`evaluation-sql-vs-js-<adapter>`, JS time ÷ SQL time; the goal is ≥ 10×).
 *
 * The rows are inserted directly with large batched INSERTs (building a million cases through the
 * lifecycle would take far longer than the measurement). The MySQL family is measured too when
 * `FAYUAN_MYSQL_URL` is set (`evaluation-sql-vs-js-mysql`).
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DatabaseSync } from "node:sqlite"
import { isDeepStrictEqual } from "node:util"
import { Effect } from "effect"
import type { Kysely, Selectable } from "kysely"
import { sql } from "kysely"
import pg from "pg"
import { regionRange } from "../adapters/kysely/internal/region.ts"
import type { Opened } from "../adapters/kysely/open.ts"
import type { FayuanDatabase, RecordsTable } from "../adapters/kysely/schema.ts"
import { openPostgres } from "../adapters/postgres/index.ts"
import { openSqlite } from "../adapters/sqlite/index.ts"
import * as CalendarDate from "../src/CalendarDate.ts"
import type { Measures } from "../src/evaluation/Measure.ts"
import type { EvaluationRecord, Period } from "../src/evaluation/Records.ts"
import { canonicalJson } from "../src/evaluation/Records.ts"
import type { CaseFacts, ClockFacts } from "../src/evaluation/CaseFacts.ts"
import { computeMeasures } from "../src/evaluation/measures.ts"
import { decodeGroups } from "../src/evaluation/CaseFacts.ts"
import { yearPeriod } from "../src/evaluation/Source.ts"
import * as Region from "../src/Region.ts"
import { countiesOf, print, scratchMysql, scratchPostgres, xorshift } from "./harness.ts"
import { openMysql } from "../adapters/mysql/index.ts"

const CASES = 1_000_000
const SEED = 20180101
const PROVINCE = Region.makeUnsafe("53")
const YEAR = yearPeriod(2018)
/** Yunnan's 16 prefecture-level divisions, and six county-level codes in each. */
const CITIES = ["5301", "5303", "5304", "5305", "5306", "5307", "5308", "5309", "5323", "5325", "5326", "5328", "5329", "5331", "5333", "5334"]
const DISTRICTS: ReadonlyArray<string> = CITIES.flatMap((c) => countiesOf(c, 6))
/** Panlong 2018, per case received: 4818 consultations, 70 drafted documents, 180 duty shifts for 864 cases. */
const CONSULTATIONS_PER_CASE = 4818 / 864
const DOCUMENTS_PER_CASE = 70 / 864
const SHIFTS_PER_CASE = 180 / 864

// ---------------------------------------------------------------------------------------------
// The rows, generated once (columnar), inserted into each engine

export interface Columns {
  readonly [column: string]: Array<string | number | null>
}

const day0 = CalendarDate.toEpochDay(CalendarDate.makeUnsafe("2018-01-01"))
/** Dates as shared strings (a million rows hold a few hundred distinct dates). */
const dates = Array.from({ length: 800 }, (_, i) => CalendarDate.fromEpochDay(day0 - 100 + i))
const dateOf = (offset: number): string => dates[offset + 100]!
const inYear = (offset: number) => offset <= 364

const table = (names: ReadonlyArray<string>): Columns => Object.fromEntries(names.map((n) => [n, [] as Array<string | number | null>]))
const push = (t: Columns, row: Record<string, string | number | null>) => {
  for (const key in t) t[key]!.push(row[key] ?? null)
}
const length = (t: Columns) => Object.values(t)[0]!.length

export interface Data {
  readonly heads: Columns
  readonly clocks: Columns
  readonly records: Columns
  readonly shifts: Columns
}

const headColumns = ["region", "case_id", "version", "state", "kind", "origin", "received_on", "last_occurred_at", "groups", "eligibility_outcome", "granted", "lawyer_assigned", "ended_on", "concluded_on", "outcome", "grade", "complaints", "granted_on", "lawyer_assigned_on", "graded_on", "decided_on", "assignment_due_on"]
const clockColumns = ["region", "case_id", "idx", "kind", "started_on", "due_on", "stopped_on", "cancelled_on", "met"]
const recordColumns = ["region", "record_type", "id", "on_date", "until_date", "category", "point_id", "quantity", "portion", "data"]
const shiftColumns = ["region", "date", "site_id", "slot", "seat", "lawyer_id", "roster_id"]

const pick = <T>(next: () => number, weighted: ReadonlyArray<readonly [T, number]>): T => {
  let r = next() * weighted.reduce((s, [, w]) => s + w, 0)
  for (const [v, w] of weighted) if ((r -= w) < 0) return v
  return weighted.at(-1)![0]
}

export const generate = (): Data => {
  const next = xorshift(SEED)
  const heads = table(headColumns)
  const clocks = table(clockColumns)
  const records = table(recordColumns)
  const shifts = table(shiftColumns)
  const perDistrict = Math.ceil(CASES / DISTRICTS.length)
  let made = 0
  for (const region of DISTRICTS) {
    const n = Math.min(perDistrict, CASES - made)
    made += n
    for (let i = 0; i < n; i++) {
      const caseId = `${region}-2018-${String(i).padStart(6, "0")}`
      const kind = pick(next, [["civil", 600], ["labour-arbitration", 68], ["criminal-defence", 250], ["criminal-victim", 30], ["incidental-civil", 20], ["administrative", 17], ["non-litigation", 15]] as const)
      const origin = kind === "criminal-defence" && next() < 0.7 ? "notification" : "application"
      const received = Math.floor(next() * 365)
      const groups = next() < 0.3 ? pick(next, [["|migrant-worker|", 5], ["|minor|", 3], ["|disabled|", 2], ["|elderly|", 2], ["|minor|disabled|", 1], ["|women|", 2], ["|military|", 1], ["|ethnic-minority|", 2]] as const) : ""
      const decided = origin === "notification" || received < 355 || next() < 0.3
      const eligibility = origin === "notification" ? null : !decided ? null : pick(next, [["eligible", 85], ["mandatory", 6], ["ineligible", 7], ["incomplete", 0]] as const)
      const granted = origin === "notification" || eligibility === "eligible" || eligibility === "mandatory" ? 1 : 0
      const assigned = granted === 1 && next() < 0.985 ? 1 : 0
      const span = 20 + Math.floor(next() * 260)
      const concluded = assigned === 1 && inYear(received + span) && next() < 0.9 ? received + span : undefined
      const ended = concluded === undefined ? undefined : concluded - Math.floor(next() * 45)
      const grade = concluded !== undefined && next() < 0.8 ? pick(next, [["excellent", 20], ["good", 40], ["pass", 38], ["fail", 2]] as const) : null
      const complaints = assigned === 1 && next() < 0.002 ? 1 : 0
      const state = concluded !== undefined ? (grade === null ? "concluded" : "quality-assessed") : assigned === 1 ? "in-progress" : granted === 1 ? "granted" : eligibility === "ineligible" ? "refusal-final" : "under-review"
      push(heads, {
        region,
        case_id: caseId,
        version: 3 + (assigned ? 2 : 0) + (concluded === undefined ? 0 : 3),
        state,
        kind,
        origin,
        received_on: dateOf(received),
        last_occurred_at: `${dateOf(Math.min(364, concluded ?? received + 3))}T10:00:00+08:00`,
        groups,
        eligibility_outcome: eligibility,
        granted,
        lawyer_assigned: assigned,
        ended_on: ended === undefined ? null : dateOf(ended),
        concluded_on: concluded === undefined ? null : dateOf(concluded),
        outcome: concluded === undefined ? null : pick(next, [["judgment", 5], ["mediation", 3], ["settlement", 1], ["award", 1]] as const),
        grade,
        complaints,
        // The days of the grant, the assignment and the grade (derived, so the random stream is unchanged).
        granted_on: granted === 1 ? dateOf(origin === "notification" ? received : received + 1) : null,
        lawyer_assigned_on: assigned === 1 ? dateOf(received + 3) : null,
        graded_on: grade === null || concluded === undefined ? null : dateOf(concluded + 5),
        decided_on: eligibility === null ? null : dateOf(received + 1),
        assignment_due_on: granted === 1 ? dateOf(received + 4) : null
      })
      let idx = 0
      const clock = (kindOf: string, start: number, length: number, stop: number | undefined, cancelled = false) =>
        push(clocks, {
          region,
          case_id: caseId,
          idx: idx++,
          kind: kindOf,
          started_on: dateOf(start),
          due_on: dateOf(start + length),
          stopped_on: stop === undefined || cancelled ? null : dateOf(stop),
          cancelled_on: cancelled && stop !== undefined ? dateOf(stop) : null,
          met: stop === undefined || cancelled ? null : stop <= start + length ? 1 : 0
        })
      let grantedOn = received
      if (origin === "application") {
        const took = Math.floor(next() * (next() < 0.95 ? 9 : 20))
        const withdrawn = next() < 0.02
        grantedOn = received + took
        clock("decision", received, 9, decided ? grantedOn : withdrawn ? received + 1 : undefined, withdrawn && !decided)
      }
      if (granted === 1) {
        const took = Math.floor(next() * (next() < 0.96 ? 4 : 12))
        clock(origin === "notification" ? "assignment-after-notification" : "assignment-after-grant", grantedOn, origin === "notification" ? 3 : 9, assigned ? grantedOn + took : undefined)
      }
      if (ended !== undefined && concluded !== undefined) clock("closing-materials", ended, 30, concluded)
    }

    // The network of the district: 1 centre, 26 workstations, 103 liaison points, 12 sub-district offices.
    const points: Array<readonly [string, string]> = [["centre", "C"]]
    for (let i = 0; i < 26; i++) points.push(["workstation", `W${i}`])
    for (let i = 0; i < 103; i++) points.push(["liaison-point", `L${i}`])
    const record = (r: EvaluationRecord, on: string, until: string | null, category: string, pointId: string | null, quantity: number, portion: number | null) =>
      push(records, { region, record_type: r.type, id: r.id, on_date: on, until_date: until, category, point_id: pointId, quantity, portion, data: canonicalJson(r) })
    const opened = "2015-01-01"
    for (const [level, id] of points) {
      const closed = next() < 0.01 ? "2017-12-31" : undefined
      record({ type: "network-point", id, region: region as Region.RegionCode, level: level as "centre", openedOn: opened as never, ...(closed === undefined ? {} : { closedOn: closed as never }) }, opened, closed ?? null, level, null, 1, null)
    }
    for (let i = 0; i < 12; i++) record({ type: "network-point", id: `S${i}`, region: region as Region.RegionCode, level: "sub-district-office", openedOn: opened as never }, opened, null, "sub-district-office", null, 1, null)
    // Consultations: a line per point per month from the stations' monthly reports, a line a day for the 12348 hotline.
    const consultations = Math.round(n * CONSULTATIONS_PER_CASE)
    const hotline = Math.round(consultations * 0.3)
    let k = 0
    for (let d = 0; d < 365; d++) {
      const persons = Math.max(1, Math.round(hotline / 365))
      record({ type: "consultation", id: `K${k++}`, region: region as Region.RegionCode, on: dateOf(d) as never, channel: "hotline-12348", pointId: "C", topic: "other", persons }, dateOf(d), null, "hotline-12348", "C", persons, null)
    }
    const perLine = Math.max(1, Math.round((consultations - hotline) / (points.length * 12)))
    for (const [, id] of points) {
      if (next() < 0.02) continue
      for (let m = 0; m < 12; m++) {
        const on = `2018-${String(m + 1).padStart(2, "0")}-28`
        const persons = Math.max(1, perLine + Math.floor((next() - 0.5) * perLine))
        record({ type: "consultation", id: `K${k++}`, region: region as Region.RegionCode, on: on as never, channel: "visit", pointId: id, topic: "other", persons }, on, null, "visit", id, persons, null)
      }
    }
    for (let i = 0; i < Math.round(n * DOCUMENTS_PER_CASE); i++) {
      const on = dateOf(Math.floor(next() * 365))
      record({ type: "drafted-document", id: `D${i}`, region: region as Region.RegionCode, on: on as never, documentKind: "complaint" }, on, null, "complaint", null, 1, null)
    }
    const activities: ReadonlyArray<readonly [string, number, number]> = [
      ["outreach-event", 24, 1],
      ["lecture", 12, 1],
      ["materials-distributed", 10, 1900],
      ["handbooks-printed", 4, 4000],
      ["film", 2, 1],
      ["information-article", 46, 1],
      ["case-library-selection", 5, 1],
      ["terminal-installed", 3, 1]
    ]
    let a = 0
    for (const [kind, count, quantity] of activities) {
      for (let i = 0; i < count; i++) {
        const on = dateOf(Math.floor(next() * 365))
        const adopted = kind === "information-article" && next() < 0.4 ? 1 : undefined
        record({ type: "activity", id: `A${a++}`, region: region as Region.RegionCode, on: on as never, kind: kind as "lecture", quantity, ...(adopted === undefined ? {} : { adopted }) }, on, null, kind, null, quantity, adopted ?? null)
      }
    }
    for (let i = 0; i < 6; i++) {
      const on = dateOf(Math.floor(next() * 365))
      record({ type: "training", id: `T${i}`, region: region as Region.RegionCode, on: on as never, audience: "network-staff", participants: 40, hours: 3 }, on, null, "network-staff", null, 40, null)
    }
    for (let i = 0; i < 14; i++) record({ type: "staff-position", id: `P${i}`, region: region as Region.RegionCode, kind: "auxiliary", employment: "labour-dispatch", from: "2016-01-01" as never }, "2016-01-01", null, "auxiliary", null, 1, null)
    // Worked duty shifts: the three sites, half days, spread over the working days.
    const shiftCount = Math.round(n * SHIFTS_PER_CASE)
    const seen = new Set<string>()
    while (seen.size < shiftCount) {
      const date = dateOf(Math.floor(next() * 365))
      const site = ["public-legal-service-centre", "court-workstation", "procuratorate-workstation"][Math.floor(next() * 3)]!
      const slot = next() < 0.5 ? "am" : "pm"
      const seat = Math.floor(next() * 2)
      const key = `${date}|${site}|${slot}|${seat}`
      if (seen.has(key)) continue
      seen.add(key)
      push(shifts, { region, date, site_id: site, slot, seat, lawyer_id: `LW${Math.floor(next() * 80)}`, roster_id: "r2018" })
    }
  }
  push(records, {
    region: "530103",
    record_type: "survey",
    id: "SV1",
    on_date: "2018-11-20",
    until_date: null,
    category: "awareness",
    point_id: null,
    quantity: 400,
    portion: 312,
    data: canonicalJson({ type: "survey", id: "SV1", region: Region.makeUnsafe("530103"), on: "2018-11-20" as never, topic: "awareness", respondents: 400, positive: 312, source: "community survey 2018" })
  })
  return { heads, clocks, records, shifts }
}

// ---------------------------------------------------------------------------------------------
// Loading

const tables = ["fayuan_case_heads", "fayuan_case_clocks", "fayuan_records", "fayuan_duty_shifts"]

/** Loads the rows with the secondary indexes dropped, then builds them again (much faster than keeping them up row by row). */
export const loadSqlite = (path: string, data: Data): void => {
  const db = new DatabaseSync(path)
  db.exec("PRAGMA journal_mode = WAL")
  db.exec("PRAGMA synchronous = OFF")
  const indexes = db
    .prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${tables.map(() => "?").join(", ")})`)
    .all(...tables) as Array<{ name: string; sql: string }>
  for (const i of indexes) db.exec(`drop index "${i.name}"`)
  const load = (name: string, t: Columns) => {
    const columns = Object.keys(t)
    const stmt = db.prepare(`insert into ${name} (${columns.map((c) => `"${c}"`).join(", ")}) values (${columns.map(() => "?").join(", ")})`)
    const cols = columns.map((c) => t[c]!)
    const n = length(t)
    db.exec("begin")
    const row: Array<string | number | null> = new Array(columns.length)
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < cols.length; j++) row[j] = cols[j]![i]!
      stmt.run(...(row as Array<never>))
    }
    db.exec("commit")
  }
  load("fayuan_case_heads", data.heads)
  load("fayuan_case_clocks", data.clocks)
  load("fayuan_records", data.records)
  load("fayuan_duty_shifts", data.shifts)
  for (const i of indexes) db.exec(i.sql)
  db.exec("ANALYZE")
  db.close()
}

const pgTypes: Readonly<Record<string, string>> = { version: "int", granted: "int", lawyer_assigned: "int", complaints: "int", idx: "int", met: "int", quantity: "int", portion: "int", seat: "int" }

export const loadPostgres = async (url: string, data: Data): Promise<void> => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query("set synchronous_commit = off")
    await client.query("set maintenance_work_mem = '256MB'")
    // The secondary indexes (not the primary keys, named `…_pk`) are built again after the load.
    const indexes = (await client.query(`select indexname, indexdef from pg_indexes where tablename = any($1) and indexname not like '%\\_pk'`, [tables])).rows as Array<{ indexname: string; indexdef: string }>
    for (const i of indexes) await client.query(`drop index "${i.indexname}"`)
    const load = async (name: string, t: Columns) => {
      const columns = Object.keys(t)
      const n = length(t)
      const chunk = 100_000
      for (let i = 0; i < n; i += chunk) {
        const args = columns.map((c) => t[c]!.slice(i, i + chunk))
        const unnest = columns.map((c, j) => `$${j + 1}::${pgTypes[c] ?? "text"}[]`).join(", ")
        await client.query(`insert into ${name} (${columns.map((c) => `"${c}"`).join(", ")}) select * from unnest(${unnest})`, args)
      }
    }
    await load("fayuan_case_heads", data.heads)
    await load("fayuan_case_clocks", data.clocks)
    await load("fayuan_records", data.records)
    await load("fayuan_duty_shifts", data.shifts)
    for (const i of indexes) await client.query(i.indexdef)
    await client.query("vacuum analyze fayuan_case_heads, fayuan_case_clocks, fayuan_records, fayuan_duty_shifts")
  } finally {
    await client.end()
  }
}

/** The same rows into a MySQL-family database: multi-row INSERTs of 2,000 rows. */
export const loadMysql = async (url: string, data: Data): Promise<void> => {
  const { createConnection } = await import("mysql2/promise")
  const client = await createConnection({ uri: url })
  try {
    await client.query("set unique_checks = 0")
    const load = async (name: string, t: Columns) => {
      const columns = Object.keys(t)
      const n = length(t)
      const chunk = 2_000
      for (let i = 0; i < n; i += chunk) {
        const rows: Array<Array<unknown>> = []
        for (let r = i; r < Math.min(n, i + chunk); r++) rows.push(columns.map((c) => t[c]![r] ?? null))
        await client.query(`insert into ${name} (${columns.map((c) => `\`${c}\``).join(", ")}) values ?`, [rows])
      }
    }
    await load("fayuan_case_heads", data.heads)
    await load("fayuan_case_clocks", data.clocks)
    await load("fayuan_records", data.records)
    await load("fayuan_duty_shifts", data.shifts)
    await client.query("analyze table fayuan_case_heads, fayuan_case_clocks, fayuan_records, fayuan_duty_shifts")
  } finally {
    await client.end()
  }
}

// ---------------------------------------------------------------------------------------------
// The two paths

const sqlPath = (opened: Opened, scope: Region.RegionCode, period: Period): Promise<Measures> => Effect.runPromise(opened.evaluationSource.measure(scope, period))

const orNull = <T>(v: T | null): T | undefined => (v === null ? undefined : v)

/**
 * Selects every row the computation needs into JavaScript and counts there. The rows are read
 * district by district (a province's million rows at once would not fit the default heap), keeping
 * only the facts the count needs.
 */
export const jsPath = async (db: Kysely<FayuanDatabase>, scope: Region.RegionCode, period: Period): Promise<Measures> => {
  const { from, to } = regionRange(scope)
  const regions = await db.selectFrom("fayuan_case_heads").select("region").distinct().where("region", ">=", from).where("region", "<", to).execute()
  const recordRegions = await db.selectFrom("fayuan_records").select("region").distinct().where("region", ">=", from).where("region", "<", to).execute()
  const shiftRegions = await db.selectFrom("fayuan_duty_shifts").select("region").distinct().where("region", ">=", from).where("region", "<", to).execute()
  const all = [...new Set([...regions, ...recordRegions, ...shiftRegions].map((r) => r.region))].sort()
  const cases: Array<CaseFacts> = []
  const clocks: Array<ClockFacts> = []
  const records: Array<EvaluationRecord> = []
  const shifts: Array<{ readonly region: string; readonly date: string }> = []
  for (const region of all) {
    const heads = await db
      .selectFrom("fayuan_case_heads")
      .select(["region", "case_id", "kind", "origin", "received_on", "groups", "eligibility_outcome", "granted", "lawyer_assigned", "concluded_on", "grade", "complaints", "granted_on", "lawyer_assigned_on", "graded_on", "decided_on", "assignment_due_on"])
      .where("region", "=", region)
      .where((eb) => eb.or([eb.and([eb("received_on", ">=", period.from), eb("received_on", "<=", period.to)]), eb.and([eb("concluded_on", ">=", period.from), eb("concluded_on", "<=", period.to)])]))
      .execute()
    for (const h of heads) {
      cases.push({
        region: h.region as Region.RegionCode,
        caseId: h.case_id,
        kind: h.kind as CaseFacts["kind"],
        origin: h.origin as CaseFacts["origin"],
        receivedOn: h.received_on as CaseFacts["receivedOn"],
        groups: decodeGroups(h.groups),
        eligibilityOutcome: orNull(h.eligibility_outcome) as CaseFacts["eligibilityOutcome"],
        granted: Number(h.granted) === 1,
        lawyerAssigned: Number(h.lawyer_assigned) === 1,
        concludedOn: orNull(h.concluded_on) as CaseFacts["concludedOn"],
        grade: orNull(h.grade) as CaseFacts["grade"],
        grantedOn: orNull(h.granted_on) as CaseFacts["grantedOn"],
        lawyerAssignedOn: orNull(h.lawyer_assigned_on) as CaseFacts["lawyerAssignedOn"],
        gradedOn: orNull(h.graded_on) as CaseFacts["gradedOn"],
        decidedOn: orNull(h.decided_on) as CaseFacts["decidedOn"],
        assignmentDueOn: orNull(h.assignment_due_on) as CaseFacts["assignmentDueOn"],
        complaints: Number(h.complaints)
      })
    }
    const clockRows = await db
      .selectFrom("fayuan_case_clocks")
      .select(["region", "case_id", "idx", "kind", "started_on", "due_on", "stopped_on", "cancelled_on", "met"])
      .where("region", "=", region)
      .where("started_on", ">=", period.from)
      .where("started_on", "<=", period.to)
      .execute()
    for (const k of clockRows) {
      clocks.push({
        region: k.region as Region.RegionCode,
        caseId: k.case_id,
        idx: Number(k.idx),
        kind: k.kind as ClockFacts["kind"],
        startedOn: k.started_on as ClockFacts["startedOn"],
        dueOn: k.due_on as ClockFacts["dueOn"],
        stoppedOn: orNull(k.stopped_on) as ClockFacts["stoppedOn"],
        cancelledOn: orNull(k.cancelled_on) as ClockFacts["cancelledOn"],
        met: k.met === null ? undefined : Number(k.met) === 1
      })
    }
    const recordRows = await db
      .selectFrom("fayuan_records")
      .select(["region", "record_type", "id", "on_date", "until_date", "category", "point_id", "quantity", "portion", "data"])
      .where("region", "=", region)
      .execute()
    for (const r of recordRows) records.push(recordOf(r))
    shifts.push(
      ...(await db
        .selectFrom("fayuan_duty_shifts")
        .select(["region", "date"])
        .where("region", "=", region)
        .where("date", ">=", period.from)
        .where("date", "<=", period.to)
        .execute())
    )
  }
  return computeMeasures({ cases, clocks, records, shifts }, scope, period)
}

/** A record from its columns (its JSON only for surveys, whose source is not in a column). */
const recordOf = (r: Selectable<RecordsTable>): EvaluationRecord => {
  const base = { id: r.id, region: r.region as Region.RegionCode }
  const on = r.on_date as CalendarDate.CalendarDate
  switch (r.record_type) {
    case "network-point":
      return { type: "network-point", ...base, level: r.category as "centre", openedOn: on, ...(r.until_date === null ? {} : { closedOn: r.until_date as CalendarDate.CalendarDate }) }
    case "consultation":
      return { type: "consultation", ...base, on, channel: r.category as "visit", pointId: r.point_id!, topic: "other", persons: Number(r.quantity) }
    case "drafted-document":
      return { type: "drafted-document", ...base, on, documentKind: r.category as "other" }
    case "activity":
      return { type: "activity", ...base, on, kind: r.category as "lecture", quantity: Number(r.quantity), ...(r.portion === null ? {} : { adopted: Number(r.portion) }) }
    case "training":
      return { type: "training", ...base, on, audience: r.category as "other", participants: Number(r.quantity), hours: 1 }
    case "staff-position":
      return { type: "staff-position", ...base, kind: "auxiliary", employment: "labour-dispatch", from: on, ...(r.until_date === null ? {} : { to: r.until_date as CalendarDate.CalendarDate }) }
    default:
      return JSON.parse(r.data) as EvaluationRecord
  }
}

const seconds = async <A>(f: () => Promise<A>): Promise<{ readonly s: number; readonly value: A }> => {
  const start = process.hrtime.bigint()
  const value = await f()
  return { s: Number(process.hrtime.bigint() - start) / 1e9, value }
}

const median = (xs: ReadonlyArray<number>) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!

const compare = async (name: string, opened: Opened): Promise<void> => {
  // SQL: one warm-up, the median of three. JS: one warm-up round too, the better of two.
  await sqlPath(opened, PROVINCE, YEAR)
  const sqlRounds: Array<number> = []
  let bySql: Measures | undefined
  for (let i = 0; i < 3; i++) {
    const r = await seconds(() => sqlPath(opened, PROVINCE, YEAR))
    sqlRounds.push(r.s)
    bySql = r.value
  }
  const jsRounds: Array<number> = []
  let byJs: Measures | undefined
  for (let i = 0; i < 2; i++) {
    const r = await seconds(() => jsPath(opened.db, PROVINCE, YEAR))
    jsRounds.push(r.s)
    byJs = r.value
  }
  if (!isDeepStrictEqual(bySql, byJs)) {
    const diff = [...bySql!.keys()].filter((k) => !isDeepStrictEqual(bySql!.get(k), byJs!.get(k)))
    throw new Error(`evaluation ${name}: SQL and JS measures differ at ${diff.join(", ")}`)
  }
  const sqlS = median(sqlRounds)
  const jsS = Math.min(...jsRounds)
  const accepted = bySql!.get("cases.accepted")!.value.numerator
  process.stderr.write(
    `evaluation ${name}: ${accepted} cases accepted; SQL rounds [${sqlRounds.map((s) => s.toFixed(3)).join(", ")}] s, JS rounds [${jsRounds.map((s) => s.toFixed(3)).join(", ")}] s; measures equal\n`
  )
  process.stdout.write(`bench: evaluation-sql-${name} ${sqlS.toFixed(3)} s\n`)
  process.stdout.write(`bench: evaluation-js-${name} ${jsS.toFixed(3)} s\n`)
  print(`evaluation-sql-vs-js-${name}`, jsS / sqlS, "x")
}

export const run = async (): Promise<void> => {
  let start = process.hrtime.bigint()
  const lap = () => {
    const s = Number(process.hrtime.bigint() - start) / 1e9
    start = process.hrtime.bigint()
    return s.toFixed(1)
  }
  let data: Data | undefined = generate()
  process.stderr.write(
    `evaluation: generated ${length(data.heads)} cases, ${length(data.clocks)} clocks, ${length(data.records)} records, ${length(data.shifts)} worked shifts in ${DISTRICTS.length} districts (${lap()} s)\n`
  )
  const dir = mkdtempSync(join(tmpdir(), "fayuan-bench-evaluation-"))
  const url = process.env["FAYUAN_PG_URL"]
  const adapters: Array<Opened> = []
  let scratch: { readonly url: string; readonly drop: () => Promise<void> } | undefined
  let mysqlScratch: { readonly url: string; readonly drop: () => Promise<void> } | undefined
  try {
    const path = join(dir, "evaluation.sqlite")
    const sqlite = await openSqlite({ path })
    adapters.push(sqlite)
    // Map the file into memory (both paths read through it): SQLite's own page cache is 2 MB.
    await sql`PRAGMA mmap_size = 1073741824`.execute(sqlite.db)
    loadSqlite(path, data)
    process.stderr.write(`evaluation sqlite: loaded (${lap()} s)\n`)
    if (url === undefined || url === "") process.stderr.write("evaluation: postgres skipped (set FAYUAN_PG_URL to a server where a database may be created)\n")
    else {
      scratch = await scratchPostgres(url, "fayuan_bench_evaluation")
      const postgres = await openPostgres({ connectionString: scratch.url })
      adapters.push(postgres)
      await loadPostgres(scratch.url, data)
      process.stderr.write(`evaluation postgres: loaded (${lap()} s)\n`)
    }
    const mysqlUrl = process.env["FAYUAN_MYSQL_URL"]
    if (mysqlUrl === undefined || mysqlUrl === "") process.stderr.write("evaluation: mysql skipped (set FAYUAN_MYSQL_URL to a server where a database may be created)\n")
    else {
      mysqlScratch = await scratchMysql(mysqlUrl, "fayuan_bench_evaluation")
      const mysql = await openMysql({ uri: mysqlScratch.url })
      adapters.push(mysql)
      await loadMysql(mysqlScratch.url, data)
      process.stderr.write(`evaluation mysql: loaded (${lap()} s)\n`)
    }
    // The generated rows are no longer needed: the JavaScript path needs the heap.
    data = undefined
    for (const opened of adapters) {
      await compare(opened.name, opened)
      process.stderr.write(`evaluation ${opened.name}: compared (${lap()} s)\n`)
    }
  } finally {
    for (const opened of adapters) await opened.close()
    rmSync(dir, { recursive: true, force: true })
    await scratch?.drop()
    await mysqlScratch?.drop()
  }
}

export default run
