/**
 * The `EvaluationSource` port on any Kysely dialect: the measures computed in SQL by a handful of
 * aggregate queries (`COUNT` / `SUM` with `CASE`, `GROUP BY`) over the case heads' evaluation
 * columns, the clocks table, the records and the worked shifts — never by loading rows. Each query
 * filters by the region range first and reads a covering index that leads with the region.
 *
 * The queries fill the same `Tallies` the JavaScript `tally` fills, and `measuresOf` turns them
 * into measures, so both give the same `Measures`, evidence included. Cases are counted by kind
 * and the counts added up by class with `matterClasses` (data), as the JavaScript tally classes
 * each case.
 *
 * @since 0.1.0
 */
import { Effect, Result } from "effect"
import type { Kysely } from "kysely"
import { sql } from "kysely"
import type { Period, RecordType } from "../../src/evaluation/Records.ts"
import { activityKinds, consultationLevels, decodeRecord, networkLevels, surveyTopics } from "../../src/evaluation/Records.ts"
import type { ClockCounts, Tallies } from "../../src/evaluation/tally.ts"
import type { EvaluationSourceShape } from "../../src/evaluation/Source.ts"
import { addToMonth, emptyMonths } from "../../src/evaluation/charts.ts"
import { emptyTallies } from "../../src/evaluation/tally.ts"
import { entitledOutcomes, matterClassOf, passingGrades, timelinessOf } from "../../src/evaluation/MatterClass.ts"
import { measuresOf } from "../../src/evaluation/measures.ts"
import { CorruptRecord, StoreError } from "../../src/lifecycle/Store.ts"
import type * as Region from "../../src/Region.ts"
import { databaseError } from "./internal/errors.ts"
import { sqlOf } from "./internal/dialect.ts"
import { regionRange } from "./internal/region.ts"
import type { FayuanDatabase } from "./schema.ts"

/** A count or sum as the driver returns it (PostgreSQL: bigint as a string; an empty sum: null). */
const num = (v: unknown): number => {
  if (v === null || v === undefined) return 0
  const n = typeof v === "number" ? v : Number(v)
  if (!Number.isSafeInteger(n)) throw new Error("an aggregate is not a safe integer")
  return n
}

const values = (items: ReadonlyArray<string>) => sql.join(items.map((i) => sql`${i}`))

type Counts = { -readonly [K in keyof ClockCounts]: number }

/**
 * How the aggregates group. `groupInIndexOrder` (SQLite): group by the region first, so the rows
 * arrive grouped in the covering index's order and no sort is needed (SQLite sorts for every
 * `GROUP BY` that does not follow an index). Off (PostgreSQL): group the small aggregates by as few
 * keys as possible, which PostgreSQL hashes in parallel workers. On PostgreSQL (and PGlite) the two
 * large ones (the heads received, the clocks) are grouped in index order either way and read their
 * covering index only (see `readIndex` below).
 *
 * @category models
 */
export interface EvaluationSourceOptions {
  readonly groupInIndexOrder?: boolean
}

/**
 * An `EvaluationSource` over a migrated Kysely database.
 *
 * @category constructors
 */
