/**
 * The pre-check page: the form becomes an application, `decodeApplication` checks it (the same
 * issues a server would report), `decide` applies the rules in force on its date for its region,
 * and the page shows the outcome, the means test, the facts still missing and the articles cited.
 * Everything runs in the page; nothing is sent anywhere.
 */
import { Result } from "effect"
import {
  Citation,
  claims,
  type Decision,
  decide,
  decodeApplication,
  disabilities,
  type Issue,
  matterKinds,
  Money,
  procedures,
  sentences,
  stages,
  statuses
} from "fayuan/eligibility/browser"
import {
  claimLabel,
  disabilityLabel,
  fieldLabel,
  type Label,
  matterKindLabel,
  meansTestLabel,
  outcomeLabel,
  procedureLabel,
  sentenceLabel,
  stageLabel,
  statusLabel
} from "./labels.ts"

// ——— a little DOM ———

type Child = Node | string | undefined
const h = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: ReadonlyArray<Child>): HTMLElementTagNameMap[K] => {
  const el = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v)
  for (const c of children) if (c !== undefined) el.append(c)
  return el
}
/** A label: the Chinese, then the English in a quieter line. */
const bilingual = ([zh, en]: Label): DocumentFragment => {
  const f = document.createDocumentFragment()
  f.append(h("span", { class: "zh" }, zh), " ", h("span", { class: "en" }, en))
  return f
}
const byId = <E extends HTMLElement>(id: string): E => {
  const el = document.getElementById(id)
  if (el === null) throw new Error(`#${id} is missing from index.html`)
  return el as E
}
const input = (id: string): HTMLInputElement => byId<HTMLInputElement>(id)
const select = (id: string): HTMLSelectElement => byId<HTMLSelectElement>(id)

// ——— the form, built from the library's vocabularies ———

