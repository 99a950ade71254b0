/**
 * The evaluation's measures, one by one, on the hand-built dataset of test/contract/records-store.ts
 * (every figure worked out by hand from the dataset's description, rate denominators and evidence
 * counts included); the pure pieces (case and clock facts, clock statuses, records' decoding); and
 * the SQL aggregates against the JavaScript tally on random rows.
 */
import { Effect, Layer, Result } from "effect"
import fc from "fast-check"
import { sql } from "kysely"
import { afterAll, describe, expect, it } from "vitest"
import { openSqlite } from "../adapters/sqlite/index.ts"
import type { Opened } from "../adapters/kysely/open.ts"
import { makeEvaluationSource } from "../adapters/kysely/evaluation-source.ts"
import { recordsLayer } from "../adapters/memory/records.ts"
import { caseLayer } from "../adapters/memory/index.ts"
import * as CalendarDate from "../src/CalendarDate.ts"
import { decodeApplication } from "../src/eligibility/Application.ts"
import { measureKeys } from "../src/evaluation/Measure.ts"
import type { EvaluationRecord } from "../src/evaluation/Records.ts"
import { activityKinds, consultationChannels, decodeRecords, networkLevels, specialGroupsOf } from "../src/evaluation/Records.ts"
import type { CaseFacts, ClockFacts } from "../src/evaluation/CaseFacts.ts"
import { caseDates, caseFacts, clockFactsAt, clockStatusOf, decodeGroups, encodeGroups } from "../src/evaluation/CaseFacts.ts"
import { clockSummaryOf } from "../src/evaluation/charts.ts"
import { computeMeasures } from "../src/evaluation/measures.ts"
import { EvaluationSource, yearPeriod } from "../src/evaluation/Source.ts"
import { kindsOfClass, matterClasses } from "../src/evaluation/MatterClass.ts"
import { tally } from "../src/evaluation/tally.ts"
import type { Case, Clock } from "../src/lifecycle/Case.ts"
import { replay } from "../src/lifecycle/Case.ts"
import { clockStatus } from "../src/lifecycle/Clock.ts"
import { specialGroups } from "../src/lifecycle/Event.ts"
import { clockKinds, grades } from "../src/lifecycle/vocabulary.ts"
import * as Region from "../src/Region.ts"
import { matterKinds } from "../src/RuleSet.ts"
import { datasetLogs, datasetRecords, datasetShifts, kunming, memoryModel, panlong, wuhua, y2018 } from "./contract/records-store.ts"
import { applyCommand, ctx, Driver, eligible } from "./support/lifecycle.ts"

const ok = async <A, E>(e: Effect.Effect<A, E>): Promise<A> => Result.getOrThrow(await Effect.runPromise(Effect.result(e)))

