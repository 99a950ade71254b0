/**
 * Subsidies and the project budget, Panlong 2018. What the aid lawyers are paid: a criminal case
 * through three stages shared by two lawyers, a possible death-penalty case, a civil case withdrawn
 * before the hearing, graded amounts and extra recipients from two published example tables, and
 * a month of duty shifts. Then the project budget with its quarterly schedule, half a year of
 * spending behind plan recorded in a SQLite ledger (the subsidies flow in under their own keys;
 * recording them again changes nothing), the execution report at 30 June computed in SQL, the
 * warnings it raises, and the reconciliation of the ledger with the subsidies. Every table is an
 * example, not an official standard; lawyers are L01…L12.
 *
 *   npx tsup --silent && node examples/subsidy.ts
 */
import { Effect, Result } from "effect"
import { CalendarDate, Money, Region, WorkCalendar } from "fayuan"
import { openSqlite } from "fayuan/adapters/sqlite"
import { type Payable, entriesFromPayables, payablesOfCase, payablesOfDuty, executionReport, LedgerStore, makeBudgetUnsafe, reconcile } from "fayuan/budget"
import { type Catalogue, type Line, type Subsidy, type WorkedShift, calculateCase, calculateDuty, decodeClaim, tables } from "fayuan/subsidy"

const d = CalendarDate.makeUnsafe
const panlong = Region.makeUnsafe("530103")
const yuan = (n: number) => Money.fenUnsafe(n * 100)

