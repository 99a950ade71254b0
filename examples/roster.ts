/**
 * Panlong's 2018 duty year: three duty sites — the district public legal service centre
 * (Tuesdays and Thursdays), the court workstation (Wednesdays) and the procuratorate workstation
 * (Friday mornings, from its opening on 2018-05-18) — 180 lawyer-shifts in all, shared by 30
 * lawyers of six district firms. Printed as a month grid with the fairness certificate, then
 * re-planned after one lawyer falls ill.
 *
 *   npx tsup --silent && node examples/roster.ts
 */
import { Result } from "effect"
import { CalendarDate } from "fayuan"
import { type Roster, decodeRosterInput, replan, solve } from "fayuan/roster"

const firms = ["dianchi", "jinbi", "panlong", "beijing-road", "chuanjin", "songhua"]
const lawyers = Array.from({ length: 30 }, (_, i) => ({
  id: `L${String(i + 1).padStart(2, "0")}`,
  firmId: firms[i % firms.length]!,
  region: "530103",
  yearsOfPractice: 1 + ((i * 7) % 17),
  languages: i % 9 === 0 ? ["yi"] : [],
  unavailable: i === 4 ? ["2018-03-06", "2018-03-08", "2018-03-13"] : []
}))

const input = Result.getOrThrow(
  decodeRosterInput({
    period: { from: "2018-01-01", to: "2018-12-31" },
    sites: [
      { id: "centre", name: "区公共法律服务中心", region: "530103", days: [2, 4], shifts: [{ slot: "full", lawyersNeeded: 1 }] },
      { id: "court", name: "区法院工作站", region: "530103", days: [3], shifts: [{ slot: "full", lawyersNeeded: 1 }] },
      { id: "procuratorate", name: "区检察院工作站", region: "530103", days: [5], shifts: [{ slot: "am", lawyersNeeded: 1 }], minYearsOfPractice: 3, openFrom: "2018-05-18" }
    ],
    lawyers,
    firms: firms.map((id) => ({ id, quotaShare: "0.1667" })),
    parameters: { maxPerMonth: 2 },
    seed: 2018
  })
)

const weekdayZh = ["", "一", "二", "三", "四", "五", "六", "日"]
const grid = (roster: Roster, month: string, highlight?: string) => {
  const rows = new Map<string, Map<string, string>>()
  for (const a of roster.assignments) {
    if (!a.date.startsWith(month)) continue
    const row = rows.get(a.date) ?? new Map<string, string>()
    row.set(a.siteId, a.lawyerId === highlight ? `${a.lawyerId}*` : a.lawyerId)
    rows.set(a.date, row)
  }
  console.log(`  日期 date     周  中心 centre  法院 court  检察院 procuratorate`)
  for (const [date, row] of [...rows].sort()) {
    const wd = CalendarDate.dayOfWeek(CalendarDate.makeUnsafe(date))
    console.log(`  ${date}  ${weekdayZh[wd]}   ${(row.get("centre") ?? "·").padEnd(11)} ${(row.get("court") ?? "·").padEnd(11)} ${row.get("procuratorate") ?? "·"}`)
  }
}

const t0 = performance.now()
const roster = solve(input)
const ms = performance.now() - t0
const c = roster.certificate
console.log(`盘龙区2018年值班表 — Panlong duty roster 2018: ${roster.assignments.length} lawyer-shifts, ${roster.unfilled.length} unfilled, solved in ${ms.toFixed(0)} ms\n`)
console.log("2018年6月 June 2018")
grid(roster, "2018-06")
console.log(`\n公平性证明 fairness certificate`)
console.log(`  loads: max ${c.maxLoad}, min ${c.minLoad}; spread among lawyers with the same availability ≤ ${c.maxSpread}`)
console.log(`  proven lower bound on the best possible maximum load: ${c.lowerBound} → gap ${c.gap}`)
const dist = new Map<number, number>()
for (const l of c.loads) dist.set(l.load, (dist.get(l.load) ?? 0) + 1)
console.log(`  lawyers by load: ${[...dist].sort((a, b) => a[0] - b[0]).map(([load, n]) => `${n} × ${load}`).join(", ")}`)
for (const f of c.firmShares ?? []) console.log(`  firm ${f.firmId.padEnd(13)} ${String(f.seats).padStart(3)} shifts (quota ${f.quota})`)
for (const u of roster.unfilled.slice(0, 3)) console.log(`  unfilled ${u.date} ${u.siteId} ${u.slot}: ${u.reason}`)

// L07 falls ill on 2018-06-08 and is away until the end of July.
const ill = "L07"
const { roster: next, changes } = replan(input, roster, { lawyerId: ill, from: CalendarDate.makeUnsafe("2018-06-08"), to: CalendarDate.makeUnsafe("2018-07-31") }, CalendarDate.makeUnsafe("2018-06-08"))
console.log(`\n重新排班 re-plan: ${ill} ill from 2018-06-08 to 2018-07-31 — ${changes.length} shift(s) move, nothing before 2018-06-08 or pinned moves`)
for (const ch of changes) console.log(`  ${ch.date} ${ch.siteId.padEnd(13)} ${ch.from ?? "·"} → ${ch.to ?? "unfilled"}`)
console.log(`  new maximum load ${next.certificate.maxLoad} (lower bound ${next.certificate.lowerBound})`)