describe("measures of Panlong 2018 on the hand-built dataset", async () => {
  const model = await memoryModel()
  const m = await ok(model.measure(panlong, y2018))
  const value = (key: string) => {
    const v = m.get(key)
    return v === undefined ? undefined : [v.value.numerator, v.value.denominator, v.evidence.records]
  }

  it("cases received, by class, and concluded", () => {
    // A1 A2 A3 A4 A6 A7 A8 N1 N2 received in 2018 (A5 in 2017, B1 in Wuhua).
    expect(value("cases.accepted")).toEqual([9, 1, 9])
    // civil: A1, A3, A6, A7, A8 and A2 (labour arbitration); criminal: N1, N2; other: A4 (administrative).
    expect(value("cases.civil")).toEqual([6, 1, 6])
    expect(value("cases.criminal")).toEqual([2, 1, 2])
    expect(value("cases.other")).toEqual([1, 1, 1])
    expect(value("cases.concluded")).toEqual([2, 1, 2])
    expect(m.get("cases.civil")?.evidence).toEqual({
      source: "records",
      filter: "cases in 530103* received 2018-01-01..2018-12-31 with kind civil or labour-arbitration",
      filterZh: "530103及下辖地区2018-01-01至2018-12-31受理的案件中的民事类（民事诉讼代理、劳动争议仲裁代理）",
      records: 6
    })
    expect(m.get("cases.accepted")?.evidence.filterZh).toBe("530103及下辖地区2018-01-01至2018-12-31受理的案件")
  })

  it("consultations by channel and level, summing person-times; drafted documents", () => {
    // K1 (3 at the centre), K2 (hotline, centre), K3 (2 at W1), K4 (L2), K6 (unknown point X); K5 is 2019, K7 Wuhua.
    expect(value("consultations.total")).toEqual([8, 1, 5])
    expect(value("consultations.hotline")).toEqual([1, 1, 1])
    expect(value("consultations.centre")).toEqual([4, 1, 2])
    expect(value("consultations.workstation")).toEqual([2, 1, 1])
    expect(value("consultations.liaison-point")).toEqual([1, 1, 1])
    expect(value("documents.drafted")).toEqual([2, 1, 2])
  })

  it("outreach, publicity and trainings sum their quantities; evidence counts the records", () => {
    expect(value("outreach.events")).toEqual([5, 1, 2])
    expect(value("outreach.materials")).toEqual([1000, 1, 1])
    expect(value("outreach.handbooks")).toEqual([500, 1, 1])
    expect(value("outreach.lectures")).toEqual([4, 1, 1])
    expect(value("outreach.films")).toEqual([1, 1, 1])
    expect(value("publicity.articles")).toEqual([15, 1, 2])
    expect(value("publicity.articles-adopted")).toEqual([5, 1, 2])
    expect(value("cases.ministry-library")).toEqual([2, 1, 1])
    expect(value("trainings.sessions")).toEqual([2, 1, 2])
    expect(value("trainings.participants")).toEqual([50, 1, 2])
  })

  it("network points and staff positions open during the year; worked shifts", () => {
    // W3 opens in 2019; L1 closed on 2017-12-31; P3 ended in 2017.
    expect(value("network.centres")).toEqual([1, 1, 1])
    expect(value("network.workstations")).toEqual([2, 1, 2])
    expect(value("network.liaison-points")).toEqual([1, 1, 1])
    expect(value("network.sub-district-offices")).toEqual([2, 1, 2])
    expect(value("network.terminals")).toEqual([3, 1, 1])
    expect(value("staff.auxiliary")).toEqual([2, 1, 2])
    expect(value("duty.shifts")).toEqual([3, 1, 3])
  })

  it("应援尽援 rates: notified cases assigned, special groups granted; free consultation at every level", () => {
    // N1 assigned, N2 not.
    expect(value("aid.notified-rate")).toEqual([1, 2, 2])
    // A1 (eligible), A4 (eligible), N1 (notified): all granted; A3 (a minor) was refused as ineligible and is not in the denominator.
    expect(value("aid.special-groups-rate")).toEqual([1, 1, 3])
    // Open: C, W1, W2, L2; W2's only consultation is in 2019.
    expect(value("network.free-consultation-rate")).toEqual([3, 4, 4])
    expect(m.get("aid.notified-rate")?.evidence.filter).toBe("cases in 530103* received 2018-01-01..2018-12-31 with origin notification, less those unassigned on 2018-12-31 still within the time limit to assign: lawyer assigned on or before 2018-12-31 ÷ all")
    expect(m.get("network.free-consultation-rate")?.evidence.filterZh).toBe(
      "530103及下辖地区2018-01-01至2018-12-31期间开放的法律援助中心、工作站、联络点网络点位中，期间有咨询记录的 ÷ 全部开放点位"
    )
  })

  it("quality: pass rate over graded concluded cases, complaints", () => {
    expect(value("quality.pass-rate")).toEqual([1, 2, 2])
    expect(value("quality.complaints")).toEqual([1, 1, 1])
  })

  it("timeliness: met ÷ (met + missed + overdue) on the year's last day; cancelled and running clocks do not count", () => {
    // decision: A1 A2 A3 A4 met, A6 overdue, A7 running, A8's two cancelled.
    expect(value("timeliness.decision-rate")).toEqual([4, 5, 5])
    // assignment: A1 A2 A5 N1 met, A4 and N2 overdue.
    expect(value("timeliness.assignment-rate")).toEqual([2, 3, 6])
    // closing materials: A1 in time, A2 late.
    expect(value("timeliness.closing-materials-rate")).toEqual([1, 2, 2])
  })

  it("survey figures are marked manual with their sources", () => {
    expect(m.get("survey.awareness")).toEqual({
      value: { numerator: 3, denominator: 4 },
      unit: "rate",
      evidence: {
        source: "manual",
        filter: "awareness survey records in 530103* dated 2018-01-01..2018-12-31: positive answers ÷ respondents",
        filterZh: "530103及下辖地区2018-01-01至2018-12-31的知晓率调查记录：肯定回答 ÷ 受访人数",
        records: 400,
        note: "1 survey record(s) entered by hand from: community survey 2018",
        noteZh: "1份问卷，手工录入，来源：community survey 2018"
      }
    })
    expect(value("survey.satisfaction")).toEqual([49, 50, 100])
    expect(m.get("survey.satisfaction")?.evidence.note).toBe("2 survey record(s) entered by hand from: follow-up visits; hotline call-backs")
  })

  it("every measure's evidence reads in Chinese too: no English left beside region codes, dates and the surveys' sources", async () => {
    const sources = ["community survey 2018", "follow-up visits", "hotline call-backs"]
    const english = (text: string) => {
      let rest = text
      for (const s of sources) rest = rest.replaceAll(s, "")
      return /[a-z]{3,}/i.exec(rest.replace(/\d{4}-\d{2}-\d{2}|\d{6}/g, ""))?.[0]
    }
    for (const [scope, period] of [[panlong, y2018], [Region.national, yearPeriod(2017)]] as const) {
      const measures = scope === panlong ? m : await ok(model.measure(scope, period))
      for (const [key, measured] of measures) {
        expect(measured.evidence.filterZh, key).toBeTypeOf("string")
        expect(english(measured.evidence.filterZh!), `${key}: ${measured.evidence.filterZh}`).toBeUndefined()
        expect(measured.evidence.filter, key).not.toBe(measured.evidence.filterZh)
        if (measured.evidence.note !== undefined) expect(english(measured.evidence.noteZh!), key).toBeUndefined()
      }
    }
    expect(m.get("survey.satisfaction")?.evidence.noteZh).toBe("2份问卷，手工录入，来源：follow-up visits；hotline call-backs")
    expect(m.get("quality.pass-rate")?.evidence.filterZh).toBe("530103及下辖地区2018-01-01至2018-12-31结案、2018-12-31前已作质量评估的案件：优秀、良好、合格 ÷ 已评估")
    expect(m.get("outreach.materials")?.evidence.filterZh).toBe("530103及下辖地区2018-01-01至2018-12-31的活动记录，类别为发放宣传资料（数量合计）")
  })

  it("gives every measure key except the ledger's, in the order of measureKeys", () => {
    expect([...m.keys()]).toEqual(measureKeys.filter((k) => !k.startsWith("cost.") && !k.startsWith("budget.")))
    for (const [key, measured] of m) {
      expect(measured.unit, key).toBe(key.endsWith("-rate") || key.startsWith("survey.") ? "rate" : "count")
      expect(measured.evidence.source, key).toBe(key.startsWith("survey.") ? "manual" : "records")
    }
  })

  it("leaves out a rate with nothing to divide by, and counts zero where nothing happened", async () => {
    const empty = await ok(model.measure(panlong, yearPeriod(2016)))
    expect(empty.has("aid.notified-rate")).toBe(false)
    expect(empty.has("timeliness.decision-rate")).toBe(false)
    expect(empty.has("survey.awareness")).toBe(false)
    expect(empty.get("cases.accepted")?.value).toEqual({ numerator: 0, denominator: 1 })
    // P3 and L1 were there in 2016.
    expect(empty.get("staff.auxiliary")?.value.numerator).toBe(2)
    expect(empty.get("network.liaison-points")?.value.numerator).toBe(1)
  })

  it("cases by month and the clock summary", async () => {
    const months = await ok(model.casesByMonth(panlong, 2018))
    expect(months).toHaveLength(12)
    expect(months.map((x) => [x.civil, x.criminal, x.other])).toEqual([
      [0, 0, 0],
      [1, 0, 0],
      [1, 0, 0],
      [1, 0, 0],
      [1, 0, 0],
      [0, 0, 1],
      [0, 1, 0],
      [0, 1, 0],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
      [2, 0, 0]
    ])
    // 8 decision, 6 assignment, 2 closing-materials and A8's materials-supply clock.
    expect(await ok(model.clockSummary(panlong, y2018))).toEqual({ started: 17, met: 10, missed: 1, overdue: 3, running: 1, cancelled: 2 })
    expect((await ok(model.casesByMonth(kunming, 2018)))[4]).toEqual({ month: 5, civil: 2, criminal: 0, other: 0 })
  })

  it("the same records in any order give the same measures", () => {
    const logs = [...datasetLogs().values()]
    const cases = logs.map((l) => replay(l)!)
    const input = { cases: logs.map((l) => caseFacts(replay(l)!, caseDates(l))), clocks: cases.flatMap((c) => c.clocks.map((_, i) => clockFactsAt(c, i))), records: datasetRecords(), shifts: datasetShifts() }
    const reversed = { cases: [...input.cases].reverse(), clocks: [...input.clocks].reverse(), records: [...input.records].reverse(), shifts: [...input.shifts].reverse() }
    expect(computeMeasures(reversed, panlong, y2018)).toEqual(computeMeasures(input, panlong, y2018))
    expect(computeMeasures(input, panlong, y2018)).toEqual(m)
  })

  it("the memory layer provides the source over the case and roster stores it is given", async () => {
    const program = Effect.gen(function* () {
      const source = yield* EvaluationSource
      return yield* source.measure(wuhua, y2018)
    })
    const measures = await Effect.runPromise(Effect.provide(program, Layer.provideMerge(recordsLayer(), caseLayer())))
    expect(measures.get("cases.accepted")?.value).toEqual({ numerator: 0, denominator: 1 })
  })
})

