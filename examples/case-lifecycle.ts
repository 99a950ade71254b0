/**
 * The case lifecycle, four stories through the workflow on the in-memory store: a civil case from
 * application to archive across the National Day holiday, a court's notice for a minor's defence,
 * a refusal the justice bureau overturns, and a termination upheld on objection. Then one command
 * the machine rejects, and what is due on a date.
 *
 *   npx tsup --silent && node examples/case-lifecycle.ts
 */
import { Effect, Result } from "effect"
import { CalendarDate, Citation, Region, RuleBook, WorkCalendar } from "fayuan"
import { layer } from "fayuan/adapters/memory"
import { type Decision, decide, decodeApplication } from "fayuan/eligibility"
import {
  type Case,
  type CaseEvent,
  type Clock,
  type Command,
  type Context,
  type EligibilitySummary,
  type Role,
  chinaDate,
  clockStatus,
  dueInScope,
  execute,
  gradeNamesZh
} from "fayuan/lifecycle"

const panlong = Region.makeUnsafe("530103")
const wuhua = Region.makeUnsafe("530102")
const kunming = Region.makeUnsafe("5301")

const roleZh: Record<Role, string> = {
  intake: "受理", reviewer: "审查", bureau: "司法局", dispatcher: "指派", lawyer: "律师", quality: "质量", finance: "财务", auditor: "审计"
}
const eventZh: Record<CaseEvent["type"], string> = {
  ApplicationReceived: "受理申请", NotificationReceived: "收到通知", EligibilityAssessed: "记录资格审查意见", MaterialsRequested: "一次性告知补材料", MaterialsSupplied: "补齐材料",
  ReviewStarted: "开始审查", ApplicationWithdrawn: "撤回申请", AidGranted: "决定给予援助", AidRefused: "决定不予援助",
  RefusalObjected: "对不予援助提出异议", RefusalFinal: "不予援助决定生效", PreGranted: "先行提供援助", FormalitiesCompleted: "补办手续",
  LawyerAssigned: "指派律师", LawyerReassigned: "更换律师", HandlingStarted: "开始承办", TerminationGroundReported: "律师报告终止事由",
  AidTerminated: "终止法律援助", TerminationObjected: "对终止提出异议", TerminationObjectionDecided: "异议审查决定", OutcomeRecorded: "记录办理结果",
  CaseConcluded: "提交结案材料", QualityGraded: "质量评估", CaseArchived: "归档"
}
const clockZh: Record<Clock["kind"], string> = {
  decision: "审查决定", "materials-supply": "补充材料", "assignment-after-grant": "决定后指派", "assignment-after-notification": "通知后指派",
  "refusal-objection": "异议审查", "termination-objection": "终止异议审查", "closing-materials": "结案材料", "detainee-forwarding": "羁押转交"
}
const statusZh = { met: "按时", missed: "逾期完成", cancelled: "取消", running: "进行中", due: "今日届满", overdue: "已逾期" } as const