const options = <V extends string>(id: string, values: ReadonlyArray<V>, labels: Record<V, Label>, blank?: Label): void => {
  const el = select(id)
  if (blank !== undefined) el.append(h("option", { value: "" }, `${blank[0]} ${blank[1]}`))
  for (const v of values) el.append(h("option", { value: v }, `${labels[v][0]} ${labels[v][1]}`))
}
const checkboxes = <V extends string>(id: string, name: string, values: ReadonlyArray<V>, labels: Record<V, Label>): void => {
  const box = byId(id)
  for (const v of values) box.append(h("label", { class: "check" }, h("input", { type: "checkbox", name, value: v }), h("span", {}, bilingual(labels[v]))))
}
const checked = (name: string): Array<string> =>
  [...document.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((el) => el.value)

options("kind", matterKinds, matterKindLabel)
options("stage", stages, stageLabel, ["未填写", "not given"])
options("sentence", sentences, sentenceLabel, ["未填写", "not given"])
options("procedure", procedures, procedureLabel, ["未填写", "not given"])
checkboxes("claims", "claim", claims, claimLabel)
checkboxes("statuses", "status", statuses, statusLabel)
checkboxes("disabilities", "disability", disabilities, disabilityLabel)

const criminal: ReadonlySet<string> = new Set(["criminal-defence", "criminal-victim", "private-prosecution", "incidental-civil", "compulsory-treatment"])
/** Criminal matters ask for the stage and sentence; the others (and incidental civil actions) for claims. */
const showFieldsOfKind = (): void => {
  const kind = select("kind").value
  byId("criminal-fields").hidden = !criminal.has(kind)
  byId("claim-fields").hidden = criminal.has(kind) && kind !== "incidental-civil"
}
select("kind").addEventListener("change", showFieldsOfKind)
input("date").value = new Date().toLocaleDateString("sv-SE") // today, YYYY-MM-DD
showFieldsOfKind()

// ——— form → application ———

const incomeIssue: Label = ["请填写以元为单位的金额（不小于0），最多两位小数", "enter yuan (0 or more), with at most two decimals"]
const membersIssue: Label = ["请填写家庭人口（整数）", "enter the number of people, a whole number"]

/**
 * The amount as a person types it, read as plain digits: full-width digits and point
 * （２５００．５０）as ASCII, and thousands separators (2,500 or 2，500) dropped when they group by
 * three. Anything else is left for `Money.fromYuan` to refuse.
 */
const plainYuan = (text: string): string => {
  const ascii = text.replace(/[０-９．，]/g, (c) => (c === "．" ? "." : c === "，" ? "," : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
  return /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(ascii) ? ascii.replaceAll(",", "") : ascii
}

/** What the form holds, as the JSON an application is; and whether the income was readable. */
const readForm = (): { readonly input: unknown; readonly badIncome: boolean; readonly badMembers: boolean } => {
  const kind = select("kind").value
  const applicant: Record<string, unknown> = {
    disabilities: checked("disability"),
    statuses: checked("status"),
    hasLawyer: input("hasLawyer").checked
  }
  if (input("birthDate").value !== "") applicant["birthDate"] = input("birthDate").value
  let badIncome = false
  // A number box holding text it cannot read reports "" with validity.badInput: not "left blank".
  const membersBox = input("members")
  const badMembers = membersBox.validity.badInput
  const members = membersBox.value.trim()
  const income = plainYuan(input("income").value.trim())
  if (members !== "" || income !== "" || badMembers) {
    const fen = Money.fromYuan(income)
    badIncome = Result.isFailure(fen) || fen.success < 0
    applicant["household"] = {
      members: badMembers ? "?" : members === "" ? undefined : Number(members),
      monthlyIncomeFen: Result.isSuccess(fen) ? fen.success : income,
      area: select("area").value
    }
  }
  const matter: Record<string, unknown> = { kind, claims: [] }
  if (criminal.has(kind)) {
    if (select("stage").value !== "") matter["stage"] = select("stage").value
    if (select("sentence").value !== "") matter["possibleSentence"] = select("sentence").value
    if (select("procedure").value !== "") matter["procedure"] = select("procedure").value
    if (input("inAbsentia").checked) matter["inAbsentia"] = true
  }
  if (!criminal.has(kind) || kind === "incidental-civil") matter["claims"] = checked("claim")
  return { input: { date: input("date").value, region: input("region").value.trim(), applicant, matter }, badIncome, badMembers }
}

// ——— decision → page ———

const result = byId("result")

const labelOfPath = (path: string): Label => {
  const key = path.replace(/\[\d+\]$/, "")
  return fieldLabel[key] ?? [path, path]
}

/** The form control each issue path points at, to mark it. */
const controlOf: Record<string, string> = {
  date: "date",
  region: "region",
  "applicant.birthDate": "birthDate",
  "applicant.household.members": "members",
  "applicant.household.monthlyIncomeFen": "income",
  "applicant.household.area": "area",
  "matter.kind": "kind",
  "matter.stage": "stage",
  "matter.possibleSentence": "sentence",
  "matter.procedure": "procedure"
}

const showIssues = (issues: ReadonlyArray<Issue>): void => {
  for (const i of issues) {
    const id = controlOf[i.path]
    if (id !== undefined) byId(id).setAttribute("aria-invalid", "true")
  }
  result.replaceChildren(
    h("h2", {}, bilingual(["请检查表格", "Please check the form"])),
    h(
      "ul",
      { id: "issues", class: "issues" },
      ...issues.map((i) => h("li", { "data-path": i.path }, h("strong", {}, bilingual(labelOfPath(i.path))), h("span", { class: "reason" }, i.reason)))
    )
  )
  result.dataset["state"] = "invalid"
}

const meansTestLine = (d: Decision): HTMLElement => {
  const m = d.meansTest
  const line = h("p", { id: "means-test", "data-status": m.status }, bilingual(meansTestLabel[m.status]))
  if (m.status === "passed" || m.status === "failed") {
    line.append(
      h(
        "span",
        { class: "figures" },
        `家庭月收入 ${Money.format(Money.fenUnsafe(m.monthlyIncomeFen))}，标准 ${Money.format(Money.fenUnsafe(m.thresholdFen))}（${m.members} 人）` +
          (m.status === "failed" ? `，超出 ${Money.format(Money.fenUnsafe(m.marginFen))}` : "")
      )
    )
    if (!m.form.verified) line.append(h("span", { class: "note" }, "所用标准数额未经核实 · the standard's figures are unverified"))
  }
  return line
}

const article = (id: Decision["citations"][number]): HTMLElement => {
  const p = Citation.describe(id)
  return h(
    "li",
    { "data-id": id },
    h("strong", {}, Citation.articleZh(id)),
    h("code", {}, id),
    p === undefined ? undefined : h("span", { class: "zh" }, p.summaryZh),
    p === undefined ? undefined : h("span", { class: "en" }, p.summaryEn),
    p?.verified === false ? h("span", { class: "note" }, "未核对原文 · not checked against the primary text") : undefined
  )
}

const showDecision = (d: Decision): void => {
  const parts: Array<Child> = [
    h("h2", {}, bilingual(["预审结果", "Pre-check result"])),
    h("p", { id: "outcome", class: `outcome ${d.outcome}`, "data-outcome": d.outcome }, bilingual(outcomeLabel[d.outcome])),
    meansTestLine(d)
  ]
  if (d.missing.length > 0) {
    parts.push(
      h("h3", {}, bilingual(["需要补充的事实", "Facts still missing"])),
      h("ul", { id: "missing" }, ...d.missing.map((f) => h("li", { "data-path": f.path }, h("span", { class: "zh" }, f.reasonZh), h("span", { class: "en" }, f.reasonEn))))
    )
  }
  if (d.advisories.length > 0) {
    parts.push(
      h("h3", {}, bilingual(["提示", "Notes"])),
      h("ul", { id: "advisories" }, ...d.advisories.map((a) => h("li", {}, h("span", { class: "zh" }, a.textZh), h("span", { class: "en" }, a.textEn))))
    )
  }
  parts.push(
    h("h3", {}, bilingual(["法律依据", "Articles cited"])),
    h("ol", { id: "citations" }, ...d.citations.map(article)),
    h("p", { class: "rule-set" }, `规则 Rules: ${d.ruleSet.id}${d.ruleSet.layers.length > 0 ? ` + ${d.ruleSet.layers.join(", ")}` : ""} · ${d.date} · ${d.region}`)
  )
  result.replaceChildren(...parts.filter((p): p is Node | string => p !== undefined))
  result.dataset["state"] = "decided"
}

byId<HTMLFormElement>("precheck").addEventListener("submit", (event) => {
  event.preventDefault()
  for (const el of document.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid")
  const { input: application, badIncome, badMembers } = readForm()
  const decoded = decodeApplication(application)
  if (Result.isFailure(decoded)) {
    // What the person typed, said in the form's words rather than the decoder's.
    const plain = (i: { readonly path: string; readonly reason: string }) =>
      badIncome && i.path === "applicant.household.monthlyIncomeFen"
        ? { path: i.path, reason: `${incomeIssue[0]} · ${incomeIssue[1]}` }
        : badMembers && i.path === "applicant.household.members"
          ? { path: i.path, reason: `${membersIssue[0]} · ${membersIssue[1]}` }
          : i
    showIssues(decoded.failure.issues.map(plain))
    return
  }
  const decision = decide(decoded.success, { trace: false })
  if (Result.isFailure(decision)) {
    result.replaceChildren(h("h2", {}, bilingual(["无法作出预审结果", "No result"])), h("p", { class: "reason" }, decision.failure.message))
    result.dataset["state"] = "error"
    return
  }
  showDecision(decision.success)
})
