/**
 * The contract every RecordStore and EvaluationSource adapter must keep. The in-memory adapter is
 * the model: the same seeded cases, records and worked shifts must give identical `Measures`
 * (compared by value, evidence included) on every adapter. Run over each adapter by
 * test/records.*.test.ts.
 */
import { Effect, Result } from "effect"
import { sql } from "kysely"
import type { Kysely } from "kysely"
import { describe, expect, it } from "vitest"
import { sharedAdapter } from "../support/sql-subject.ts"
import { makeMemoryEvaluationSource, makeMemoryRecordStore } from "../../adapters/memory/records.ts"
import { makeMemoryRosterStore, makeMemoryStore } from "../../adapters/memory/index.ts"
import { rowOf } from "../../adapters/kysely/case-store.ts"
import { migrate, migrations } from "../../adapters/kysely/migrations.ts"
import type { Opened, OpenOptions } from "../../adapters/kysely/open.ts"
import type { FayuanDatabase } from "../../adapters/kysely/schema.ts"
import type { EvaluationRecord } from "../../src/evaluation/Records.ts"
import type { RecordStoreShape } from "../../src/evaluation/RecordStore.ts"
import type { EvaluationSourceShape } from "../../src/evaluation/Source.ts"
import { yearPeriod } from "../../src/evaluation/Source.ts"
import type { Case } from "../../src/lifecycle/Case.ts"
import { replay } from "../../src/lifecycle/Case.ts"
import type { Command, Context } from "../../src/lifecycle/Command.ts"
import type { CaseEvent } from "../../src/lifecycle/Event.ts"
import type { CaseStoreShape } from "../../src/lifecycle/Store.ts"
import { step } from "../../src/lifecycle/transition.ts"
import * as Region from "../../src/Region.ts"
import type { RosterStoreShape, WorkedShift } from "../../src/roster/Store.ts"
import { ctx, eligible2018, ineligible } from "../support/lifecycle.ts"

const run = <A, E>(e: Effect.Effect<A, E>): Promise<Result.Result<A, E>> => Effect.runPromise(Effect.result(e))
const ok = async <A, E>(e: Effect.Effect<A, E>): Promise<A> => Result.getOrThrow(await run(e))

export const panlong = Region.makeUnsafe("530103")
export const wuhua = Region.makeUnsafe("530102")
export const kunming = Region.makeUnsafe("5301")
export const y2018 = yearPeriod(2018)

const ineligible2018 = { ...ineligible, citations: ["LAR-10-1-5", "LAR-13"], ruleSetId: "LAR-2003/CPL-2012" } as typeof ineligible

// ---------------------------------------------------------------------------------------------
// The seeded dataset: a handful of cases through the real lifecycle, records and worked shifts

type Step = readonly [Command, Context]

const drive = (steps: ReadonlyArray<Step>): ReadonlyArray<CaseEvent> => {
  let current: Case | undefined
  const events: Array<CaseEvent> = []
  for (const [command, context] of steps) {
    const r = step(current, command, context)
    if (Result.isFailure(r)) throw new Error(`${command.type}: ${r.failure.message}`)
    current = r.success.case
    events.push(...r.success.events)
  }
  return events
}

const apply = (caseId: string, kind: string, date: string, groups?: ReadonlyArray<string>, region = "530103"): Step => [
  { type: "apply", caseId, region: Region.makeUnsafe(region), kind, channel: "centre", ...(groups === undefined ? {} : { groups }) } as Command,
  ctx(date, "intake", { region })
]
const decide = (date: string, eligibility = eligible2018, region = "530103"): Step => [{ type: "decide", eligibility }, ctx(date, "reviewer", { region })]
const assign = (date: string, lawyerId = "L1", region = "530103"): Step => [{ type: "assign", lawyerId, firmId: "F1" }, ctx(date, "dispatcher", { region })]
const lawyer = (command: Command, date: string, id: string): Step => [command, ctx(date, "lawyer", { id })]