describe("case facts", () => {
  it("special groups come from the command, in canonical order, each once; old events without them decode", () => {
    const d = new Driver()
    d.run({ ...applyCommand("g1"), groups: ["women", "minor", "women"] } as never, ctx("2024-05-06", "intake"))
    expect(d.log[0]).toMatchObject({ type: "ApplicationReceived", groups: ["minor", "women"] })
    expect(d.case!.groups).toEqual(["minor", "women"])
    const plain = new Driver()
    plain.run(applyCommand("g2"), ctx("2024-05-06", "intake"))
    expect("groups" in plain.log[0]!).toBe(false)
    expect(caseFacts(plain.case!).groups).toEqual([])
  })

  it("granted covers granted, pre-granted, notified and later terminated cases; not refused or pending ones", () => {
    const granted = new Driver()
    granted.run(applyCommand("c1"), ctx("2024-05-06", "intake"))
    expect(caseFacts(granted.case!).granted).toBe(false)
    granted.run({ type: "decide", eligibility: eligible }, ctx("2024-05-06", "reviewer"))
    expect(caseFacts(granted.case!)).toMatchObject({ granted: true, lawyerAssigned: false, eligibilityOutcome: "eligible", complaints: 0 })
    granted.run({ type: "terminate", ground: "LAL-48-1-1" }, ctx("2024-05-08", "reviewer"))
    expect(caseFacts(granted.case!).granted).toBe(true)
    const logs = datasetLogs()
    expect(caseFacts(replay(logs.get("A3")!)!)).toMatchObject({ granted: false, eligibilityOutcome: "ineligible", groups: ["minor"] })
    expect(caseFacts(replay(logs.get("N2")!)!)).toMatchObject({ granted: true, lawyerAssigned: false, origin: "notification" })
    expect(caseFacts(replay(logs.get("A1")!)!)).toMatchObject({ complaints: 1, concludedOn: "2018-06-20", endedOn: "2018-06-01", grade: "good" })
  })

  it("groups round-trip through their column", () => {
    fc.assert(
      fc.property(fc.subarray([...specialGroups]), (groups) => {
        expect(decodeGroups(encodeGroups(groups))).toEqual(groups)
      })
    )
    expect(encodeGroups(["minor", "disabled"])).toBe("|minor|disabled|")
    expect(encodeGroups([])).toBe("")
  })

  it("every kind of matter is in exactly one class; labour arbitration is civil", () => {
    expect([...kindsOfClass("civil"), ...kindsOfClass("criminal"), ...kindsOfClass("other")].sort()).toEqual([...matterKinds].sort())
    expect(matterClasses["labour-arbitration"]).toBe("civil")
  })

  it("a clock's status from its facts is the lifecycle's clockStatus, on any day from its start", () => {
    const day = (n: number) => CalendarDate.addDays(CalendarDate.makeUnsafe("2018-01-01"), n)
    const clock = fc
      .record({
        kind: fc.constantFrom(...clockKinds),
        start: fc.integer({ min: 0, max: 60 }),
        length: fc.integer({ min: 0, max: 20 }),
        end: fc.option(fc.record({ after: fc.integer({ min: 0, max: 40 }), how: fc.constantFrom("stop", "cancel", "hour-met", "hour-missed") }), { nil: undefined }),
        on: fc.integer({ min: 0, max: 80 })
      })
      .map(({ kind, start, length, end, on }): [Clock, CalendarDate.CalendarDate] => {
        const base = { kind, startedOn: day(start), dueOn: day(start + length), counting: "calendar-days" as const, length, basis: "LAL-43" as const }
        const c: Clock =
          end === undefined
            ? base
            : end.how === "stop"
              ? { ...base, stoppedOn: day(start + end.after) }
              : end.how === "cancel"
                ? { ...base, cancelledOn: day(start + end.after) }
                : { ...base, stoppedOn: day(start), met: end.how === "hour-met" }
        return [c, day(Math.max(start, on))]
      })
    fc.assert(
      fc.property(clock, ([c, on]) => {
        const host = { id: "c", region: panlong, clocks: [c] } as unknown as Case
        expect(clockStatusOf(clockFactsAt(host, 0), on)).toBe(clockStatus(c, on))
      })
    )
  })

  it("special groups of an eligibility application: minor, elderly, disabled, migrant worker", () => {
    const app = Result.getOrThrow(
      decodeApplication({
        date: "2018-05-10",
        region: "530103",
        applicant: { birthDate: "2002-03-01", disabilities: ["hearing"], statuses: ["migrant-worker"], hasLawyer: false },
        matter: { kind: "civil", claims: ["labour-remuneration"] }
      })
    )
    expect(specialGroupsOf(app)).toEqual(["migrant-worker", "minor", "disabled"])
    expect(specialGroupsOf({ ...app, applicant: { ...app.applicant, birthDate: "1958-05-10" as never, disabilities: [], statuses: [] } })).toEqual(["elderly"])
  })
})

