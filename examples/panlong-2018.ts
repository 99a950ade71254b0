/**
 * The main job: replay Panlong District's 2018 legal aid year on the embedded SQLite default and
 * write the self-evaluation report the 2018 centre assembled by hand — its empty scoring section
 * filled — in Markdown, HTML (with charts) and Word, and the self-evaluation table as a workbook.
 *
 *   npx tsup --silent && node examples/panlong-2018.ts [--seed 2018] [--out out]
 *
 * Everything runs on synthetic records generated from the seed to agree with every figure of the
 * 2018 report (test/data/panlong-2018.json); the same seed gives the same report, to the byte.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs"
import { resolve } from "node:path"
import { parseArgs } from "node:util"
import { Effect } from "effect"
import { Money } from "fayuan"
import { openSqlite } from "fayuan/adapters/sqlite"
import { formatPoints, formatValue } from "fayuan/evaluation"
import { renderHtml, renderMarkdown } from "fayuan/report"
import { renderDocx } from "fayuan/report/docx"
import { renderSelfEvaluationXlsx } from "fayuan/report/xlsx"
import { generate } from "./panlong-2018/generate.ts"
import { evaluateYear, runYear } from "./panlong-2018/pipeline.ts"

const { values } = parseArgs({ options: { seed: { type: "string", default: "2018" }, out: { type: "string", default: "out" } } })
const seed = Number(values.seed)
const outDir = resolve(values.out)
const started = performance.now()
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`

// Progress on one line when the output is a terminal, a line per stage otherwise.
const tty = process.stdout.isTTY === true
let lastStage = ""
const progress = (stage: string, done: number, total: number) => {
  if (tty) {
    process.stdout.write(`\r  ${stage.padEnd(10)} ${String(done).padStart(6)} / ${total}  ${elapsed()}   `)
    if (done === total) process.stdout.write("\n")
  } else if (done === total && stage !== lastStage) {
    console.log(`  ${stage.padEnd(10)} ${total} done  ${elapsed()}`)
  }
  lastStage = done === total ? stage : lastStage
}

mkdirSync(outDir, { recursive: true })
const path = resolve(outDir, "panlong-2018.sqlite")
for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true })

console.log(`盘龙区法律援助 2018 回放 — Panlong 2018 replay (seed ${seed}) on SQLite ${path}`)
const plan = generate(seed)
const adapter = await openSqlite({ path })
try {
  const { run, result } = await Effect.runPromise(
    Effect.provide(
      Effect.gen(function* () {
        const run = yield* runYear(plan, progress)
        const result = yield* evaluateYear(plan)
        return { run, result }
      }),
      adapter.layer
    )
  )
  const { evaluation, report } = result
  const markdown = renderMarkdown(report)
  const files = {
    markdown: resolve(outDir, "panlong-2018-report.md"),
    html: resolve(outDir, "panlong-2018-report.html"),
    docx: resolve(outDir, "panlong-2018-report.docx"),
    xlsx: resolve(outDir, "panlong-2018-自评表.xlsx")
  }
  writeFileSync(files.markdown, markdown)
  writeFileSync(files.html, renderHtml(report))
  writeFileSync(files.docx, await renderDocx(report))
  writeFileSync(files.xlsx, await renderSelfEvaluationXlsx(report))

  const m = (key: string) => {
    const v = result.measures.get(key)
    return v === undefined ? "—" : formatValue(v.value, v.unit, "zh")
  }
  console.log(`\n  ${run.cases.size} cases (${run.events} events), ${run.records} records, ${run.shifts} duty shifts, ${run.subsidies.cases + run.subsidies.shifts} subsidies ${Money.format(run.subsidies.amount)}, ${run.ledgerEntries} ledger entries, ledger ${run.balanced ? "balances with the cases and shifts" : "DOES NOT BALANCE"}`)
  console.log(`  受理 cases ${m("cases.accepted")} (民事 civil ${m("cases.civil")}, 刑事 criminal ${m("cases.criminal")}, 其他 other ${m("cases.other")}) · 咨询 consultations ${m("consultations.total")} · 代书 documents ${m("documents.drafted")} · 值班 shifts ${m("duty.shifts")}`)
  console.log(`  应援尽援 notified ${m("aid.notified-rate")} · special groups ${m("aid.special-groups-rate")} · 三级网络免费咨询 free consultation ${m("network.free-consultation-rate")} · 预算执行率 budget execution ${m("budget.execution-rate")}`)
  for (const g of evaluation.groups) console.log(`  ${g.name.zh}\u3000${g.id.padEnd(13)} ${formatPoints(g.score).padStart(6)} / ${formatPoints(g.points)}`)
  console.log(`  总分 total ${formatPoints(evaluation.total)} → 等级 ${evaluation.grade.name.zh} (grade ${evaluation.grade.name.en})`)
  console.log(`\n报告 report (${elapsed()}):\n  ${files.markdown}\n  ${files.html}\n  ${files.docx}\n  ${files.xlsx}\n  database ${path}`)
} finally {
  await adapter.close()
}