/**
 * The cases of the dataset, by id: their whole logs. In Panlong (530103) unless named otherwise.
 * - A1 civil, migrant worker and woman: granted, assigned, lawyer replaced after a complaint,
 *   concluded in time, graded good;
 * - A2 labour arbitration: granted, assigned, closing materials late, graded fail;
 * - A3 civil, a minor: refused (ineligible);
 * - A4 administrative, disabled: granted, never assigned (assignment overdue);
 * - N1 notified defence of a minor, assigned; N2 notified, never assigned;
 * - A5 criminal victim received on 2017-12-28 (outside 2018), granted and assigned in 2018;
 * - A6 civil received 2018-12-03, undecided (decision overdue on 2018-12-31);
 * - A7 civil received 2018-12-27, undecided (decision still running on 2018-12-31);
 * - A8 civil: materials requested, supplied, withdrawn (both decision clocks cancelled);
 * - B1 civil in Wuhua (530102), elderly: granted and assigned.
 */
export const datasetLogs = (): ReadonlyMap<string, ReadonlyArray<CaseEvent>> =>
  new Map([
    [
      "A1",
      drive([
        apply("A1", "civil", "2018-03-05", ["women", "migrant-worker"]),
        decide("2018-03-06"),
        assign("2018-03-07"),
        lawyer({ type: "startHandling" }, "2018-03-08", "L1"),
        [{ type: "reassign", lawyerId: "L2", firmId: "F1", reason: "complaint" }, ctx("2018-03-09", "dispatcher")],
        lawyer({ type: "recordOutcome", endedOn: "2018-06-01" as never, outcome: "judgment" }, "2018-06-02", "L2"),
        lawyer({ type: "conclude" }, "2018-06-20", "L2"),
        [{ type: "grade", grade: "good" }, ctx("2018-07-01", "quality")]
      ])
    ],
    [
      "A2",
      drive([
        apply("A2", "labour-arbitration", "2018-04-02"),
        decide("2018-04-03"),
        assign("2018-04-04"),
        lawyer({ type: "startHandling" }, "2018-04-05", "L1"),
        lawyer({ type: "recordOutcome", endedOn: "2018-08-01" as never, outcome: "award" }, "2018-08-02", "L1"),
        lawyer({ type: "conclude" }, "2018-09-10", "L1"),
        [{ type: "grade", grade: "fail" }, ctx("2018-09-15", "quality")]
      ])
    ],
    ["A3", drive([apply("A3", "civil", "2018-05-07", ["minor"]), decide("2018-05-08", ineligible2018)])],
    ["A4", drive([apply("A4", "administrative", "2018-06-04", ["disabled"]), decide("2018-06-05")])],
    [
      "N1",
      drive([
        [{ type: "notify", caseId: "N1", region: panlong, kind: "criminal-defence", organ: "court", grounds: ["LAR-12-2"], groups: ["minor"] } as Command, ctx("2018-07-02", "intake")],
        assign("2018-07-03", "L3")
      ])
    ],
    ["N2", drive([[{ type: "notify", caseId: "N2", region: panlong, kind: "criminal-defence", organ: "public-security", grounds: ["CPL-267"] } as Command, ctx("2018-08-06", "intake")]])],
    ["A5", drive([apply("A5", "criminal-victim", "2017-12-28"), decide("2018-01-03"), assign("2018-01-04")])],
    ["A6", drive([apply("A6", "civil", "2018-12-03")])],
    ["A7", drive([apply("A7", "civil", "2018-12-27")])],
    [
      "A8",
      drive([
        apply("A8", "civil", "2018-02-01"),
        [{ type: "requestMaterials", missing: ["financial-proof"] }, ctx("2018-02-02", "intake")],
        [{ type: "supplyMaterials" }, ctx("2018-02-05", "intake")],
        [{ type: "withdraw", deemed: false }, ctx("2018-02-06", "intake")]
      ])
    ],
    ["B1", drive([apply("B1", "civil", "2018-05-02", ["elderly"], "530102"), decide("2018-05-03", eligible2018, "530102"), assign("2018-05-04", "L9", "530102")])]
  ])

const R = (region = "530103") => Region.makeUnsafe(region)