describe("records", () => {
  it("decode with every bad field named by its path; groups in canonical order", () => {
    const r = decodeRecords([
      { type: "consultation", id: "K", region: "530103", on: "2018-01-01", channel: "visit", pointId: "C", topic: "labour", groups: ["women", "minor"] },
      { type: "network-point", id: "W", region: "530103", level: "workstation", openedOn: "2018-05-01", closedOn: "2018-04-01" },
      { type: "activity", id: "A", region: "5301030", on: "2018-01-01", kind: "lecture", quantity: 1, adopted: 1 },
      { type: "training", id: "T", region: "530103", on: "2018-01-01", audience: "lawyers", participants: 3, hours: 0.1 }
    ])
    expect(Result.isFailure(r) && r.failure.issues.map((i) => i.path)).toEqual(["[1].closedOn", "[2].region", "[3].hours"])
    const good = Result.getOrThrow(decodeRecords([{ type: "consultation", id: "K", region: "530103", on: "2018-01-01", channel: "visit", pointId: "C", topic: "labour", groups: ["women", "minor"] }]))
    expect((good[0] as { groups?: ReadonlyArray<string> }).groups).toEqual(["minor", "women"])
    const adopted = decodeRecords([{ type: "activity", id: "A", region: "530103", on: "2018-01-01", kind: "lecture", quantity: 1, adopted: 1 }])
    expect(Result.isFailure(adopted) && adopted.failure.issues).toEqual([{ path: "[0].adopted", reason: "applies only to information articles" }])
    expect(Result.isFailure(decodeRecords({}))).toBe(true)
  })
})

