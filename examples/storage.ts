/**
 * The embedded default: cases persisted to a SQLite file through node:sqlite. Opens (and
 * migrates) `out/fayuan-demo.sqlite`, runs a month of Panlong's cases through the workflow, keeps
 * each applicant's personal data in the party store (never in the log), and asks what is due.
 * Prints the file's path at the end, to open with any SQLite tool.
 *
 *   npx tsup --silent && node examples/storage.ts
 */
import { randomBytes } from "node:crypto"
import { mkdirSync, rmSync } from "node:fs"
import { resolve } from "node:path"
import { Effect } from "effect"
import { CalendarDate, Region, RuleBook, WorkCalendar } from "fayuan"
import { openSqlite } from "fayuan/adapters/sqlite"
import { type Command, type Context, type Role, decodeParty, dueInScope, execute, loadAll, PartyStore } from "fayuan/lifecycle"

const panlong = Region.makeUnsafe("530103")
const ctx = (date: string, role: Role, id: string = role): Context => ({
  at: `${date}T10:00:00+08:00`,
  calendar: WorkCalendar.china,
  book: RuleBook.defaultRuleBook,
  actor: { id, role, region: panlong }
})

const path = resolve("out", "fayuan-demo.sqlite")
mkdirSync("out", { recursive: true })
for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true })
// Personal data is sealed at rest with a key the host holds (32 bytes, from its key store; here
// from FAYUAN_PARTY_KEY, base64, or a throwaway key for the demo).
const partyKey = process.env["FAYUAN_PARTY_KEY"] === undefined ? randomBytes(32) : Buffer.from(process.env["FAYUAN_PARTY_KEY"], "base64")
const adapter = await openSqlite({ path, parties: { keys: { current: { id: "demo-1", key: partyKey } } } })

const eligible = { outcome: "eligible", meansTest: "passed", citations: ["LAL-31-1-5", "LAL-34"], ruleSetId: "LAL-2022" } as const
// Synthetic people: the check digits are valid, the persons are not real.
const people = [
  { name: "示例甲", residentId: "530103199001011238", phone: "13800000001" },
  { name: "示例乙", residentId: "11010519491231002X" },
  { name: "示例丙", residentId: "530103199001011238" }
]

const program = Effect.gen(function* () {
  const parties = yield* PartyStore
  for (let i = 0; i < 12; i++) {
    const id = `PL-2024-11-${String(i + 1).padStart(3, "0")}`
    const day = CalendarDate.addDays(CalendarDate.makeUnsafe("2024-11-01"), i * 2)
    const steps: Array<[Command, Context]> = [
      [{ type: "apply", caseId: id, region: panlong, kind: i % 3 === 0 ? "labour-arbitration" : "civil", channel: i % 2 === 0 ? "centre" : "workstation" }, ctx(day, "intake")]
    ]
    if (i % 4 !== 3) steps.push([{ type: "decide", eligibility: eligible }, ctx(CalendarDate.addDays(day, 2), "reviewer")])
    if (i % 4 === 0) steps.push([{ type: "assign", lawyerId: `L-${i}`, firmId: "F-dianchi" }, ctx(CalendarDate.addDays(day, 3), "dispatcher")])
    for (const [command, context] of steps) yield* execute(id, command, context)
    const party = decodeParty(people[i % people.length])
    if (party._tag === "Success") yield* parties.put(panlong, id, party.success)
  }
  const { cases } = yield* loadAll(panlong)
  const due = yield* dueInScope(panlong, CalendarDate.makeUnsafe("2024-11-25"), { within: 3 })
  return { cases, due }
})

const { cases, due } = await Effect.runPromise(Effect.provide(program, adapter.layer))
const byState = new Map<string, number>()
for (const c of cases) byState.set(c.state, (byState.get(c.state) ?? 0) + 1)
console.log(`${cases.length} 件案件 cases in 530103 盘龙区: ${[...byState].map(([s, n]) => `${s} ${n}`).join(", ")}`)
console.log(`待办 due or overdue on 2024-11-25 (within 3 days): ${due.length}`)
for (const item of due.slice(0, 5)) console.log(`  ${item.status.padEnd(8)} ${item.caseId}  ${item.kind.padEnd(24)} due ${item.dueOn} (${item.basis})`)
await adapter.close()
console.log(`\nSQLite database: ${path} (parties sealed with AES-256-GCM)`)
