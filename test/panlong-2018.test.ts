/**
 * The main job: the Panlong 2018 replay reproduces every figure of the seed report exactly, on the
 * embedded SQLite default and on the in-memory stores alike, and the same seed writes the same
 * Markdown report to the byte.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { layer as memoryLayer } from "../adapters/memory/index.ts"
import { openSqlite } from "../adapters/sqlite/index.ts"
import type { Measures } from "../src/evaluation/Measure.ts"
import { renderHtml, renderMarkdown } from "../src/report/index.ts"
import type { SelfEvaluation } from "../src/report/selfEvaluation.ts"
import { RosterStore } from "../src/roster/Store.ts"
import * as CalendarDate from "../src/CalendarDate.ts"
import * as Region from "../src/Region.ts"
import { generate } from "../examples/panlong-2018/generate.ts"
import { evaluateYear, runYear, type ReplayRun } from "../examples/panlong-2018/pipeline.ts"
import figures from "./data/panlong-2018.json" with { type: "json" }

const dir = mkdtempSync(join(tmpdir(), "fayuan-panlong-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

interface Outcome {
  readonly run: ReplayRun
  readonly result: SelfEvaluation
  readonly sites: ReadonlyArray<string>
}

const program = (seed: number) =>
  Effect.gen(function* () {
    const plan = generate(seed)
    const run = yield* runYear(plan)
    const result = yield* evaluateYear(plan)
    const rosters = yield* RosterStore
    const worked = yield* rosters.listWorked(Region.makeUnsafe("530103"), { from: CalendarDate.makeUnsafe("2018-01-01"), to: CalendarDate.makeUnsafe("2018-12-31") })
    return { run, result, sites: [...new Set(worked.map((w) => w.siteId))].sort() } satisfies Outcome
  })

const onSqlite = async (seed: number, name: string): Promise<Outcome> => {
  const adapter = await openSqlite({ path: join(dir, `${name}.sqlite`) })
  try {
    return await Effect.runPromise(Effect.provide(program(seed), adapter.layer))
  } finally {
    await adapter.close()
  }
}

const onMemory = (seed: number): Promise<Outcome> =>
  Effect.runPromise(Effect.provide(program(seed), memoryLayer()))

/** A measure's value as a number (counts and fen are whole; rates exact fractions). */
const value = (measures: Measures, key: string): number => {
  const m = measures.get(key)
  if (m === undefined) throw new Error(`no measure ${key}`)
  return m.value.numerator / m.value.denominator
}

/** Every figure of the fixture, and the measure that must equal it. */
const expected: ReadonlyArray<readonly [string, string, number]> = [
  ["counts.casesAccepted", "cases.accepted", figures.counts.casesAccepted],
  ["counts.casesCivil", "cases.civil", figures.counts.casesCivil],
  ["counts.casesCriminal", "cases.criminal", figures.counts.casesCriminal],
  ["counts.casesOther", "cases.other", figures.counts.casesOther],
  ["counts.consultations", "consultations.total", figures.counts.consultations],
  ["counts.documentsDrafted", "documents.drafted", figures.counts.documentsDrafted],
  ["counts.outreachEvents", "outreach.events", figures.counts.outreachEvents],
  ["counts.outreachMaterials", "outreach.materials", figures.counts.outreachMaterials],
  ["counts.dutyShifts", "duty.shifts", figures.counts.dutyShifts],
  ["counts.handbooksPrinted", "outreach.handbooks", figures.counts.handbooksPrinted],
  ["counts.informationArticles", "publicity.articles", figures.counts.informationArticles],
  ["counts.informationArticlesAdopted", "publicity.articles-adopted", figures.counts.informationArticlesAdopted],
  ["counts.casesInMinistryLibrary", "cases.ministry-library", figures.counts.casesInMinistryLibrary],
  ["counts.lecturesAtSubDistrictOffices", "outreach.lectures", figures.counts.lecturesAtSubDistrictOffices],
  ["counts.serviceTerminals", "network.terminals", figures.counts.serviceTerminals],
  ["counts.qualityComplaints", "quality.complaints", figures.counts.qualityComplaints],
  ["counts.auxiliaryStaff", "staff.auxiliary", figures.counts.auxiliaryStaff],
  ["network.centres", "network.centres", figures.network.centres],
  ["network.workstations", "network.workstations", figures.network.workstations],
  ["network.liaisonPoints", "network.liaison-points", figures.network.liaisonPoints],
  ["network.subDistrictOffices", "network.sub-district-offices", figures.network.subDistrictOffices],
  ["money.grantsToJudicialOfficesFen", "budget.grants-to-offices", figures.money.grantsToJudicialOfficesFen],
  ["goals.notifiedCasesAidRate", "aid.notified-rate", 1],
  ["goals.specialGroupsAidRate", "aid.special-groups-rate", 1],
  ["goals.freeConsultationAtAllLevels", "network.free-consultation-rate", 1]
]