// ---------------------------------------------------------------------------------------------
// SQL aggregates ≡ JavaScript tally, on random rows

const regions = ["530103", "530102", "530502"] as const
/** Dates in a short span, so rows fall on a period's bounds and clocks fall due on its last day often. */
const date = (n: number) => CalendarDate.addDays(CalendarDate.makeUnsafe("2018-06-01"), n)
const optionalDate = fc.option(fc.integer({ min: 0, max: 40 }).map(date), { nil: undefined })

const caseArb = fc.record({
  region: fc.constantFrom(...regions).map(Region.makeUnsafe),
  kind: fc.constantFrom(...matterKinds),
  origin: fc.constantFrom("application" as const, "notification" as const),
  receivedOn: fc.integer({ min: 0, max: 40 }).map(date),
  groups: fc.subarray([...specialGroups]).map((g) => g as ReadonlyArray<(typeof specialGroups)[number]>),
  eligibilityOutcome: fc.option(fc.constantFrom("mandatory" as const, "eligible" as const, "ineligible" as const, "incomplete" as const), { nil: undefined }),
  decidedOn: optionalDate,
  assignmentDueOn: optionalDate,
  grantedOn: optionalDate,
  lawyerAssignedOn: optionalDate,
  concludedOn: optionalDate,
  grade: fc.option(fc.constantFrom(...grades), { nil: undefined }),
  gradedOn: optionalDate,
  complaints: fc.integer({ min: 0, max: 2 })
}).map((c) => ({ ...c, granted: c.grantedOn !== undefined, lawyerAssigned: c.lawyerAssignedOn !== undefined }))

