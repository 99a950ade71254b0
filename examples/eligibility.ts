/**
 * Eligibility, four ways: a migrant worker's wage claim, a minor suspect, a refusal with its
 * margin, and a 2018 case under the rules of the time.
 *
 *   npm run build && node examples/eligibility.ts
 */
import { Result } from "effect"
import { Citation, Money, Parameter, RuleBook } from "fayuan"
import { type Decision, decide, decodeApplication } from "fayuan/eligibility"

const outcomeLabel = {
  mandatory: "应当通知指派 mandatory",
  eligible: "给予法律援助 eligible",
  ineligible: "不予法律援助 ineligible",
  "not-yet-eligible": "尚未到可申请阶段 not yet eligible",
  incomplete: "材料不齐全 incomplete"
} as const

const meansLabel = {
  "not-required": "无需经济困难审查 not required",
  "verification-exempt": "免予核查 exempt from verification",
  passed: "符合经济困难标准 passed",
  failed: "不符合经济困难标准 failed",
  recognised: "认定为低收入人口 recognised as low-income",
  "not-recognised": "未认定为低收入人口 not recognised as low-income",
  "not-assessed": "未审查 not assessed"
} as const

const show = (title: string, input: unknown, parameters: Record<string, unknown> = {}): void => {
  console.log(`\n━━ ${title}`)
  const app = decodeApplication(input)
  if (Result.isFailure(app)) {
    console.log(app.failure.message)
    return
  }
  const overrides = Result.getOrThrow(Parameter.decodeOverrides(RuleBook.defaultRuleBook.parameters, parameters))
  const r = decide(app.success, { parameters: overrides })
  if (Result.isFailure(r)) {
    console.log(`无法决定 cannot decide: ${r.failure.message}`)
    return
  }
  print(r.success)
}

const print = (d: Decision): void => {
  console.log(`  结果 outcome        ${outcomeLabel[d.outcome]}`)
  console.log(`  规则 rule set       ${d.ruleSet.id} (${d.ruleSet.validFrom} → ${d.ruleSet.validTo ?? "…"})${d.ruleSet.layers.length > 0 ? ` + ${d.ruleSet.layers.join(", ")}` : ""}`)
  const m = d.meansTest
  let means: string = meansLabel[m.status]
  if (m.status === "passed" || m.status === "failed") {
    means += ` — income ${Money.format(Money.fenUnsafe(m.monthlyIncomeFen))}/month, line ${Money.format(Money.fenUnsafe(m.thresholdFen))}`
    if (m.status === "failed") means += `, ${Money.format(Money.fenUnsafe(m.marginFen))} above the line`
  }
  console.log(`  经济 means test     ${means}`)
  console.log("  依据 basis")
  for (const id of d.citations) {
    const p = Citation.describe(id)
    console.log(`    ${id.padEnd(11)} ${p?.summaryZh ?? ""}${p?.verified === false ? " (unverified)" : ""}`)
  }
  if (d.requirements.lawyerMinYears !== undefined) console.log(`  指派 assignment     lawyer with ≥ ${d.requirements.lawyerMinYears} years of practice`)
  if (d.requirements.minorsSpecialist === true) console.log("  指派 assignment     a lawyer familiar with minors")
  for (const f of d.missing) console.log(`  缺少 missing        ${f.path}: ${f.reasonZh} / ${f.reasonEn}`)
  for (const a of d.advisories) console.log(`  提示 note           ${a.textZh} (${a.basis})`)
  const unverified = d.parameters.filter((p) => !p.verified)
  for (const p of unverified) console.log(`  ⚠ unverified parameter ${p.key} = ${Parameter.formatValue(p.value)} (${p.source})`)
}

show("进城务工人员追讨工资 — a migrant worker's wage claim (2024)", {
  date: "2024-03-15",
  region: "530103",
  applicant: { birthDate: "1988-08-08", disabilities: [], statuses: ["migrant-worker"], hasLawyer: false },
  matter: { kind: "labour-arbitration", claims: ["labour-remuneration"] }
})

show("未成年犯罪嫌疑人 — a minor suspect without a lawyer (2024)", {
  date: "2024-05-10",
  region: "530103",
  applicant: { birthDate: "2008-03-01", disabilities: [], statuses: ["detained"], hasLawyer: false },
  matter: { kind: "criminal-defence", stage: "investigation", possibleSentence: "fixed-term", claims: [] }
})

show(
  "赡养费纠纷，收入超标 — a maintenance claim refused, with its margin (2024)",
  {
    date: "2024-01-10",
    region: "530103",
    applicant: {
      birthDate: "1950-05-05",
      disabilities: [],
      statuses: [],
      hasLawyer: false,
      household: { members: 3, monthlyIncomeFen: 645000, area: "urban" }
    },
    matter: { kind: "civil", claims: ["maintenance"] }
  },
  { "hardship.urban.minimumLivingStandardMonthlyFen": { value: 80000, source: "example figure", verified: false } }
)

show("2018年劳动报酬案件 — a 2018 wage claim under the 2003 Regulation", {
  date: "2018-04-20",
  region: "530103",
  applicant: {
    birthDate: "1980-01-01",
    disabilities: [],
    statuses: [],
    hasLawyer: false,
    household: { members: 3, monthlyIncomeFen: 300000, area: "urban" }
  },
  matter: { kind: "labour-arbitration", claims: ["labour-remuneration"] }
})