/** The records of the dataset (Panlong, with a few in Wuhua and outside 2018). */
export const datasetRecords = (): ReadonlyArray<EvaluationRecord> => {
  const point = (id: string, level: "centre" | "workstation" | "liaison-point" | "sub-district-office", openedOn: string, extra: object = {}, region = "530103") =>
    ({ type: "network-point", id, region: R(region), level, openedOn, ...extra }) as EvaluationRecord
  const consultation = (id: string, on: string, channel: string, pointId: string, extra: object = {}, region = "530103") =>
    ({ type: "consultation", id, region: R(region), on, channel, pointId, topic: "labour", ...extra }) as EvaluationRecord
  const activity = (id: string, on: string, kind: string, quantity: number, extra: object = {}) =>
    ({ type: "activity", id, region: R(), on, kind, quantity, ...extra }) as EvaluationRecord
  return [
    point("C", "centre", "2010-01-01"),
    point("S1", "sub-district-office", "2005-01-01"),
    point("S2", "sub-district-office", "2005-01-01"),
    point("W1", "workstation", "2016-03-01", { subDistrict: "S1" }),
    point("W2", "workstation", "2018-07-01", { subDistrict: "S2" }),
    point("L1", "liaison-point", "2015-01-01", { closedOn: "2017-12-31" }),
    point("L2", "liaison-point", "2017-05-01", { subDistrict: "S1" }),
    point("W3", "workstation", "2019-02-01"),
    point("C", "centre", "2012-01-01", {}, "530102"),
    consultation("K1", "2018-01-15", "visit", "C", { persons: 3, groups: ["migrant-worker"] }),
    consultation("K2", "2018-03-20", "hotline-12348", "C"),
    consultation("K3", "2018-05-02", "visit", "W1", { persons: 2, topic: "family" }),
    consultation("K4", "2018-12-31", "online", "L2"),
    consultation("K5", "2019-01-05", "visit", "W2"),
    consultation("K6", "2018-06-06", "letter", "X"),
    consultation("K7", "2018-06-06", "visit", "C", { persons: 5 }, "530102"),
    { type: "drafted-document", id: "D1", region: R(), on: "2018-02-01", documentKind: "complaint", pointId: "C" } as EvaluationRecord,
    { type: "drafted-document", id: "D2", region: R(), on: "2018-11-30", documentKind: "appeal" } as EvaluationRecord,
    { type: "drafted-document", id: "D3", region: R(), on: "2019-01-02", documentKind: "other" } as EvaluationRecord,
    { type: "drafted-document", id: "D4", region: R("530102"), on: "2018-03-02", documentKind: "other" } as EvaluationRecord,
    activity("E1", "2018-03-15", "outreach-event", 3, { groups: ["migrant-worker"] }),
    activity("E2", "2018-09-01", "outreach-event", 2),
    activity("E3", "2017-11-01", "outreach-event", 7),
    activity("M1", "2018-03-15", "materials-distributed", 1000),
    activity("H1", "2018-04-01", "handbooks-printed", 500, { groups: ["minor", "disabled"] }),
    activity("LE1", "2018-05-01", "lecture", 4, { pointId: "S1" }),
    activity("F1", "2018-10-01", "film", 1),
    activity("I1", "2018-06-30", "information-article", 10, { adopted: 4 }),
    activity("I2", "2018-12-30", "information-article", 5, { adopted: 1 }),
    activity("CL1", "2018-12-01", "case-library-selection", 2),
    activity("T1", "2018-08-01", "terminal-installed", 3),
    activity("Q1", "2018-08-01", "equipment-placed", 14),
    { type: "training", id: "TR1", region: R(), on: "2018-04-10", audience: "network-staff", participants: 30, hours: 3 } as EvaluationRecord,
    { type: "training", id: "TR2", region: R(), on: "2018-10-10", audience: "sub-district-staff", participants: 20, hours: 1.5 } as EvaluationRecord,
    { type: "staff-position", id: "P1", region: R(), kind: "auxiliary", employment: "labour-dispatch", from: "2016-01-01" } as EvaluationRecord,
    { type: "staff-position", id: "P2", region: R(), kind: "auxiliary", employment: "labour-dispatch", from: "2018-03-01", to: "2019-02-28" } as EvaluationRecord,
    { type: "staff-position", id: "P3", region: R(), kind: "auxiliary", employment: "labour-dispatch", from: "2015-01-01", to: "2017-06-30" } as EvaluationRecord,
    { type: "survey", id: "SV1", region: R(), on: "2018-11-20", topic: "awareness", respondents: 400, positive: 300, source: "community survey 2018" } as EvaluationRecord,
    { type: "survey", id: "SV2", region: R(), on: "2018-12-10", topic: "satisfaction", respondents: 50, positive: 48, source: "follow-up visits" } as EvaluationRecord,
    { type: "survey", id: "SV3", region: R(), on: "2018-12-20", topic: "satisfaction", respondents: 50, positive: 50, source: "hotline call-backs" } as EvaluationRecord
  ]
}