const clockArb = fc.record({
  region: fc.constantFrom(...regions).map(Region.makeUnsafe),
  kind: fc.constantFrom("decision", "assignment-after-grant", "assignment-after-notification", "closing-materials", "materials-supply" as const),
  start: fc.integer({ min: 0, max: 40 }),
  length: fc.integer({ min: 0, max: 10 }),
  stop: fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined, freq: 1 }),
  cancel: fc.boolean(),
  hour: fc.option(fc.boolean(), { nil: undefined })
})

const recordArb: fc.Arbitrary<EvaluationRecord> = fc.oneof(
  fc.record({
    type: fc.constant("network-point" as const),
    id: fc.constantFrom("C", "W1", "W2", "L1", "S1"),
    region: fc.constantFrom(...regions).map(Region.makeUnsafe),
    level: fc.constantFrom(...networkLevels),
    openedOn: fc.integer({ min: 0, max: 40 }).map(date)
  }),
  fc.record({
    type: fc.constant("consultation" as const),
    id: fc.integer({ min: 0, max: 1e6 }).map((n) => `K${n}`),
    region: fc.constantFrom(...regions).map(Region.makeUnsafe),
    on: fc.integer({ min: 0, max: 40 }).map(date),
    channel: fc.constantFrom(...consultationChannels),
    pointId: fc.constantFrom("C", "W1", "W2", "L1", "S1", "X"),
    topic: fc.constant("other" as const),
    persons: fc.integer({ min: 1, max: 9 })
  }),
  fc.record({
    type: fc.constant("activity" as const),
    id: fc.integer({ min: 0, max: 1e6 }).map((n) => `A${n}`),
    region: fc.constantFrom(...regions).map(Region.makeUnsafe),
    on: fc.integer({ min: 0, max: 40 }).map(date),
    kind: fc.constantFrom(...activityKinds),
    quantity: fc.integer({ min: 1, max: 50 })
  }),
  fc.record({
    type: fc.constant("staff-position" as const),
    id: fc.integer({ min: 0, max: 1e6 }).map((n) => `P${n}`),
    region: fc.constantFrom(...regions).map(Region.makeUnsafe),
    kind: fc.constant("auxiliary" as const),
    employment: fc.constant("labour-dispatch" as const),
    from: fc.integer({ min: 0, max: 40 }).map(date)
  })
) as fc.Arbitrary<EvaluationRecord>