export const makeEvaluationSource = (db: Kysely<FayuanDatabase>, options: EvaluationSourceOptions = {}): EvaluationSourceShape => {
  const ordered = options.groupInIndexOrder === true
  /** PostgreSQL or PGlite. */
  const postgres = sqlOf(db) === "postgres"
  /**
   * Runs a query on PostgreSQL in a transaction of its own with `settings` for that transaction
   * only (`set_config(…, true)`, as `set local`); elsewhere as it is.
   */
  const withSettings =
    (settings: ReadonlyArray<readonly [string, string]>) =>
    <A>(run: (q: Kysely<FayuanDatabase>) => Promise<A>): Promise<A> =>
      postgres
        ? db.transaction().execute(async (trx) => {
            await sql`select ${sql.join(settings.map(([name, value]) => sql`set_config(${name}, ${value}, true)`))}`.execute(trx)
            return run(trx)
          })
        : run(db)
  /**
   * The queries of a measure already run side by side on the pool: parallel workers on top of
   * them only contend for the same cores, so the larger ones (which PostgreSQL would otherwise
   * plan with workers) run without.
   */
  const serial = withSettings([["max_parallel_workers_per_gather", "0"]])
  /**
   * The two large aggregates (a row per case, a row per clock), also without workers. PostgreSQL
   * prices the covering index's pages as random reads and would rather scan the whole table, some
   * three times wider; reading the (vacuumed) index only, grouped in its order without hashing,
   * takes about two thirds of the CPU time. So sequential scans are off for their transaction.
   */
  const readIndex = withSettings([
    ["enable_seqscan", "off"],
    ["max_parallel_workers_per_gather", "0"]
  ])
  const guard = <A>(operation: string, f: () => Promise<A>): Effect.Effect<A, StoreError> =>
    Effect.tryPromise({ try: f, catch: (error) => new StoreError({ store: "records", operation, reason: databaseError(error) }) })
  /** As {@link guard}, letting a `CorruptRecord` through as itself. */
  const guardRecords = <A>(operation: string, f: () => Promise<A>): Effect.Effect<A, StoreError | CorruptRecord> =>
    Effect.tryPromise({ try: f, catch: (error) => (error instanceof CorruptRecord ? error : new StoreError({ store: "records", operation, reason: databaseError(error) })) })

  /**
   * The clocks started in the period, by kind, in their status on its last day. Grouped by their
   * outcome once known (`met`: 1 met, 0 missed, null not stopped): a clock is settled by that day
   * when it stopped or was cancelled by then; an unsettled one is overdue when its due date is past.
   */
  const clocksByKind = async (scope: Region.RegionCode, period: Period): Promise<ReadonlyMap<string, Counts>> => {
    const { from, to } = regionRange(scope)
    const on = period.to
    const settled = sql`stopped_on <= ${on} or cancelled_on <= ${on}`
    const rows = await readIndex((q) =>
      q
        .selectFrom("fayuan_case_clocks")
        .select([
          "kind",
          "met",
          sql<string>`count(*)`.as("n"),
          sql<string>`count(case when ${settled} then 1 end)`.as("settled"),
          sql<string>`count(case when ${settled} then null when due_on < ${on} then 1 end)`.as("overdue")
        ])
        .where("region", ">=", from)
        .where("region", "<", to)
        .where("started_on", ">=", period.from)
        .where("started_on", "<=", period.to)
        .groupBy(ordered || postgres ? ["region", "kind", "met"] : ["kind", "met"])
        .execute()
    )
    const byKind = new Map<string, Counts>()
    for (const r of rows) {
      let c = byKind.get(r.kind)
      if (c === undefined) byKind.set(r.kind, (c = { started: 0, met: 0, missed: 0, overdue: 0, running: 0, cancelled: 0 }))
      const n = num(r.n)
      const settled = num(r.settled)
      const overdue = num(r.overdue)
      c.started += n
      if (r.met === null) c.cancelled += settled
      else if (Number(r.met) === 1) c.met += settled
      else c.missed += settled
      c.overdue += overdue
      c.running += n - settled - overdue
    }
    return byKind
  }

  const addClocks = (target: Counts, c: Counts) => {
    for (const key of ["started", "met", "missed", "overdue", "running", "cancelled"] as const) target[key] += c[key]
  }

  const compute = async (scope: Region.RegionCode, period: Period): Promise<Tallies> => {
    const t = emptyTallies()
    const { from, to } = regionRange(scope)
    // As of the period's last day: decided by then; a notified case still in time to be assigned is left out.
    const entitled = sql`"groups" <> '' and (origin = 'notification' or (eligibility_outcome in (${values(entitledOutcomes)}) and decided_on <= ${period.to}))`
    const assignedBy = sql`lawyer_assigned_on <= ${period.to}`
    const notifiedCounted = sql`origin = 'notification' and (${assignedBy} or assignment_due_on is null or assignment_due_on < ${period.to})`
    // By kind and origin; the classes of the kinds (`matterClasses`) are added up below.
    const received = readIndex((q) =>
      q
        .selectFrom("fayuan_case_heads")
        .select([
          "kind",
          "origin",
          sql<string>`count(*)`.as("n"),
          sql<string>`count(case when ${notifiedCounted} then 1 end)`.as("notified"),
          sql<string>`count(case when origin = 'notification' and ${assignedBy} then 1 end)`.as("assigned"),
          sql<string>`count(case when ${entitled} then 1 end)`.as("entitled"),
          sql<string>`count(case when ${entitled} and granted_on <= ${period.to} then 1 end)`.as("entitled_granted"),
          sql<string>`sum(complaints)`.as("complaints")
        ])
        .where("region", ">=", from)
        .where("region", "<", to)
        .where("received_on", ">=", period.from)
        .where("received_on", "<=", period.to)
        .groupBy(ordered || postgres ? ["region", "kind", "origin"] : ["kind", "origin"])
        .execute()
    )
    const concluded = serial((q) =>
      q
        .selectFrom("fayuan_case_heads")
        .select([
          sql<string>`count(*)`.as("concluded"),
          sql<string>`count(case when grade is not null and graded_on <= ${period.to} then 1 end)`.as("graded"),
          sql<string>`count(case when graded_on <= ${period.to} and grade in (${values(passingGrades)}) then 1 end)`.as("passed")
        ])
        .where("region", ">=", from)
        .where("region", "<", to)
        .where("concluded_on", ">=", period.from)
        .where("concluded_on", "<=", period.to)
        .executeTakeFirstOrThrow()
    )
    // Consultations by point and channel first (in the index's order), then the points' levels.
    const byPoint = db
      .selectFrom("fayuan_records")
      .select(["region", "point_id", "category", sql<string>`count(*)`.as("records"), sql<string>`sum(quantity)`.as("persons")])
      .where("region", ">=", from)
      .where("region", "<", to)
      .where("record_type", "=", "consultation")
      .where("on_date", ">=", period.from)
      .where("on_date", "<=", period.to)
      .groupBy(["record_type", "region", "category", "point_id"])
      .as("c")
    const consultations = db
      .selectFrom(byPoint)
      .leftJoin("fayuan_records as p", (j) => j.onRef("p.region", "=", "c.region").on("p.record_type", "=", "network-point").onRef("p.id", "=", "c.point_id"))
      .select(["c.category as channel", "p.category as level", sql<string>`sum(c.records)`.as("records"), sql<string>`sum(c.persons)`.as("persons")])
      .groupBy(["c.category", "p.category"])
      .execute()
    const spans = db
      .selectFrom("fayuan_records as p")
      .select([
        "p.record_type",
        "p.category",
        sql<string>`count(*)`.as("open"),
        sql<string>`count(case when p.record_type = 'network-point' and exists (select 1 from fayuan_records c where c.region = p.region and c.record_type = 'consultation' and c.point_id = p.id and c.on_date >= ${period.from} and c.on_date <= ${period.to}) then 1 end)`.as(
          "served"
        )
      ])
      .where("p.region", ">=", from)
      .where("p.region", "<", to)
      .where("p.record_type", "in", ["network-point", "staff-position"])
      .where("p.on_date", "<=", period.to)
      .where((eb) => eb.or([eb("p.until_date", "is", null), eb("p.until_date", ">=", period.from)]))
      .groupBy(ordered ? ["p.record_type", "p.region", "p.category"] : ["p.record_type", "p.category"])
      .execute()
    const dated = serial((q) =>
      q
        .selectFrom("fayuan_records")
        .select(["record_type", "category", sql<string>`count(*)`.as("records"), sql<string>`sum(quantity)`.as("total"), sql<string>`sum(${sql.ref("portion")})`.as("portion")])
        .where("region", ">=", from)
        .where("region", "<", to)
        .where("record_type", "in", ["drafted-document", "activity", "training"] satisfies ReadonlyArray<RecordType>)
        .where("on_date", ">=", period.from)
        .where("on_date", "<=", period.to)
        .groupBy(ordered ? ["record_type", "region", "category"] : ["record_type", "category"])
        .execute()
    )
    // Surveys are a few records entered by hand: read whole, for their sources.
    const surveys = db
      .selectFrom("fayuan_records")
      .select(["region", "id", "data"])
      .where("region", ">=", from)
      .where("region", "<", to)
      .where("record_type", "=", "survey")
      .where("on_date", ">=", period.from)
      .where("on_date", "<=", period.to)
      .execute()
    const shifts = serial((q) =>
      q
        .selectFrom("fayuan_duty_shifts")
        .select(sql<string>`count(*)`.as("n"))
        .where("region", ">=", from)
        .where("region", "<", to)
        .where("date", ">=", period.from)
        .where("date", "<=", period.to)
        .executeTakeFirstOrThrow()
    )
    const [rec, c, clocks, cons, sp, dt, sv, sh] = await Promise.all([received, concluded, clocksByKind(scope, period), consultations, spans, dated, surveys, shifts])

    for (const row of rec) {
      const n = num(row.n)
      t.cases.accepted += n
      t.cases[matterClassOf(row.kind)] += n
      t.cases.complaints += num(row.complaints)
      if (row.origin === "notification") {
        t.notified.received += num(row.notified)
        t.notified.assigned += num(row.assigned)
      }
      t.specialGroups.entitled += num(row.entitled)
      t.specialGroups.granted += num(row.entitled_granted)
    }
    t.cases.concluded = num(c.concluded)
    t.grades.graded = num(c.graded)
    t.grades.passed = num(c.passed)
    for (const [kind, counts] of clocks) {
      const key = timelinessOf(kind)
      if (key !== undefined) addClocks(t.clocks[key], counts)
    }
    for (const row of cons) {
      const records = num(row.records)
      const persons = num(row.persons)
      t.consultations.total.records += records
      t.consultations.total.total += persons
      if (row.channel === "hotline-12348") {
        t.consultations.hotline.records += records
        t.consultations.hotline.total += persons
      }
      const level = networkLevels.find((l) => l === row.level)
      if (level !== undefined) {
        t.consultations.byLevel[level].records += records
        t.consultations.byLevel[level].total += persons
      }
    }
    for (const row of sp) {
      if (row.record_type === "staff-position") {
        if (row.category === "auxiliary") t.auxiliaryStaff += num(row.open)
        continue
      }
      const level = networkLevels.find((l) => l === row.category)
      if (level === undefined) continue
      t.network[level] += num(row.open)
      if (consultationLevels.includes(level)) {
        t.freeConsultation.open += num(row.open)
        t.freeConsultation.served += num(row.served)
      }
    }
    for (const row of dt) {
      if (row.record_type === "drafted-document") t.documents += num(row.records)
      else if (row.record_type === "training") {
        t.trainings.records += num(row.records)
        t.trainings.total += num(row.total)
      } else {
        const kind = activityKinds.find((k) => k === row.category)
        if (kind === undefined) continue
        const a = t.activities[kind]
        a.records += num(row.records)
        a.total += num(row.total)
        a.adopted += num(row.portion)
      }
    }
    for (const row of sv) {
      let parsed: unknown
      try {
        parsed = JSON.parse(row.data)
      } catch {
        parsed = undefined
      }
      const d = decodeRecord(parsed)
      // As the record store reads it: a record that no longer decodes is a CorruptRecord naming it.
      if (Result.isFailure(d) || d.success.type !== "survey") throw new CorruptRecord({ store: "records", key: `${row.region}/survey/${row.id}`, reason: "the stored record does not decode" })
      const s = t.surveys[d.success.topic]
      s.records++
      s.respondents += d.success.respondents
      s.positive += d.success.positive
      if (!s.sources.includes(d.success.source)) s.sources.push(d.success.source)
    }
    for (const topic of surveyTopics) t.surveys[topic].sources.sort()
    t.dutyShifts = num(sh.n)
    return t
  }

  const tallies: EvaluationSourceShape["tallies"] = (scope, period) => guardRecords("measure", () => compute(scope, period))

  return {
    tallies,
    measure: (scope, period) => Effect.map(tallies(scope, period), (t) => measuresOf(t, scope, period)),
    casesByMonth: (scope, year) =>
      guard("cases by month", async () => {
        const { from, to } = regionRange(scope)
        const y = String(year).padStart(4, "0")
        const month = sql<string>`substr(received_on, 6, 2)`
        const rows = await db
          .selectFrom("fayuan_case_heads")
          .select([month.as("month"), "kind", sql<string>`count(*)`.as("n")])
          .where("region", ">=", from)
          .where("region", "<", to)
          .where("received_on", ">=", `${y}-01-01`)
          .where("received_on", "<=", `${y}-12-31`)
          .groupBy([month, "kind"])
          .execute()
        const months = emptyMonths()
        for (const row of rows) addToMonth(months, Number(row.month), row.kind, num(row.n))
        return months
      }),
    clockSummary: (scope, period) =>
      guard("clock summary", async () => {
        const total: Counts = { started: 0, met: 0, missed: 0, overdue: 0, running: 0, cancelled: 0 }
        for (const counts of (await clocksByKind(scope, period)).values()) addClocks(total, counts)
        return total
      })
  }
}
