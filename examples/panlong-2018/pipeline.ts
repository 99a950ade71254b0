/**
 * The Panlong 2018 replay, end to end, on whatever stores the layer provides: the network and
 * activity records stored; applications decided and cases moved through the lifecycle; the duty
 * roster solved and its shifts worked; lawyers assigned; cases concluded and graded; subsidies
 * computed from the cases and shifts and paid through the ledger with the rest of the budget;
 * then 2018 evaluated from the stores and the report's input built.
 */
import { Effect, Result } from "effect"
import { CalendarDate, Money, Region } from "fayuan"
import { type Budget, type LedgerEntry, LedgerStore, makeBudgetUnsafe, reconcile, subsidiesForLedger } from "fayuan/budget"
import { type EvaluationRecord, decodeJudgements, RecordStore, schemes } from "fayuan/evaluation"
import { type Case, loadAll } from "fayuan/lifecycle"
import { selfEvaluation } from "fayuan/report"
import { decodeRosterInput, recordWorked, RosterStore, solve } from "fayuan/roster"
import { tables } from "fayuan/subsidy"
import { runCases } from "./cases.ts"
import { type PlannedYear, rosterInput } from "./generate.ts"

const day = CalendarDate.makeUnsafe
const yuan = (n: number) => Money.fenUnsafe(n * 100)

/** Progress of a stage: `done` of `total`. */
export type Progress = (stage: string, done: number, total: number) => void

// ——— records ———

/** The plan's network, consultations, documents, activities, trainings, staff and surveys as records. */
export const recordsOf = (plan: PlannedYear): ReadonlyArray<EvaluationRecord> => {
  const region = Region.makeUnsafe(plan.region)
  const out: Array<EvaluationRecord> = []
  for (const p of plan.points) {
    out.push({ type: "network-point", id: p.id, region, level: p.level, openedOn: p.openedOn, ...(p.subDistrict === undefined ? {} : { subDistrict: p.subDistrict }) })
  }
  for (const c of plan.consultations) out.push({ type: "consultation", id: c.id, region, on: c.on, channel: c.channel, pointId: c.pointId, topic: c.topic })
  for (const d of plan.documents) out.push({ type: "drafted-document", id: d.id, region, on: d.on, pointId: d.pointId, documentKind: d.documentKind })
  for (const a of plan.activities) {
    const common = { id: a.id, region, on: a.on, ...(a.pointId === undefined ? {} : { pointId: a.pointId }) }
    out.push({
      type: "activity",
      ...common,
      kind: a.kind,
      quantity: a.quantity,
      ...(a.adopted === undefined ? {} : { adopted: a.adopted ? 1 : 0 }),
      ...(a.audience === undefined ? {} : { groups: a.audience })
    } as EvaluationRecord)
    // The materials handed out at an outreach event, as their own line.
    if (a.materials !== undefined) out.push({ type: "activity", ...common, id: `${a.id}-M`, kind: "materials-distributed", quantity: a.materials })
  }
  for (const t of plan.trainings) out.push({ type: "training", id: t.id, region, on: t.on, audience: t.audience, participants: t.participants, hours: t.hours })
  for (let i = 1; i <= plan.auxiliaryStaff; i++) {
    out.push({ type: "staff-position", id: `PL-AUX-${String(i).padStart(2, "0")}`, region, kind: "auxiliary", employment: "labour-dispatch", from: day("2018-01-01"), to: day("2018-12-31") })
  }
  for (const s of plan.surveys) out.push({ type: "survey", id: s.id, region, on: s.on, topic: s.topic, respondents: s.respondents, positive: s.positive, source: s.source })
  return out
}

// ——— the budget ———

const quarterly = (q1: string, q2: string, q3: string) => [
  { by: "2018-03-31", share: q1 },
  { by: "2018-06-30", share: q2 },
  { by: "2018-09-30", share: q3 },
  { by: "2018-12-31", share: "1" }
]