describe("SQL aggregates and the JavaScript tally agree on any rows", () => {
  let adapter: Opened | undefined
  afterAll(async () => {
    await adapter?.close()
  })

  it("clocks on the period's bounds: due, stopped or cancelled on its last day or after it", async () => {
    adapter ??= await openSqlite({ path: ":memory:" })
    const db = adapter.db
    const to = CalendarDate.makeUnsafe("2018-12-31")
    const d = CalendarDate.makeUnsafe
    const clocks: ReadonlyArray<ClockFacts> = [
      { region: panlong, caseId: "due", idx: 0, kind: "decision", startedOn: d("2018-12-20"), dueOn: to },
      { region: panlong, caseId: "overdue", idx: 0, kind: "decision", startedOn: d("2018-12-20"), dueOn: d("2018-12-30") },
      { region: panlong, caseId: "running", idx: 0, kind: "decision", startedOn: d("2018-12-20"), dueOn: d("2019-01-02") },
      { region: panlong, caseId: "met-last-day", idx: 0, kind: "decision", startedOn: d("2018-12-20"), dueOn: to, stoppedOn: to, met: true },
      { region: panlong, caseId: "met-later", idx: 0, kind: "decision", startedOn: d("2018-12-20"), dueOn: d("2019-01-03"), stoppedOn: d("2019-01-02"), met: true },
      { region: panlong, caseId: "missed-later", idx: 0, kind: "decision", startedOn: d("2018-12-20"), dueOn: d("2018-12-25"), stoppedOn: d("2019-01-02"), met: false },
      { region: panlong, caseId: "cancelled-later", idx: 0, kind: "decision", startedOn: d("2018-12-20"), dueOn: d("2018-12-25"), cancelledOn: d("2019-01-02") },
      { region: panlong, caseId: "cancelled", idx: 0, kind: "decision", startedOn: d("2018-12-20"), dueOn: d("2018-12-25"), cancelledOn: to },
      { region: panlong, caseId: "hour", idx: 0, kind: "detainee-forwarding", startedOn: to, dueOn: d("2019-01-01"), stoppedOn: to, met: false },
      { region: panlong, caseId: "started-first-day", idx: 0, kind: "closing-materials", startedOn: d("2018-01-01"), dueOn: d("2018-01-31"), stoppedOn: d("2018-01-05"), met: true },
      { region: panlong, caseId: "started-before", idx: 0, kind: "closing-materials", startedOn: d("2017-12-31"), dueOn: d("2018-01-31") }
    ]
    await sql`delete from fayuan_case_clocks where region >= '0'`.execute(db)
    for (const k of clocks) {
      await db
        .insertInto("fayuan_case_clocks")
        .values({ region: k.region, case_id: k.caseId, idx: 0, kind: k.kind, started_on: k.startedOn, due_on: k.dueOn, stopped_on: k.stoppedOn ?? null, cancelled_on: k.cancelledOn ?? null, met: k.met === undefined ? null : k.met ? 1 : 0 })
        .execute()
    }
    const year = yearPeriod(2018)
    // On the 31st: due, running and met-later are still open; overdue, missed-later and cancelled-later are past due.
    const expected = { started: 10, met: 2, missed: 1, overdue: 3, running: 3, cancelled: 1 }
    expect(clockSummaryOf(clocks, panlong, year)).toEqual(expected)
    expect(await ok(adapter.evaluationSource.clockSummary(panlong, year))).toEqual(expected)
    const t = await ok(adapter.evaluationSource.tallies(panlong, year))
    expect(t.clocks).toEqual(tally({ cases: [], clocks, records: [], shifts: [] }, panlong, year).clocks)
    expect(t.clocks.decision).toEqual({ started: 8, met: 1, missed: 0, overdue: 3, running: 3, cancelled: 1 })
  })

  it("tallies from SQL equal the tally of the same rows in JavaScript, in any scope and period", async () => {
    adapter ??= await openSqlite({ path: ":memory:" })
    const db = adapter.db
    await fc.assert(
      fc.asyncProperty(
        fc.array(caseArb, { maxLength: 25 }),
        fc.array(clockArb, { maxLength: 40 }),
        fc.array(recordArb, { maxLength: 25 }),
        fc.constantFrom("53", "5301", "530103", "530502", "000000").map(Region.makeUnsafe),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 20 }),
        async (rawCases, rawClocks, rawRecords, scope, from, length) => {
          for (const table of ["fayuan_records", "fayuan_case_clocks", "fayuan_case_heads"]) await sql`delete from ${sql.table(table)} where region >= '0'`.execute(db)
          const cases: Array<CaseFacts> = rawCases.map((c, i) => ({ ...c, caseId: `c${i}` }))
          const clocks: Array<ClockFacts> = rawClocks.map((k, i) => {
            const startedOn = date(k.start)
            const dueOn = date(k.start + k.length)
            if (k.hour !== undefined) return { region: k.region, caseId: `k${i}`, idx: 0, kind: k.kind, startedOn, dueOn, stoppedOn: startedOn, met: k.hour }
            if (k.stop === undefined) return { region: k.region, caseId: `k${i}`, idx: 0, kind: k.kind, startedOn, dueOn }
            const end = date(k.start + k.stop)
            return k.cancel
              ? { region: k.region, caseId: `k${i}`, idx: 0, kind: k.kind, startedOn, dueOn, cancelledOn: end }
              : { region: k.region, caseId: `k${i}`, idx: 0, kind: k.kind, startedOn, dueOn, stoppedOn: end, met: end <= dueOn }
          })
          const byKey = new Map(rawRecords.map((r) => [`${r.region}|${r.type}|${r.id}`, r]))
          const records = [...byKey.values()]
          for (const c of cases) {
            await db
              .insertInto("fayuan_case_heads")
              .values({
                region: c.region,
                case_id: c.caseId,
                version: 1,
                state: "received",
                kind: c.kind,
                origin: c.origin,
                received_on: c.receivedOn,
                last_occurred_at: "2018-01-01T00:00:00+08:00",
                groups: encodeGroups(c.groups),
                eligibility_outcome: c.eligibilityOutcome ?? null,
                granted: c.granted ? 1 : 0,
                lawyer_assigned: c.lawyerAssigned ? 1 : 0,
                granted_on: c.grantedOn ?? null,
                lawyer_assigned_on: c.lawyerAssignedOn ?? null,
                graded_on: c.gradedOn ?? null,
                decided_on: c.decidedOn ?? null,
                assignment_due_on: c.assignmentDueOn ?? null,
                concluded_on: c.concludedOn ?? null,
                grade: c.grade ?? null,
                complaints: c.complaints
              })
              .execute()
          }
          for (const k of clocks) {
            await db
              .insertInto("fayuan_case_clocks")
              .values({ region: k.region, case_id: k.caseId, idx: 0, kind: k.kind, started_on: k.startedOn, due_on: k.dueOn, stopped_on: k.stoppedOn ?? null, cancelled_on: k.cancelledOn ?? null, met: k.met === undefined ? null : k.met ? 1 : 0 })
              .execute()
          }
          await ok(adapter!.recordStore.put(records))
          const period = { from: date(from), to: date(from + length) }
          const expected = tally({ cases, clocks, records, shifts: [] }, scope, period)
          // Both query shapes: grouped in index order (SQLite's) and by the fewest keys (PostgreSQL's).
          expect(await ok(adapter!.evaluationSource.tallies(scope, period))).toEqual(expected)
          expect(await ok(makeEvaluationSource(db, { groupInIndexOrder: false }).tallies(scope, period))).toEqual(expected)
        }
      ),
      { numRuns: 60 }
    )
  })
})