/** Pads by display width (a CJK character takes two columns). */
const width = (s: string) => [...s].reduce((n, ch) => n + (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0)
const pad = (s: string, n: number) => s + " ".repeat(Math.max(0, n - width(s)))
const padL = (s: string, n: number) => " ".repeat(Math.max(0, n - width(s))) + s
const money = (f: Money.Fen, n = 11) => padL(Money.format(f), n)
const pct = (r: { numerator: number; denominator: number }) => `${((100 * r.numerator) / r.denominator).toFixed(1)}%`

// ── Subsidies ──────────────────────────────────────────────────────────────────────────────────
const caseSubsidy = (catalogue: Catalogue, input: Record<string, unknown>): Subsidy =>
  Result.getOrThrow(calculateCase(catalogue, Result.getOrThrow(decodeClaim({ region: "530103", endedBy: "concluded", recipients: 1, ...input }))))

const lineText = (l: Line) =>
  `  ${pad(`${l.label.zh} ${l.label.en}`, 56)} ${pad(`${l.standardId}#${l.rowId}`, 44)} ${l.effectiveFrom} ${money(l.amount, 10)}${l.code === "base" || l.code === "early-end" ? "" : `  (${l.detail})`}`

const show = (title: string, s: Subsidy) => {
  console.log(`${pad(title, 58)} ${money(s.amount)}   标准 standard by ${s.dateRule} ${s.date}`)
  for (const l of s.lines) console.log(lineText(l))
  for (const n of s.notes) console.log(`    note: ${n}`)
}

const std = tables.panlong2018
console.log(`盘龙区2018 办案补贴 — Panlong 2018 subsidies: table ${std.id} (${std.effectiveFrom}..${std.effectiveTo}), ${std.label}, verified: ${std.verified}\n`)

// A criminal case through three stages, shared 2 : 1 by two lawyers.
const criminal = caseSubsidy(tables.panlong, {
  caseId: "C-0101", service: "criminal", stagesCompleted: ["investigation", "prosecution-review", "trial"],
  assignedOn: "2018-01-08", endedOn: "2018-05-25", lawyers: [{ lawyerId: "L02", share: "1" }, { lawyerId: "L01", share: "2" }]
})
show("C-0101 刑事三阶段 criminal, three stages", criminal)
const parts = criminal.allocations ?? []
console.log(`  分配 allocation 2 : 1 → ${parts.map((a) => `${a.lawyerId} ${Money.format(a.amount)}`).join(" + ")} = ${Money.format(Money.sum(parts.map((a) => a.amount)))}`)

// A possible death sentence, aid from the trial stage on.
const death = caseSubsidy(tables.panlong, {
  caseId: "C-0102", service: "criminal", stagesCompleted: ["trial"], possibleLifeOrDeath: true,
  assignedOn: "2018-02-26", endedOn: "2018-06-12", lawyers: [{ lawyerId: "L07" }]
})
show("C-0102 可能判处死刑 possible death sentence", death)

// A civil case withdrawn before the hearing: the early-end row, nothing else.
const withdrawn = caseSubsidy(tables.panlong, {
  caseId: "C-0103", service: "civil", endedBy: "withdrawn-before-hearing", assignedOn: "2018-03-12", endedOn: "2018-04-02", lawyers: [{ lawyerId: "L09" }]
})
show("C-0103 民事开庭前撤回 civil, withdrawn", withdrawn)

// Published example tables: amounts graded by quality (Tianchang 2020), extra recipients (Rizhao 2017).
console.log(`\n公布的示例标准 published example tables (lower bounds, unverified):`)
for (const grade of ["pass", "good"] as const) {
  show(`天长 Tianchang civil, graded ${grade}`, caseSubsidy(tables.examples, { region: "341181", caseId: `T-${grade}`, service: "civil", grade, assignedOn: "2020-03-02", endedOn: "2020-08-20" }))
}
show("日照 Rizhao civil, 4 recipients", caseSubsidy(tables.examples, { region: "371102", caseId: "R-1", service: "civil", recipients: 4, assignedOn: "2017-05-02", endedOn: "2017-10-16" }))

// Duty shifts: centre Thursdays, court Wednesdays (full days), procuratorate Friday mornings from
// its opening on 2018-05-18; on 2018-05-09 L03 covers the court morning and afternoon.
const dutyShifts = (from: string, to: string): Array<WorkedShift> => {
  const out: Array<WorkedShift> = []
  let turn = 0
  const next = () => `L0${1 + (turn++ % 5)}`
  for (let day = d(from); day <= d(to); day = CalendarDate.addDays(day, 1)) {
    if (!WorkCalendar.china.isWorkingDay(day)) continue
    const base = { region: panlong, date: day, seat: 0 }
    const wd = CalendarDate.dayOfWeek(day)
    if (wd === 3 && day === "2018-05-09") out.push({ ...base, siteId: "court", slot: "am", lawyerId: "L03" }, { ...base, siteId: "court", slot: "pm", lawyerId: "L03" })
    else if (wd === 3) out.push({ ...base, siteId: "court", slot: "full", lawyerId: next() })
    if (wd === 4) out.push({ ...base, siteId: "centre", slot: "full", lawyerId: next() })
    if (wd === 5 && day >= "2018-05-18") out.push({ ...base, siteId: "procuratorate", slot: "am", lawyerId: next() })
  }
  return out
}
const may = Result.getOrThrow(calculateDuty(tables.panlong, dutyShifts("2018-05-01", "2018-05-31")))
console.log(`\n值班 duty shifts May 2018: ${may.days.length} lawyer-days, ${Money.format(may.amount)}`)
for (const day of [...may.days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
  for (const l of day.lines) {
    console.log(`  ${day.date} ${day.lawyerId} ${pad(`${l.shift.siteId} ${l.shift.slot}`, 17)} ${pad(`${l.label.zh} ${l.label.en}`, 38)} ${pad(`${l.standardId}#${l.rowId}`, 34)} ${l.effectiveFrom} ${money(l.amount, 8)}${day.lines.length > 1 ? `  (${l.detail})` : ""}`)
  }
}
const perLawyer = new Map<string, Money.Fen>()
for (const day of may.days) perLawyer.set(day.lawyerId, Money.add(perLawyer.get(day.lawyerId) ?? Money.zero, day.amount))
console.log(`  每位律师 per lawyer: ${[...perLawyer].sort().map(([id, a]) => `${id} ${Money.format(a)}`).join(" · ")}`)

// ── Payables: the subsidies ready for the ledger, under their idempotency keys ────────────────
const casePayables = (s: Subsidy, filedOn: string) => payablesOfCase(s, { on: d(filedOn) })
const dutyPayables = payablesOfDuty

// The rest of the half-year's closed cases, computed the same way (files closed every other day).
const kinds = [
  { service: "civil" },
  { service: "criminal", stagesCompleted: ["trial"] },
  { service: "civil" },
  { service: "criminal", stagesCompleted: ["investigation", "prosecution-review"] },
  { service: "labour-arbitration" }
]
const closed = Array.from({ length: 85 }, (_, i) => {
  const filed = CalendarDate.addDays(d("2018-01-10"), 2 * i)
  const ended = CalendarDate.addDays(filed, -7)
  const s = caseSubsidy(tables.panlong, {
    caseId: `C-${String(i + 1).padStart(4, "0")}`, ...kinds[i % kinds.length], assignedOn: CalendarDate.addDays(ended, -80), endedOn: ended,
    lawyers: [{ lawyerId: `L${String(1 + (i % 12)).padStart(2, "0")}` }]
  })
  return casePayables(s, filed)
}).flat()
const payables: Array<Payable> = [
  ...casePayables(criminal, "2018-06-05"), ...casePayables(death, "2018-06-20"), ...casePayables(withdrawn, "2018-04-10"), ...closed,
  ...dutyPayables(Result.getOrThrow(calculateDuty(tables.panlong, dutyShifts("2018-01-01", "2018-06-30"))))
]

// ── Budget ─────────────────────────────────────────────────────────────────────────────────────
const quarterly = (q1: string, q2: string, q3: string) =>
  [{ by: "2018-03-31", share: q1 }, { by: "2018-06-30", share: q2 }, { by: "2018-09-30", share: q3 }, { by: "2018-12-31", share: "1" }]
const budget = makeBudgetUnsafe({
  id: "PL-2018", region: "530103", year: 2018, title: "盘龙区法律援助项目 Panlong legal aid project 2018",
  lines: [
    { id: "cases", name: "办案补贴 case subsidies", category: "case-subsidy", amount: yuan(400_000), schedule: quarterly("0.15", "0.4", "0.7") },
    { id: "duty", name: "值班补贴 duty subsidies", category: "duty-subsidy", amount: yuan(22_000), schedule: quarterly("0.25", "0.5", "0.75") },
    { id: "publicity", name: "宣传 publicity", category: "publicity", amount: yuan(80_000), schedule: quarterly("0.25", "0.5", "0.75") },
    { id: "equipment", name: "设备 equipment", category: "equipment", amount: yuan(150_000), schedule: [{ by: "2018-03-31", share: "0.6" }, { by: "2018-06-30", share: "1" }] },
    { id: "grants", name: "司法所补助 grants, 12 offices", category: "grants", amount: yuan(360_000), schedule: [{ by: "2018-06-30", share: "0.5" }, { by: "2018-12-31", share: "1" }] },
    { id: "staff", name: "辅助人员 14 auxiliary staff", category: "auxiliary-staff", amount: yuan(840_000), schedule: quarterly("0.25", "0.5", "0.75") },
    { id: "training", name: "培训 training", category: "training", amount: yuan(50_000), schedule: [{ by: "2018-06-30", share: "0.3" }, { by: "2018-11-30", share: "1" }] }
  ]
})

// Vouchers entered by hand: the grants committed in March, four of twelve offices paid by June.
let voucher = 0
const manual = (lineId: string, on: string, amount: number, extra: { kind?: "commitment"; settles?: string } = {}) => ({
  key: `v-${String(++voucher).padStart(3, "0")}`, budgetId: budget.id, lineId, kind: extra.kind ?? ("payment" as const),
  amount: yuan(amount), on: d(on), source: { kind: "manual" as const, ref: `voucher ${voucher}` }, ...(extra.settles === undefined ? {} : { settles: extra.settles })
})
const vouchers = [
  ...["01", "02", "03", "04", "05", "06"].map((m) => manual("staff", `2018-${m}-25`, 70_000)),
  manual("grants", "2018-03-20", 360_000, { kind: "commitment" }),
  ...[0, 1, 2, 3].map(() => manual("grants", "2018-05-15", 30_000, { settles: "v-007" })),
  manual("equipment", "2018-03-10", 48_000), manual("equipment", "2018-04-18", 36_000), manual("equipment", "2018-06-15", 54_000),
  manual("publicity", "2018-03-15", 3_500), manual("publicity", "2018-04-20", 16_000),
  manual("training", "2018-06-08", 14_200)
]
const fromSubsidies = Result.getOrThrow(entriesFromPayables(budget, payables))
const shared = fromSubsidies.find((e) => e.key === "case:530103:C-0101:L01")!
const asOf = d("2018-06-30")

const program = Effect.gen(function* () {
  const ledger = yield* LedgerStore
  yield* ledger.putBudget(budget)
  const first = yield* ledger.append([...vouchers, ...fromSubsidies])
  const before = yield* ledger.listEntries(panlong, budget.id)
  // The same payments again, in another order; then one key reused with another amount.
  const again = yield* ledger.append([...fromSubsidies].reverse().concat(vouchers))
  const changed = { ...shared, amount: Money.add(shared.amount, yuan(1)) }
  const conflict = yield* Effect.flip(ledger.append([changed]))
  const entries = yield* ledger.listEntries(panlong, budget.id)
  const report = yield* executionReport(panlong, budget.id, asOf)
  return { first, again, conflict, unchanged: JSON.stringify(before) === JSON.stringify(entries), report, entries }
})
const adapter = await openSqlite({ path: ":memory:" })
const { first, again, conflict, unchanged, report, entries } = await Effect.runPromise(Effect.provide(program, adapter.layer))
await adapter.close()

console.log(`\n预算 budget ${budget.id}: ${budget.title}, ${budget.lines.length} lines, ${Money.format(report.overall.budget)}`)
console.log(`记账 ledger (SQLite): ${vouchers.length} vouchers + ${fromSubsidies.length} subsidy payments from ${payables.length} payables, keyed e.g. ${shared.key}, ${fromSubsidies.at(-1)!.key}`)
console.log(`  first record ${first.recorded.length} recorded, ${first.duplicates.length} duplicates · again, reordered: ${again.recorded.length} recorded, ${again.duplicates.length} duplicates`)
console.log(`  same key, other amount: ${conflict._tag} (${conflict.message})`)
console.log(`  stored ${entries.length} entries, ${unchanged ? "unchanged by the replay and the refused batch" : "CHANGED"}`)

console.log(`\n执行情况 execution as of ${report.asOf} (linear between schedule points; computed in SQL)`)
console.log(`  ${pad("项目 line", 30)} ${padL("预算 budget", 13)} ${padL("计划 planned", 13)} ${padL("已付 paid", 13)} ${padL("执行率", 7)} ${padL("偏差 variance", 13)} ${padL("承诺 committed", 14)}`)
const row = (name: string, f: typeof report.overall) =>
  console.log(`  ${pad(name, 30)} ${money(f.budget, 13)} ${money(f.planned, 13)} ${money(f.paid, 13)} ${padL(pct(f.executionRate), 7)} ${money(f.variance, 13)} ${money(f.committed, 14)}`)
for (const l of report.lines) row(l.name, l)
row("合计 overall", report.overall)

const o = report.options
console.log(`\n预警 warnings (behind by ≥ ${pct(o.behindBy)} of plan, while more than ${o.marginDays} days are left):`)
for (const w of report.warnings) {
  const name = w.lineId === undefined ? "合计 overall" : report.lines.find((l) => l.lineId === w.lineId)!.name
  console.log(`  ⚠ ${pad(name, 30)} gap ${Money.format(w.gap)} (${pct(w.gapRate)} of ${Money.format(w.planned)} planned), ${w.daysLeft} days left: ${Money.format(w.remaining)} to spend, ${Money.format(w.neededPerMonth)} a month`)
}

const rec = reconcile(entries, payables)
console.log(`\n对账 reconcile(ledger, payables): missing ${rec.missing.length}, orphaned ${rec.orphaned.length}, mismatched ${rec.mismatched.length}, doubled ${rec.doubled.length} → ${rec.balanced ? "balanced 平衡" : "NOT balanced"}`)
const paidFromSubsidies = Money.sum(entries.filter((e) => e.source.kind !== "manual").map((e) => e.amount))
console.log(`  ${Money.format(paidFromSubsidies)} in the ledger from cases and shifts = ${Money.format(Money.sum(payables.map((p) => p.amount)))} of subsidies computed`)