/**
 * The project's 2018 budget. The seed gives only the grants (360,000 yuan to 12 offices); the
 * other amounts are synthetic, sized to the year's work.
 */
export const budget2018: Budget = makeBudgetUnsafe({
  id: "PL-2018",
  region: "530103",
  year: 2018,
  title: "盘龙区法律援助项目2018年度预算（合成示例）",
  lines: [
    { id: "cases", name: "办案补贴", category: "case-subsidy", amount: yuan(900_000), schedule: quarterly("0.2", "0.45", "0.7") },
    { id: "duty", name: "值班律师补贴", category: "duty-subsidy", amount: yuan(36_000), schedule: quarterly("0.25", "0.5", "0.75") },
    { id: "publicity", name: "宣传（手册、微电影、活动）", category: "publicity", amount: yuan(160_000), schedule: quarterly("0.2", "0.5", "0.8") },
    { id: "equipment", name: "设备（扫描仪、身份证阅读器、服务终端）", category: "equipment", amount: yuan(180_000), schedule: [{ by: "2018-06-30", share: "0.6" }, { by: "2018-09-30", share: "1" }] },
    { id: "grants", name: "司法所公共法律服务建设补助", category: "grants", amount: yuan(360_000), schedule: [{ by: "2018-06-30", share: "1" }] },
    { id: "staff", name: "劳务派遣辅助人员（14名）", category: "auxiliary-staff", amount: yuan(588_000), schedule: quarterly("0.25", "0.5", "0.75") },
    { id: "training", name: "三级网络人员培训", category: "training", amount: yuan(40_000), schedule: quarterly("0.25", "0.5", "0.75") }
  ]
})

/**
 * The year's vouchers (manual entries): staff paid monthly; grants to the 12 offices committed in
 * spring but paid only in September (the spending lag the 2018 report names); equipment and
 * publicity late in the year; training as it happened.
 */
export const vouchers2018 = (plan: PlannedYear): ReadonlyArray<LedgerEntry> => {
  let n = 0
  const entry = (lineId: string, on: string, amount: number, extra: { readonly kind?: "commitment"; readonly settles?: string } = {}): LedgerEntry => {
    const key = `v-2018-${String(++n).padStart(3, "0")}`
    return {
      key,
      budgetId: budget2018.id,
      lineId,
      kind: extra.kind ?? "payment",
      amount: yuan(amount),
      on: day(on),
      source: { kind: "manual", ref: `voucher ${key}` },
      ...(extra.settles === undefined ? {} : { settles: extra.settles })
    } as LedgerEntry
  }
  const out: Array<LedgerEntry> = []
  for (let m = 1; m <= 12; m++) out.push(entry("staff", `2018-${String(m).padStart(2, "0")}-25`, 49_000))
  const commitment = entry("grants", "2018-04-16", 360_000, { kind: "commitment" })
  out.push(commitment)
  for (let i = 0; i < plan.subDistricts.length; i++) out.push(entry("grants", i < 4 ? "2018-07-20" : "2018-09-14", 30_000, { settles: commitment.key }))
  out.push(entry("equipment", "2018-05-22", 42_000), entry("equipment", "2018-10-30", 96_000), entry("equipment", "2018-11-28", 30_000))
  out.push(entry("publicity", "2018-04-12", 18_000), entry("publicity", "2018-08-30", 48_000), entry("publicity", "2018-11-15", 60_000), entry("publicity", "2018-12-20", 22_000))
  for (const t of plan.trainings) out.push(entry("training", t.on, 8_500))
  return out
}

// ——— the run ———

/** What the replay produced, for printing and tests. */
export interface ReplayRun {
  readonly cases: ReadonlyMap<string, Case>
  readonly events: number
  readonly records: number
  readonly shifts: number
  readonly subsidies: { readonly cases: number; readonly shifts: number; readonly amount: Money.Fen }
  readonly ledgerEntries: number
  readonly balanced: boolean
}