/** Display width, counting CJK characters as two columns. */
const width = (s: string): number => [...s].reduce((w, ch) => w + (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0)
const pad = (s: string, n: number): string => s + " ".repeat(Math.max(1, n - width(s)))
const day = CalendarDate.makeUnsafe

const ctx = (at: string, role: Role, id: string = role, region: Region.RegionCode = panlong): Context => ({
  at: `${at}+08:00`,
  calendar: WorkCalendar.china,
  book: RuleBook.defaultRuleBook,
  actor: { id, role, region }
})

/** A real eligibility decision, as the grant or refusal records it. */
const eligibility = (input: unknown): EligibilitySummary => {
  const d: Decision = Result.getOrThrow(decide(Result.getOrThrow(decodeApplication(input))))
  return { outcome: d.outcome, meansTest: d.meansTest.status, citations: d.citations, ruleSetId: d.ruleSet.id }
}

const details = (e: CaseEvent): string => {
  const cite = (id: string) => `${id} ${Citation.describe(id)?.summaryZh ?? ""}`
  switch (e.type) {
    case "ApplicationReceived":
      return `${e.kind} · ${e.channel} · ${e.ruleSetId}`
    case "NotificationReceived":
      return `${e.organ} · ${e.kind} · ${e.grounds.map(cite).join("; ")}`
    case "AidGranted":
      if (e.byObjection) return "依异议改为给予 granted on the bureau's order"
      return `${e.eligibility.outcome} · means test ${e.eligibility.meansTest} · ${e.eligibility.citations.join(" ")}`
    case "AidRefused":
      return `${e.eligibility.outcome} · means test ${e.eligibility.meansTest} · ${e.eligibility.citations.join(" ")}`
    case "LawyerAssigned":
      return [`${e.lawyerId} (${e.firmId})`, ...(e.rationale === undefined ? [] : [`${e.rationale.qualified}/${e.rationale.considered} qualified`])].join(" · ")
    case "TerminationGroundReported":
    case "AidTerminated":
      return cite(e.ground)
    case "RefusalObjected":
    case "TerminationObjected":
    case "CaseConcluded":
      return `basis ${e.basis}`
    case "TerminationObjectionDecided":
      return `${e.upheld ? "upheld 成立" : "rejected 不成立"} · ${e.basis}`
    case "OutcomeRecorded":
      return `ended ${e.endedOn} · ${e.outcome}`
    case "QualityGraded":
      return `${gradeNamesZh[e.grade]} ${e.grade}`
    default:
      return ""
  }
}

/** Why a due date is later than the period's last day: a holiday or a weekend. */
const moved = (c: Clock): string => {
  if (c.counting !== "calendar-days") return ""
  const last = CalendarDate.addDays(c.startedOn, c.length)
  if (last === c.dueOn) return ""
  const h = WorkCalendar.holidayOn(last)
  return `  ← ${last} ${h === undefined ? "周末 weekend" : `${h.nameZh} ${h.nameEn}`}`
}

const show = (title: string, log: ReadonlyArray<CaseEvent>, c: Case): void => {
  console.log(`\n━━ ${title}`)
  console.log(`   案件 case ${c.id} · ${c.region} ${Region.name(c.region) ?? ""} · 状态 state ${c.state}`)
  console.log(`   ${pad("#", 3)}${pad("日期 date", 12)}${pad("角色 role", 18)}${pad("事件 event", 46)}要点 details`)
  for (const e of log) {
    const event = `${eventZh[e.type]} ${e.type}`
    console.log(`   ${pad(String(e.sequence), 3)}${pad(chinaDate(e.occurredAt)!, 12)}${pad(`${roleZh[e.actor.role]} ${e.actor.role}`, 18)}${pad(event, 46)}${details(e)}`.trimEnd())
  }
  const asOf = chinaDate(c.lastOccurredAt)!
  console.log(`   时限 clocks (as of ${asOf})`)
  for (const k of c.clocks) {
    const end = k.stoppedOn ?? k.cancelledOn
    const status = clockStatus(k, asOf)
    console.log(
      `   ${pad(`${clockZh[k.kind]} ${k.kind}`, 44)}${k.startedOn} → ${k.dueOn}  ${pad(end === undefined ? "" : `停 ${end}`, 16)}` +
        `${pad(`${statusZh[status]} ${status}`, 18)}${k.basis} ${k.length}${k.counting === "calendar-days" ? " 日 days" : ` ${k.counting}`}${moved(k)}`
    )
  }
}

/** A command, its context, and whether the story means it to be rejected. */
type Step = readonly [Command, Context, "rejected"?]

const story = (title: string, caseId: string, steps: ReadonlyArray<Step>) =>
  Effect.gen(function* () {
    const log: Array<CaseEvent> = []
    const rejections: Array<string> = []
    let current: Case | undefined
    for (const [command, context, expect] of steps) {
      if (expect === "rejected") {
        const r = yield* Effect.result(execute(caseId, command, context))
        if (Result.isFailure(r) && r.failure._tag === "CommandRejected") {
          const f = r.failure
          rejections.push(`${context.actor.id} (${context.actor.role}) → ${command.type}: ${f._tag} { reason: ${f.reason}, state: ${f.state} }`, `  ${f.message}`)
        }
        continue
      }
      const r = yield* execute(caseId, command, context)
      log.push(...r.events)
      current = r.case
    }
    show(title, log, current!)
    if (rejections.length > 0) console.log(`   被拒绝的命令 rejected, nothing recorded:\n${rejections.map((l) => `   ${l}`).join("\n")}`)
  })

const program = Effect.gen(function* () {
  // (1) A traffic-accident claim, applied for on the Friday before National Day.
  const civil = eligibility({
    date: "2024-09-27",
    region: "530103",
    applicant: { birthDate: "1975-02-02", disabilities: [], statuses: [], hasLawyer: false, household: { members: 4, monthlyIncomeFen: 180000, area: "urban" } },
    matter: { kind: "civil", claims: ["traffic-accident"] }
  })
  yield* story("(1) 民事案件：从申请到归档 — a civil case from application to archive", "PL-2024-0927", [
    [{ type: "apply", caseId: "PL-2024-0927", region: panlong, kind: "civil", channel: "centre" }, ctx("2024-09-27T09:10", "intake")],
    [{ type: "startReview" }, ctx("2024-09-30T10:00", "reviewer")],
    [{ type: "decide", eligibility: civil }, ctx("2024-10-08T15:30", "reviewer")],
    [{ type: "assign", lawyerId: "L-zhang", firmId: "F-dianchi" }, ctx("2024-10-10T09:00", "dispatcher")],
    [{ type: "startHandling" }, ctx("2024-10-11T14:00", "lawyer", "L-zhang")],
    [{ type: "recordOutcome", endedOn: day("2024-11-20"), outcome: "mediation" }, ctx("2024-11-21T10:00", "lawyer", "L-zhang")],
    [{ type: "conclude" }, ctx("2024-12-02T16:00", "lawyer", "L-zhang")],
    [{ type: "grade", grade: "good" }, ctx("2024-12-05T11:00", "quality")],
    [{ type: "archive" }, ctx("2024-12-06T09:30", "intake")]
  ])

  // (2) The court notifies: a minor defendant needs a defence lawyer (LAL-25-1-1).
  // The notice's ground sets what the assignment needs (a lawyer suited to minors, MPL-104-2);
  // the case keeps it, and assignCase's filters read it from there.
  const notified = "PL-2024-0510"
  yield* story("(2) 通知辩护：未成年被告人 — a court notifies a minor's defence", notified, [
    [{ type: "notify", caseId: notified, region: panlong, kind: "criminal-defence", organ: "court", grounds: ["LAL-25-1-1"] }, ctx("2024-05-10T16:20", "intake")],
    [{ type: "assign", lawyerId: "L-li", firmId: "F-jinbi" }, ctx("2024-05-11T10:00", "dispatcher")],
    [{ type: "startHandling" }, ctx("2024-05-13T09:00", "lawyer", "L-li")],
    [{ type: "recordOutcome", endedOn: day("2024-08-15"), outcome: "judgment" }, ctx("2024-08-16T09:00", "lawyer", "L-li")],
    // A lawyer not assigned to the case tries to file its closing materials.
    [{ type: "conclude" }, ctx("2024-08-30T11:00", "lawyer", "L-wang"), "rejected"],
    [{ type: "conclude" }, ctx("2024-09-02T15:00", "lawyer", "L-li")]
  ])

  // (3) A maintenance claim refused on means; the bureau upholds the objection.
  const refused = eligibility({
    date: "2024-01-10",
    region: "530103",
    applicant: { birthDate: "1950-05-05", disabilities: [], statuses: [], hasLawyer: false, household: { members: 3, monthlyIncomeFen: 645000, area: "urban" } },
    matter: { kind: "civil", claims: ["maintenance"] }
  })
  yield* story("(3) 不予援助，异议成立 — refused, objection upheld, then assigned", "PL-2024-0110", [
    [{ type: "apply", caseId: "PL-2024-0110", region: panlong, kind: "civil", channel: "online" }, ctx("2024-01-10T09:00", "intake")],
    [{ type: "decide", eligibility: refused }, ctx("2024-01-12T11:00", "reviewer")],
    [{ type: "objectToRefusal" }, ctx("2024-01-15T10:00", "intake")],
    // The bureau finds the household's income was miscounted and orders the grant.
    [{ type: "decideObjection", upheld: true, eligibility: { ...refused, outcome: "eligible", meansTest: "passed" } }, ctx("2024-01-19T17:00", "bureau", "bureau", kunming)],
    [{ type: "assign", lawyerId: "L-zhao", firmId: "F-dianchi" }, ctx("2024-01-22T09:30", "dispatcher")]
  ])

  // (4) A wage claim: the worker hires their own lawyer, aid ends, the objection fails.
  const wages = eligibility({
    date: "2024-03-01",
    region: "530103",
    applicant: { birthDate: "1988-08-08", disabilities: [], statuses: ["migrant-worker"], hasLawyer: false },
    matter: { kind: "labour-arbitration", claims: ["labour-remuneration"] }
  })
  yield* story("(4) 终止法律援助 — aid terminated, objection rejected, archived", "PL-2024-0301", [
    [{ type: "apply", caseId: "PL-2024-0301", region: panlong, kind: "labour-arbitration", channel: "workstation" }, ctx("2024-03-01T10:00", "intake")],
    [{ type: "decide", eligibility: wages }, ctx("2024-03-04T10:00", "reviewer")],
    [{ type: "assign", lawyerId: "L-chen", firmId: "F-jinbi" }, ctx("2024-03-05T09:00", "dispatcher")],
    [{ type: "startHandling" }, ctx("2024-03-06T09:00", "lawyer", "L-chen")],
    [{ type: "reportTerminationGround", ground: "LAL-48-1-6" }, ctx("2024-03-20T14:00", "lawyer", "L-chen")],
    [{ type: "terminate", ground: "LAL-48-1-6" }, ctx("2024-03-21T10:00", "reviewer")],
    [{ type: "objectToTermination" }, ctx("2024-03-22T09:00", "intake")],
    [{ type: "decideTerminationObjection", upheld: false }, ctx("2024-03-26T16:00", "bureau", "bureau", kunming)],
    [{ type: "archive" }, ctx("2024-03-28T09:00", "intake")]
  ])

  // What is due: two new matters in December, one in each district of Kunming.
  yield* execute("WH-2024-1202", { type: "notify", caseId: "WH-2024-1202", region: wuhua, kind: "criminal-defence", organ: "procuratorate", grounds: ["LAL-25-1-1"] }, ctx("2024-12-02T11:00", "intake", "intake", wuhua))
  yield* execute("PL-2024-1202", { type: "apply", caseId: "PL-2024-1202", region: panlong, kind: "civil", channel: "hotline-12348" }, ctx("2024-12-02T15:00", "intake"))
  const on = day("2024-12-09")
  const due = yield* dueInScope(kunming, on, { within: 3 })
  console.log(`\n━━ 待办 What is due in ${kunming} ${Region.name(kunming) ?? ""} on ${on} (within 3 days)`)
  for (const d of due) {
    console.log(`   ${pad(`${statusZh[d.status]} ${d.status}`, 18)}${pad(d.caseId, 14)}${pad(`${clockZh[d.kind]} ${d.kind}`, 44)}due ${d.dueOn} (${d.daysLeft} days) ${d.basis}`)
  }
})

Effect.runSync(Effect.provide(program, layer()))
