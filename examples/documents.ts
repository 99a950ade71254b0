/**
 * The documents a centre issues, from the Panlong 2018 replay on the embedded SQLite default:
 * one civil case of the replay through grant, assignment (the notice to the firm and the letter
 * to the court) and termination, and one application refused — every document numbered in its
 * sequence, written as Word and as a print-ready HTML page — and the year's self-evaluation
 * table (项目支出绩效自评表) as the workbook the finance bureau receives.
 *
 *   npx tsup --silent && node examples/documents.ts [--out out/documents]
 *
 * The replay holds no personal data; the parties here are made up, and their names appear in
 * the documents addressed to them and nowhere else (the database seals them with a key made for
 * this run).
 */
import { randomBytes } from "node:crypto"
import { mkdirSync, rmSync, writeFileSync } from "node:fs"
import { resolve } from "node:path"
import { parseArgs } from "node:util"
import { Effect, Result } from "effect"
import { CalendarDate, Region, RuleBook, WorkCalendar } from "fayuan"
import { openSqlite } from "fayuan/adapters/sqlite"
import { type DocumentContext, type DocumentKind, type DocumentModel, issueDocument, renderDocumentHtml } from "fayuan/documents"
import { renderDocumentDocx } from "fayuan/documents/docx"
import { decide, decodeApplication } from "fayuan/eligibility"
import { type Context, decodeParty, execute, load, PartyStore, summarise } from "fayuan/lifecycle"
import { renderSelfEvaluationXlsx } from "fayuan/report/xlsx"
import { generate } from "./panlong-2018/generate.ts"
import { evaluateYear, runYear } from "./panlong-2018/pipeline.ts"

const { values } = parseArgs({ options: { out: { type: "string", default: "out/documents" } } })
const outDir = resolve(values.out)
rmSync(outDir, { recursive: true, force: true })
mkdirSync(outDir, { recursive: true })
const region = Region.makeUnsafe("530103")

const firmNames: Readonly<Record<string, string>> = {
  dianchi: "云南滇池律师事务所",
  jinbi: "云南金碧律师事务所",
  panlong: "云南盘龙律师事务所",
  "beijing-road": "云南北京路律师事务所",
  chuanjin: "云南穿金律师事务所",
  songhua: "云南松华律师事务所"
}

/** What only the host knows: the centre, its bureau, the names behind ids, the organ a letter goes to. */
const context: DocumentContext = {
  centre: { name: "昆明市盘龙区法律援助中心", shortName: "盘", phone: "0871-12348" },
  bureau: { name: "昆明市盘龙区司法局" },
  lawyer: (id) => ({ name: `示例律师${id.replace(/\D/g, "")}号` }),
  firm: (id) => (firmNames[id] === undefined ? undefined : { name: `${firmNames[id]}（示例）` }),
  organ: { name: "昆明市盘龙区人民法院" }
}

const ctx = (day: string, role: Context["actor"]["role"]): Context => ({
  at: `${day}T10:00:00+08:00`,
  calendar: WorkCalendar.china,
  book: RuleBook.defaultRuleBook,
  actor: { id: `${role}-1`, role, region }
})

const plan = generate(2018)
const path = resolve(outDir, "panlong-2018.sqlite")
const adapter = await openSqlite({ path, parties: { keys: { current: { id: "example", key: new Uint8Array(randomBytes(32)) } } } })
const written: Array<string> = []

try {
  const program = Effect.gen(function* () {
    yield* runYear(plan)
    const evaluation = yield* evaluateYear(plan)

    // One civil case of the replay with a lawyer on it and still open at the year's end.
    const heads = yield* Effect.promise(() => Effect.runPromise(adapter.caseStore.list(region)))
    let head: (typeof heads)[number] | undefined
    for (const h of heads.filter((x) => x.lawyer !== undefined && x.state === "in-progress")) {
      if ((yield* load(region, h.caseId)).kind === "civil") {
        head = h
        break
      }
    }
    if (head === undefined) throw new Error("the replay has no open civil case with a lawyer")
    const parties = yield* PartyStore
    yield* parties.put(region, head.caseId, Result.getOrThrow(decodeParty({ name: "张三", residentId: "11010519491231002X", phone: "13800000000" })))
    const issued: Array<DocumentModel> = []
    const issue = (kind: DocumentKind, caseId: string, more: Partial<DocumentContext> = {}) =>
      issueDocument(kind, region, caseId, { ...context, ...more }).pipe(Effect.tap((d) => Effect.sync(() => issued.push(d))))

    yield* issue("grant-decision", head.caseId, { caseTitle: "追索劳动报酬纠纷一案" })
    yield* issue("assignment-notice", head.caseId, { caseTitle: "追索劳动报酬纠纷一案" })
    yield* issue("official-letter", head.caseId, { caseTitle: "追索劳动报酬纠纷一案" })
    // Issuing again gives the same number: nothing is spent twice.
    const again = yield* issueDocument("grant-decision", region, head.caseId, { ...context, caseTitle: "追索劳动报酬纠纷一案" })
    if (again.number !== issued[0]!.number) throw new Error("a re-issue took a new number")

    // The recipient hired a lawyer of their own (条例第二十三条第（三）项): aid ends.
    const since = head.lawyer!.since
    const ends = CalendarDate.addDays(since, 20) > "2018-12-28" ? "2018-12-28" : CalendarDate.addDays(since, 20)
    yield* execute(head.caseId, { type: "terminate", ground: "LAR-23-1-3" }, ctx(ends, "reviewer"))
    yield* issue("termination-decision", head.caseId, { caseTitle: "追索劳动报酬纠纷一案" })

    // An application the means test refuses: the eligibility engine decides, the case records it.
    const refusedId = "2018-R001"
    const application = decodeApplication({
      date: "2018-11-05",
      region,
      applicant: { birthDate: "1980-02-11", disabilities: [], statuses: [], hasLawyer: false, household: { members: 2, monthlyIncomeFen: 1_500_000, area: "urban" } },
      matter: { kind: "civil", claims: ["labour-remuneration"] }
    })
    const decision = decide(Result.getOrThrow(application))
    yield* parties.put(region, refusedId, Result.getOrThrow(decodeParty({ name: "李四", residentId: "11010519491231002X" })))
    const summary = summarise(Result.getOrThrow(decision))
    yield* execute(refusedId, { type: "apply", caseId: refusedId, region, kind: "civil", channel: "centre" }, ctx("2018-11-05", "intake"))
    yield* execute(refusedId, { type: "decide", eligibility: summary }, ctx("2018-11-06", "reviewer"))
    yield* issue("refusal-decision", refusedId, { caseTitle: "追索劳动报酬纠纷一案" })
    return { issued, report: evaluation.report, caseId: head.caseId }
  })
  const { issued, report, caseId } = await Effect.runPromise(Effect.provide(program, adapter.layer))

  for (const d of issued) {
    const base = resolve(outDir, `${d.title}${d.number}`)
    writeFileSync(`${base}.html`, renderDocumentHtml(d))
    writeFileSync(`${base}.docx`, await renderDocumentDocx(d))
    written.push(`${base}.docx`, `${base}.html`)
  }
  const table = resolve(outDir, "2018年度项目支出绩效自评表.xlsx")
  writeFileSync(table, await renderSelfEvaluationXlsx(report))
  written.push(table)

  console.log(`法律援助文书 — documents of case ${caseId} and of a refused application (Panlong 2018 replay)`)
  for (const d of issued) console.log(`  ${d.number}  ${d.title}`)
  console.log(`\n文件 files:\n  ${written.join("\n  ")}`)
} finally {
  await adapter.close()
}