/**
 * Runs the year on the stores of the layer it is given (every port: cases, rosters, records,
 * the ledger), through the public API only. `progress` is told of each stage. Fails on anything
 * the synthetic year should never produce (a rejected command, an unpaid case): the replay is a
 * check as well as a demo.
 */
export const runYear = (plan: PlannedYear, progress: Progress = () => {}) =>
  Effect.gen(function* () {
    const region = Region.makeUnsafe(plan.region)
    const recordStore = yield* RecordStore
    const rosters = yield* RosterStore
    const ledger = yield* LedgerStore

    // 1. The network and the activity records.
    const records = recordsOf(plan)
    for (let i = 0; i < records.length; i += 1000) {
      yield* recordStore.put(records.slice(i, i + 1000))
      progress("records", Math.min(i + 1000, records.length), records.length)
    }

    // 2. Cases through the lifecycle.
    const { events } = yield* runCases(plan, (done, total) => progress("cases", done, total))

    // 3. The duty roster, solved, stored and worked as planned.
    const roster = solve(Result.getOrThrow(decodeRosterInput(rosterInput(plan.lawyers))))
    yield* rosters.put(region, "PL-2018-duty", roster)
    const worked = yield* recordWorked(region, "PL-2018-duty")
    progress("roster", worked.length, worked.length)

    // 4-5. Subsidies of the concluded cases (due the day the closing materials were filed) and of
    // the worked shifts flow into the ledger, with the budget's vouchers: every fact a subsidy
    // needs is on the cases' events.
    const { cases, corrupt } = yield* loadAll(region)
    if (corrupt.length > 0) return yield* Effect.die(new Error(`${corrupt.length} corrupt cases`))
    const subsidies = yield* Effect.fromResult(subsidiesForLedger({ budget: budget2018, catalogue: tables.panlong, cases, shifts: worked }))
    if (subsidies.unpaid.length > 0) return yield* Effect.die(new Error(`unpaid cases: ${subsidies.unpaid.map((u) => `${u.caseId} (${u.reason})`).join("; ")}`))
    progress("subsidies", subsidies.payables.length, subsidies.payables.length)
    yield* ledger.putBudget(budget2018)
    yield* ledger.append([...vouchers2018(plan), ...subsidies.entries])
    const stored = yield* ledger.listEntries(region, budget2018.id)
    const balance = reconcile(stored, subsidies.payables)
    progress("ledger", stored.length, stored.length)

    return {
      cases: new Map(cases.map((c) => [c.id, c])),
      events,
      records: records.length,
      shifts: worked.length,
      subsidies: { cases: subsidies.cases, shifts: subsidies.shifts, amount: Money.sum(subsidies.payables.map((p) => p.amount)) },
      ledgerEntries: stored.length,
      balanced: balance.balanced
    } satisfies ReplayRun
  })

/** Evaluates 2018 from the stores with the Panlong scheme and builds the report's input. */
export const evaluateYear = (plan: PlannedYear) =>
  selfEvaluation({
    scope: Region.makeUnsafe(plan.region),
    year: plan.year,
    scheme: schemes.panlong2018,
    budgetId: budget2018.id,
    regionName: { zh: "昆明市盘龙区", en: "Panlong District, Kunming" },
    projectName: { zh: "法律援助项目", en: "legal aid project" },
    generatedOn: day("2019-01-15"),
    office: { unit: "昆明市盘龙区法律援助中心", department: "昆明市盘龙区司法局" },
    // The plan to date steps at each schedule point (a quarter's share is due by its end).
    execution: { interpolation: "step" },
    // A qualitative indicator is judged by the evaluators: here, by the replay's assumption.
    judgements: Result.getOrThrow(
      decodeJudgements(schemes.panlong2018, { "management-rules": { band: "fully-met", note: "合成回放：假定管理制度健全 synthetic replay: rules assumed in place" } })
    )
  })