/** Worked duty shifts: three in Panlong in 2018, one in 2019, one in Wuhua. */
export const datasetShifts = (): ReadonlyArray<WorkedShift> => {
  const shift = (date: string, siteId: string, region = "530103"): WorkedShift => ({ region: R(region), date: date as WorkedShift["date"], siteId, slot: "full", seat: 0, lawyerId: "L1" })
  return [shift("2018-01-09", "court"), shift("2018-05-18", "procuratorate"), shift("2018-05-18", "court"), shift("2019-01-03", "court"), shift("2018-05-18", "court", "530102")]
}

/** Writes the dataset into stores. */
export const seed = async (cases: CaseStoreShape, rosters: RosterStoreShape, records: RecordStoreShape): Promise<void> => {
  await ok(cases.append([...datasetLogs()].map(([caseId, events]) => ({ caseId, expectedVersion: 0, events }))))
  await ok(records.put(datasetRecords()))
  await ok(rosters.putWorked(datasetShifts()))
}

/** The model: memory stores seeded with the dataset. */
export const memoryModel = async (): Promise<EvaluationSourceShape> => {
  const cases = makeMemoryStore()
  const rosters = makeMemoryRosterStore()
  const records = makeMemoryRecordStore()
  await seed(cases, rosters, records)
  return makeMemoryEvaluationSource({ cases, rosters, records })
}

// ---------------------------------------------------------------------------------------------
// The contract

/** Adapters under test: fresh, empty stores. */
export interface RecordsSubject {
  readonly cases: CaseStoreShape
  readonly rosters: RosterStoreShape
  readonly records: RecordStoreShape
  readonly source: EvaluationSourceShape
  readonly corruptRecord?: (type: string, id: string) => Promise<void> | void
  /** The SQL run so far, for the region-filter audit (SQL adapters). */
  readonly queries?: () => ReadonlyArray<string>
  /** A new, unmigrated database of the same engine (SQL adapters), for the migration test. */
  readonly openUnmigrated?: () => Promise<{ readonly adapter: Opened; readonly close: () => Promise<void> }>
  readonly close?: () => Promise<void> | void
}

const activity = (id: string, quantity: number): EvaluationRecord =>
  ({ type: "activity", id, region: panlong, on: "2018-03-01", kind: "lecture", quantity }) as EvaluationRecord