describe("the Panlong 2018 replay", () => {
  let sqlite: Outcome
  let again: Outcome
  let memory: Outcome
  beforeAll(async () => {
    sqlite = await onSqlite(2018, "first")
    again = await onSqlite(2018, "second")
    memory = await onMemory(2018)
  })

  it("covers every figure of the fixture", () => {
    const covered = new Set(expected.map(([path]) => path))
    const all = [
      ...Object.keys(figures.counts).map((k) => `counts.${k}`),
      ...Object.keys(figures.network).map((k) => `network.${k}`),
      ...Object.keys(figures.money).map((k) => `money.${k}`),
      ...Object.keys(figures.goals).filter((k) => figures.goals[k as keyof typeof figures.goals] === "100%").map((k) => `goals.${k}`)
    ]
    expect(all.filter((p) => !covered.has(p))).toEqual([])
  })

  it.each(expected)("reproduces %s exactly (measure %s) on SQLite and in memory", (_path, key, figure) => {
    expect(value(sqlite.result.measures, key)).toBe(figure)
    expect(value(memory.result.measures, key)).toBe(figure)
  })

  it("staffs the three duty sites of the report", () => {
    expect(sqlite.sites).toEqual(["centre", "court", "procuratorate"])
    expect(sqlite.run.shifts).toBe(figures.counts.dutyShifts)
  })

  it("puts the seed's figures into the scored indicators with their evidence", () => {
    const byMeasure = new Map(sqlite.result.evaluation.indicators.map((i) => [i.id, i]))
    const accepted = byMeasure.get("cases-accepted")!
    expect(accepted.actual?.value.numerator).toBe(figures.counts.casesAccepted)
    expect(accepted.evidence?.records).toBe(figures.counts.casesAccepted)
    expect(byMeasure.get("duty-shifts")!.actual?.value.numerator).toBe(figures.counts.dutyShifts)
  })

  it("keeps the ledger balanced with the cases and shifts it was paid from", () => {
    expect(sqlite.run.balanced).toBe(true)
    expect(memory.run.balanced).toBe(true)
    expect(sqlite.run.ledgerEntries).toBe(memory.run.ledgerEntries)
  })

  it("gives the same evaluation on SQLite and in memory", () => {
    const strip = (o: Outcome) => JSON.stringify([...o.result.measures].sort(([a], [b]) => (a < b ? -1 : 1)))
    expect(strip(memory)).toBe(strip(sqlite))
    expect(renderMarkdown(memory.result.report)).toBe(renderMarkdown(sqlite.result.report))
  })

  it("writes a byte-identical report from the same seed", () => {
    const a = renderMarkdown(sqlite.result.report)
    const b = renderMarkdown(again.result.report)
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true)
    expect(renderHtml(again.result.report)).toBe(renderHtml(sqlite.result.report))
    expect(a).toContain("864")
  })

  it("writes a different year from another seed, with the same seed figures", async () => {
    const other = await onMemory(7)
    expect(renderMarkdown(other.result.report)).not.toBe(renderMarkdown(sqlite.result.report))
    for (const [, key, figure] of expected) expect(value(other.result.measures, key)).toBe(figure)
  })
})