export const recordsContract = (name: string, make: () => Promise<RecordsSubject> | RecordsSubject): void => {
  describe(`RecordStore and EvaluationSource contract: ${name}`, { timeout: 120_000 }, () => {
    it("the seeded dataset gives the same Measures as the memory model, evidence included", async () => {
      const s = await make()
      await seed(s.cases, s.rosters, s.records)
      const model = await memoryModel()
      for (const scope of [panlong, wuhua, kunming, Region.makeUnsafe("53"), Region.national, Region.makeUnsafe("5305")]) {
        for (const period of [y2018, yearPeriod(2017), { from: "2018-03-01", to: "2018-06-30" } as typeof y2018]) {
          const actual = await ok(s.source.measure(scope, period))
          expect(actual).toEqual(await ok(model.measure(scope, period)))
        }
        expect(await ok(s.source.casesByMonth(scope, 2018))).toEqual(await ok(model.casesByMonth(scope, 2018)))
        expect(await ok(s.source.clockSummary(scope, y2018))).toEqual(await ok(model.clockSummary(scope, y2018)))
      }
      // A few figures by hand, so the model itself is checked here too.
      const m = await ok(s.source.measure(panlong, y2018))
      const v = (key: string) => m.get(key)?.value
      expect(v("cases.accepted")).toEqual({ numerator: 9, denominator: 1 })
      expect(v("aid.notified-rate")).toEqual({ numerator: 1, denominator: 2 })
      expect(v("consultations.total")).toEqual({ numerator: 8, denominator: 1 })
      expect(v("network.free-consultation-rate")).toEqual({ numerator: 3, denominator: 4 })
      expect(v("timeliness.assignment-rate")).toEqual({ numerator: 2, denominator: 3 })
      expect(v("duty.shifts")).toEqual({ numerator: 3, denominator: 1 })
      await s.close?.()
    })

    it("another district's records never count in a district's measures", async () => {
      const s = await make()
      await seed(s.cases, s.rosters, s.records)
      const panlongOnly = await ok(s.source.measure(panlong, y2018))
      const wuhuaOnly = await ok(s.source.measure(wuhua, y2018))
      const city = await ok(s.source.measure(kunming, y2018))
      const n = (m: ReadonlyMap<string, { readonly value: { readonly numerator: number } }>, key: string) => m.get(key)?.value.numerator ?? 0
      expect(n(wuhuaOnly, "cases.accepted")).toBe(1)
      expect(n(wuhuaOnly, "consultations.total")).toBe(5)
      expect(n(wuhuaOnly, "consultations.centre")).toBe(5)
      expect(n(wuhuaOnly, "documents.drafted")).toBe(1)
      expect(n(wuhuaOnly, "duty.shifts")).toBe(1)
      for (const key of ["cases.accepted", "cases.civil", "consultations.total", "consultations.centre", "documents.drafted", "duty.shifts", "network.centres"]) {
        expect(n(city, key)).toBe(n(panlongOnly, key) + n(wuhuaOnly, key))
      }
      expect(await ok(s.source.measure(Region.makeUnsafe("5305"), y2018))).toEqual(await ok((await memoryModel()).measure(Region.makeUnsafe("5305"), y2018)))
      expect(n(await ok(s.source.measure(Region.makeUnsafe("5305"), y2018)), "cases.accepted")).toBe(0)
      expect(await ok(s.records.list(wuhua, "consultation"))).toHaveLength(1)
      await s.close?.()
    })

    it("counts grants, assignments and grades by the day they happened: a past period reads the same later", async () => {
      const s = await make()
      await seed(s.cases, s.rosters, s.records)
      const upTo = async (to: string) => ok(s.source.measure(panlong, { from: "2018-01-01", to } as typeof y2018))
      const v = (m: ReadonlyMap<string, { readonly value: unknown }>, key: string) => m.get(key)?.value
      // N1 notified on 07-02, its lawyer assigned on 07-03: on 07-02 it is still in time, neither success nor failure.
      expect((await upTo("2018-07-02")).has("aid.notified-rate")).toBe(false)
      expect(v(await upTo("2018-07-03"), "aid.notified-rate")).toEqual({ numerator: 1, denominator: 1 })
      // N2 notified on 08-06 and never assigned: in time on its day, a failure once its time limit ran out.
      expect(v(await upTo("2018-08-06"), "aid.notified-rate")).toEqual({ numerator: 1, denominator: 1 })
      expect(v(await upTo("2018-09-30"), "aid.notified-rate")).toEqual({ numerator: 1, denominator: 2 })
      // A1 concluded on 06-20 and graded on 07-01.
      const june = await upTo("2018-06-30")
      expect(v(june, "cases.concluded")).toEqual({ numerator: 1, denominator: 1 })
      expect(june.has("quality.pass-rate")).toBe(false)
      expect(v(await upTo("2018-07-01"), "quality.pass-rate")).toEqual({ numerator: 1, denominator: 1 })
      // A1 (women) received on 03-05, decided eligible and granted on 03-06.
      expect((await upTo("2018-03-05")).has("aid.special-groups-rate")).toBe(false)
      expect(v(await upTo("2018-03-06"), "aid.special-groups-rate")).toEqual({ numerator: 1, denominator: 1 })
      // Whatever happens after the period, the period's figures stay.
      const model = await memoryModel()
      for (const to of ["2018-03-05", "2018-06-30", "2018-07-02", "2018-08-06"]) expect(await upTo(to)).toEqual(await ok(model.measure(panlong, { from: "2018-01-01", to } as typeof y2018)))
      await s.close?.()
    })

    it("fails an evaluation over a stored survey that no longer decodes with CorruptRecord naming it", async () => {
      const s = await make()
      if (s.corruptRecord === undefined) return
      await ok(s.records.put(datasetRecords()))
      await s.corruptRecord("survey", "SV2")
      const r = await run(s.source.measure(panlong, y2018))
      expect(Result.isFailure(r) && r.failure).toMatchObject({ _tag: "CorruptRecord", store: "records", key: "530103/survey/SV2" })
      await s.close?.()
    })

    it("puts records idempotently: the same content changes nothing, other content is a conflict unless replaced", async () => {
      const s = await make()
      expect(await ok(s.records.put([activity("A", 2), activity("B", 3)]))).toEqual({ inserted: 2, unchanged: 0, replaced: 0 })
      expect(await ok(s.records.put([activity("A", 2)]))).toEqual({ inserted: 0, unchanged: 1, replaced: 0 })
      // A conflict fails the whole batch: C is not stored either.
      const conflict = await run(s.records.put([activity("C", 1), activity("A", 5)]))
      expect(Result.isFailure(conflict) && conflict.failure).toMatchObject({ _tag: "RecordConflict", type: "activity", id: "A", region: "530103" })
      expect((await ok(s.records.list(panlong, "activity"))).map((r) => [r.id, r.quantity])).toEqual([["A", 2], ["B", 3]])
      expect(await ok(s.records.put([activity("A", 5), activity("C", 1)], { replace: true }))).toEqual({ inserted: 1, unchanged: 0, replaced: 1 })
      expect((await ok(s.records.list(panlong, "activity"))).map((r) => [r.id, r.quantity])).toEqual([["A", 5], ["B", 3], ["C", 1]])
      // The same id in another region is another record.
      await ok(s.records.put([{ ...activity("A", 9), region: wuhua } as EvaluationRecord]))
      expect((await ok(s.records.list(kunming, "activity"))).map((r) => [r.region, r.id])).toEqual([["530102", "A"], ["530103", "A"], ["530103", "B"], ["530103", "C"]])
      await s.close?.()
    })

    it("rejects bad input naming every bad field, and stores nothing of the batch", async () => {
      const s = await make()
      const bad = [
        activity("ok", 1),
        { ...activity("q0", 1), quantity: 0 },
        { type: "survey", id: "S", region: "530103", on: "2018-13-01", topic: "awareness", respondents: 10, positive: 11, source: "x" },
        { type: "consultation", id: "K", region: "530103", on: "2018-01-01", channel: "visit", pointId: "C", topic: "labour", name: "张三" },
        { type: "gossip", id: "G", region: "530103" }
      ] as unknown as ReadonlyArray<EvaluationRecord>
      const r = await run(s.records.put(bad))
      expect(Result.isFailure(r) && r.failure._tag).toBe("InvalidRecords")
      const paths = Result.isFailure(r) && r.failure._tag === "InvalidRecords" ? r.failure.issues.map((i) => i.path) : []
      expect(paths).toEqual(expect.arrayContaining(["[1].quantity", "[2].on", "[3].name", "[4].type"]))
      expect(Result.isFailure(r) && r.failure.message).not.toContain("张三")
      // positive > respondents is checked once the fields decode.
      const survey = await run(s.records.put([{ type: "survey", id: "S", region: panlong, on: "2018-11-01", topic: "awareness", respondents: 10, positive: 11, source: "x" } as EvaluationRecord]))
      expect(Result.isFailure(survey) && survey.failure._tag === "InvalidRecords" && survey.failure.issues).toEqual([{ path: "[0].positive", reason: "is more than the respondents" }])
      const twice = await run(s.records.put([activity("D", 1), activity("D", 2)]))
      expect(Result.isFailure(twice) && twice.failure._tag).toBe("InvalidRecords")
      expect(await ok(s.records.list(panlong, "activity"))).toEqual([])
      expect(await ok(s.records.list(panlong, "survey"))).toEqual([])
      await s.close?.()
    })

    it("lists records by type, scope and period; points and positions by the days they are open", async () => {
      const s = await make()
      await ok(s.records.put(datasetRecords()))
      expect((await ok(s.records.list(panlong, "network-point", y2018))).map((p) => p.id)).toEqual(["C", "L2", "S1", "S2", "W1", "W2"])
      expect((await ok(s.records.list(panlong, "network-point"))).map((p) => p.id)).toEqual(["C", "L1", "L2", "S1", "S2", "W1", "W2", "W3"])
      expect((await ok(s.records.list(panlong, "consultation", y2018))).map((c) => c.id)).toEqual(["K1", "K2", "K3", "K4", "K6"])
      expect((await ok(s.records.list(panlong, "staff-position", y2018))).map((c) => c.id)).toEqual(["P1", "P2"])
      expect((await ok(s.records.list(kunming, "drafted-document", y2018))).map((c) => [c.region, c.id])).toEqual([["530102", "D4"], ["530103", "D1"], ["530103", "D2"]])
      const back = await ok(s.records.list(panlong, "training"))
      expect(back).toEqual(datasetRecords().filter((r) => r.type === "training"))
      await s.close?.()
    })

    it("reports a stored record that no longer decodes as CorruptRecord", async () => {
      const s = await make()
      if (s.corruptRecord === undefined) return
      await ok(s.records.put([activity("A", 2)]))
      await s.corruptRecord("activity", "A")
      const r = await run(s.records.list(panlong, "activity"))
      expect(Result.isFailure(r) && r.failure).toMatchObject({ _tag: "CorruptRecord", store: "records", key: "530103/activity/A" })
      await s.close?.()
    })

    it("every query on an evaluation table carries the region filter", async () => {
      const s = await make()
      const queries = s.queries
      if (queries === undefined) return
      await seed(s.cases, s.rosters, s.records)
      await ok(s.source.measure(panlong, y2018))
      await ok(s.source.casesByMonth(kunming, 2018))
      await ok(s.source.clockSummary(panlong, y2018))
      await ok(s.records.list(panlong, "survey", y2018))
      const evaluation = queries().filter((q) => /fayuan_(case_heads|case_clocks|records|duty_shifts)/.test(q) && /^\s*(select|update|delete)/i.test(q))
      expect(evaluation.length).toBeGreaterThan(8)
      expect(evaluation.filter((q) => !/\bregion["`]?\s*(=|>=|in \()/.test(q))).toEqual([])
      await s.close?.()
    })

    it("migrates a database filled before 0006: heads and clocks get the evaluation facts, and the store carries on", async () => {
      const s = await make()
      if (s.openUnmigrated === undefined) return
      const { adapter, close } = await s.openUnmigrated()
      try {
        const db = adapter.db as Kysely<FayuanDatabase>
        const names = Object.keys(migrations)
        const before = names[names.indexOf("0006_evaluation") - 1]!
        const logs = datasetLogs()
        const early = ["A1", "A3", "N1", "B1"]
        // Logs stored before the heads existed: 0002 folds them into heads.
        await migrate(db, "0001_case_events")
        for (const id of early) await db.insertInto("fayuan_case_events").values(logs.get(id)!.map(rowOf)).execute()
        await migrate(db, before)
        // Cases appended by the store as it was before 0006: events and a head of the old columns.
        for (const [id, log] of logs) {
          if (early.includes(id)) continue
          const c = replay(log)!
          const { complaints: _c, groups: _g, ...old } = c
          await db.insertInto("fayuan_case_events").values(log.map(rowOf)).execute()
          await db
            .insertInto("fayuan_case_heads")
            .values({ region: c.region, case_id: c.id, version: c.version, state: c.state, kind: c.kind, origin: c.origin, received_on: c.receivedOn, last_occurred_at: c.lastOccurredAt, snapshot: JSON.stringify(old) })
            .execute()
        }
        await migrate(db)
        await ok(adapter.recordStore.put(datasetRecords()))
        await ok(adapter.rosterStore.putWorked(datasetShifts()))
        const model = await memoryModel()
        for (const scope of [panlong, kunming]) expect(await ok(adapter.evaluationSource.measure(scope, y2018))).toEqual(await ok(model.measure(scope, y2018)))
        const a1 = await db.selectFrom("fayuan_case_heads").selectAll().where("region", "=", "530103").where("case_id", "=", "A1").executeTakeFirstOrThrow()
        expect(a1).toMatchObject({ groups: "|migrant-worker|women|", eligibility_outcome: "eligible", complaints: 1, grade: "good", concluded_on: "2018-06-20", ended_on: "2018-06-01", outcome: "judgment" })
        expect(Number(a1.granted)).toBe(1)
        expect(Number(a1.lawyer_assigned)).toBe(1)
        // The days of the grant, the first assignment (not the reassignment) and the grade, folded from the log.
        expect(a1).toMatchObject({ granted_on: "2018-03-06", lawyer_assigned_on: "2018-03-07", graded_on: "2018-07-01" })
        const clocks = await db.selectFrom("fayuan_case_clocks").select(sql<string>`count(*)`.as("n")).where("region", ">=", "0").executeTakeFirstOrThrow()
        expect(Number(clocks.n)).toBe([...logs.values()].reduce((n, log) => n + replay(log)!.clocks.length, 0))
        // The store carries on from the migrated heads: a later complaint adds to the count.
        const a4 = logs.get("A4")!
        const more = drive([apply("A4", "administrative", "2018-06-04", ["disabled"]), decide("2018-06-05"), assign("2018-06-20"), [{ type: "reassign", lawyerId: "L2", firmId: "F1", reason: "complaint" }, ctx("2018-06-21", "dispatcher")]])
        await ok(adapter.caseStore.append([{ caseId: "A4", expectedVersion: a4.length, events: more.slice(a4.length) }]))
        const after = await ok(adapter.evaluationSource.measure(panlong, y2018))
        expect(after.get("quality.complaints")?.value).toEqual({ numerator: 2, denominator: 1 })
        expect(after.get("timeliness.assignment-rate")?.value).toEqual({ numerator: 2, denominator: 3 })
        // The append carries the back-filled dates on and adds the assignment's.
        const a4Head = await db.selectFrom("fayuan_case_heads").selectAll().where("region", "=", "530103").where("case_id", "=", "A4").executeTakeFirstOrThrow()
        expect(a4Head).toMatchObject({ granted_on: "2018-06-05", lawyer_assigned_on: "2018-06-20", graded_on: null })
      } finally {
        await close()
      }
      await s.close?.()
    })
  })
}

// ---------------------------------------------------------------------------------------------
// SQL subjects

/**
 * One database per file, emptied before each use (as test/support/sql-subject.ts does for the
 * case store); `fresh` opens a new, unmigrated database of the engine for the migration test.
 */
export const sharedRecordsSubject = (
  open: (options: OpenOptions) => Promise<Opened>,
  fresh?: () => Promise<{ readonly adapter: Opened; readonly close: () => Promise<void> }>
): (() => Promise<RecordsSubject>) => {
  const shared = sharedAdapter(open, ["fayuan_records", "fayuan_case_clocks", "fayuan_duty_shifts", "fayuan_case_heads", "fayuan_case_events"])
  return async () => {
    const a = await shared.use()
    return {
      cases: a.caseStore,
      rosters: a.rosterStore,
      records: a.recordStore,
      source: a.evaluationSource,
      queries: shared.queries,
      corruptRecord: async (type: string, id: string) => {
        await sql`update fayuan_records set data = ${'{"type":'} where region >= '0' and record_type = ${type} and id = ${id}`.execute(a.db)
      },
      ...(fresh === undefined ? {} : { openUnmigrated: fresh })
    }
  }
}
