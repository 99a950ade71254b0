/**
 * Document templates as data, keyed by region and period like every rule: a province's variant
 * replaces the national one for its districts, from the date it takes effect, without code.
 *
 * A template's text holds blanks in braces — `{applicant.name}`, `{case.title}`,
 * `{materials.list}` — filled from the case's events, the party's data and the host's context
 * (see `facts.ts`); a blank whose fact is not known is a `MissingFact`, never an empty line.
 *
 * The national templates follow the Legal Aid Law's own sentences (`LAL-43`, `LAL-48`, `LAL-49`,
 * `LAL-36`, `LAL-50`, `LAL-55`) from 2022, and before it those of the Regulations on Legal Aid
 * (`LAR-18`, `LAR-19`, `LAR-21`, `LAR-23`, `LAR-24`), for a case decided under them. The Ministry of Justice's 《法律援助文书格式》 (notice of
 * 2023-11-10) could be read only in part — the opening of format 17, 更换法律援助人员通知书 — so
 * every other text is marked `verified: false` with its source; `docs/research/document-formats.md`
 * says what was read. The number form `（年）X援决字第N号` is local practice: a region sets its own.
 *
 * @since 0.2.0
 */
import type * as CalendarDate from "../CalendarDate.ts"
import * as Region from "../Region.ts"
import type { DocumentKind } from "./Document.ts"

/**
 * A template: the kind, where and when it applies, the title, the number form, the addressee,
 * the body, the closing words, contact lines and a form's rows (for the closing form).
 *
 * @category models
 */
export interface Template {
  readonly id: string
  readonly kind: DocumentKind
  /** The region it applies to (and every region under it), `000000` for the nation. */
  readonly region: Region.RegionCode
  readonly validFrom: CalendarDate.CalendarDate
  readonly validTo?: CalendarDate.CalendarDate
  readonly title: string
  /** The number: `{year}`, `{n}` and any fact (`{centre.shortName}`). */
  readonly number: string
  readonly addressee?: string
  readonly paragraphs: ReadonlyArray<string>
  readonly table?: ReadonlyArray<readonly [label: string, value: string]>
  readonly closing?: string
  readonly contacts?: ReadonlyArray<string>
  readonly source: string
  readonly verified: boolean
}

const ours = "fayuan: built from the Legal Aid Law's wording (《法律援助文书格式》2023 not read in full; see docs/research/document-formats.md)"
const from2022 = "2022-01-01" as CalendarDate.CalendarDate
/** The Regulations on Legal Aid (法律援助条例) were in force from 2003-09-01 until the Law replaced them. */
const from2003 = "2003-09-01" as CalendarDate.CalendarDate
const to2021 = "2021-12-31" as CalendarDate.CalendarDate
const oursLar = "fayuan: built from the wording of the Regulations on Legal Aid (2003), arts 18, 19, 21, 23, 24; not a Ministry text"
const nation = Region.national

/** The number word of each kind in the local form `（年）X援{word}字第N号` (援决字, 援指字, 援函字 are seen in practice; the others are ours). */
const numberOf = (word: string) => `（{year}）{centre.shortName}援${word}字第{n}号`

/** The rows of the closing form, the same under the Law and the Regulations. */
const closingRows: ReadonlyArray<readonly [string, string]> = [
  ["案件编号", "{case.id}"],
  ["受援人", "{recipient.name}"],
  ["案件名称", "{case.title}"],
  ["援助事项类别", "{case.kind}"],
  ["受理日期", "{case.received}"],
  ["承办单位", "{firm.name}"],
  ["承办人", "{lawyer.name}"],
  ["指派日期", "{assignment.date}"],
  ["办结日期", "{closing.ended}"],
  ["结案方式", "{closing.outcome}"],
  ["提交结案材料日期", "{closing.filed}"]
]

/**
 * The national templates: under the Legal Aid Law from 2022-01-01, and under the Regulations on
 * Legal Aid from 2003-09-01 to 2021-12-31 (the assignment notice, the letter and the replacement
 * notice, which cite no article, serve both).
 *
 * @category templates
 */
export const nationalTemplates: ReadonlyArray<Template> = [
  {
    id: "national/grant-decision",
    kind: "grant-decision",
    region: nation,
    validFrom: from2022,
    title: "给予法律援助决定书",
    number: numberOf("决"),
    addressee: "{applicant.name}：",
    paragraphs: [
      "你于{application.date}向本机构提出的{case.title}法律援助申请，经审查，符合法律援助条件。根据{decision.basis}的规定，本机构决定给予法律援助。",
      "本机构将自本决定作出之日起三日内指派法律援助人员为你提供法律援助，并将法律援助人员的姓名和联系方式告知你。"
    ],
    closing: "特此通知。",
    contacts: ["本机构联系电话：{centre.phone}"],
    source: ours,
    verified: false
  },
  {
    id: "national/refusal-decision",
    kind: "refusal-decision",
    region: nation,
    validFrom: from2022,
    title: "不予法律援助决定书",
    number: numberOf("不"),
    addressee: "{applicant.name}：",
    paragraphs: [
      "你于{application.date}向本机构提出的{case.title}法律援助申请，经审查，{refusal.reason}。根据{refusal.basis}的规定，本机构决定不予法律援助。",
      "如对本决定有异议，可以{objection.period}向{bureau.name}提出。司法行政部门应当自收到异议之日起五日内进行审查，作出维持本机构决定或者责令本机构改正的决定（《中华人民共和国法律援助法》第四十九条）。"
    ],
    closing: "特此通知。",
    source: ours,
    verified: false
  },
  {
    id: "national/materials-notice",
    kind: "materials-notice",
    region: nation,
    validFrom: from2022,
    title: "补充材料、说明通知书",
    number: numberOf("补"),
    addressee: "{applicant.name}：",
    paragraphs: [
      "你于{application.date}提出的{case.title}法律援助申请，所提交的申请材料不齐全。根据《中华人民共和国法律援助法》第四十三条第二款的规定，现一次性告知需要补充的材料如下：",
      "{materials.list}",
      "请你{materials.due}向本机构补充上述材料或者作出说明。未按要求补充材料或者作出说明的，视为撤回申请。"
    ],
    closing: "特此通知。",
    contacts: ["本机构联系电话：{centre.phone}"],
    source: ours,
    verified: false
  },
  {
    id: "national/assignment-notice",
    kind: "assignment-notice",
    region: nation,
    validFrom: from2003,
    title: "指派通知书",
    number: numberOf("指"),
    addressee: "{firm.name}：",
    paragraphs: [
      "本机构决定对{recipient.name}{case.title}提供法律援助，现指派你单位{lawyer.name}承办。",
      "请你单位自收到本通知书之日起五日内安排承办人与受援人或者其法定代理人、近亲属签订委托代理或者辩护协议和授权委托书，并将承办人的姓名和联系电话告知受援人。"
    ],
    closing: "特此通知。",
    contacts: ["受援人联系电话：{recipient.phone}"],
    source: ours,
    verified: false
  },
  {
    id: "national/official-letter",
    kind: "official-letter",
    region: nation,
    validFrom: from2003,
    title: "法律援助公函",
    number: numberOf("函"),
    addressee: "{organ.name}：",
    paragraphs: ["{letter.notice}本机构对{recipient.name}{case.title}，已指派{firm.name}{lawyer.name}担任其{lawyer.role}。"],
    closing: "特此函告。",
    contacts: ["承办人联系电话：{lawyer.phone}"],
    source: ours,
    verified: false
  },
  {
    id: "national/termination-decision",
    kind: "termination-decision",
    region: nation,
    validFrom: from2022,
    title: "终止法律援助决定书",
    number: numberOf("终"),
    addressee: "{recipient.name}：",
    paragraphs: [
      "本机构于{grant.date}决定为你{case.title}提供法律援助。经审查，{termination.reason}，属于{termination.basis}规定的情形。根据《中华人民共和国法律援助法》第四十八条的规定，本机构决定终止法律援助。",
      "如对本决定有异议，可以{objection.period}向{bureau.name}提出（《中华人民共和国法律援助法》第四十九条）。"
    ],
    closing: "特此通知。",
    source: ours,
    verified: false
  },
  {
    id: "national/replacement-notice",
    kind: "replacement-notice",
    region: nation,
    validFrom: from2003,
    title: "更换法律援助人员通知书",
    number: numberOf("更"),
    addressee: "{firm.name}：",
    paragraphs: [
      "本机构于{replacement.date}就{recipient.name}{case.title}的法律援助人员作出更换决定（{replacement.reason}）。现指派你单位{lawyer.name}承办本案。",
      "请你单位自收到本通知书之日起五日内将承办人姓名和联系电话告知受援人及本机构，与受援人变更委托代理或者辩护协议和授权委托书，并与原承办人办理案件移交手续。"
    ],
    closing: "特此通知。",
    source: "司法部《法律援助文书格式》（2023年11月10日）格式十七的开头（法律图书馆转载）与《中华人民共和国法律援助法》第五十五条；其余为 fayuan 补足",
    verified: false
  },
  {
    id: "national/closing-form",
    kind: "closing-form",
    region: nation,
    validFrom: from2022,
    title: "法律援助案件结案报告表",
    number: numberOf("结"),
    paragraphs: ["依据《中华人民共和国法律援助法》第五十条，法律援助事项办理结束后，法律援助人员向法律援助机构报告并提交有关法律文书的副本或者复印件、办理情况报告等材料。"],
    table: closingRows,
    source: ours,
    verified: false
  },
  // Before the Law: the Regulations on Legal Aid (2003-09-01 to 2021-12-31), for a case decided then.
  {
    id: "national/grant-decision/lar",
    kind: "grant-decision",
    region: nation,
    validFrom: from2003,
    validTo: to2021,
    title: "给予法律援助决定书",
    number: numberOf("决"),
    addressee: "{applicant.name}：",
    paragraphs: [
      "你于{application.date}向本机构提出的{case.title}法律援助申请，经审查，符合法律援助条件。根据{decision.basis}的规定，本机构决定给予法律援助。",
      "本机构将指派法律援助人员为你提供法律援助，并将法律援助人员的姓名和联系方式告知你。"
    ],
    closing: "特此通知。",
    contacts: ["本机构联系电话：{centre.phone}"],
    source: oursLar,
    verified: false
  },
  {
    id: "national/refusal-decision/lar",
    kind: "refusal-decision",
    region: nation,
    validFrom: from2003,
    validTo: to2021,
    title: "不予法律援助决定书",
    number: numberOf("不"),
    addressee: "{applicant.name}：",
    paragraphs: [
      "你于{application.date}向本机构提出的{case.title}法律援助申请，经审查，{refusal.reason}。根据{refusal.basis}的规定，本机构决定不予法律援助。",
      "如对本决定有异议，可以{objection.period}向{bureau.name}提出。司法行政部门应当在收到异议之日起5个工作日内进行审查（《法律援助条例》第十九条）。"
    ],
    closing: "特此通知。",
    source: oursLar,
    verified: false
  },
  {
    id: "national/materials-notice/lar",
    kind: "materials-notice",
    region: nation,
    validFrom: from2003,
    validTo: to2021,
    title: "补充材料、说明通知书",
    number: numberOf("补"),
    addressee: "{applicant.name}：",
    paragraphs: [
      "你于{application.date}提出的{case.title}法律援助申请，所提交的证件、证明材料不齐全。根据《法律援助条例》第十八条的规定，请你补充以下材料或者作出说明：",
      "{materials.list}",
      "请你{materials.due}向本机构补充上述材料或者作出说明。未按要求作出补充或者说明的，视为撤销申请。"
    ],
    closing: "特此通知。",
    contacts: ["本机构联系电话：{centre.phone}"],
    source: oursLar,
    verified: false
  },
  {
    id: "national/termination-decision/lar",
    kind: "termination-decision",
    region: nation,
    validFrom: from2003,
    validTo: to2021,
    title: "终止法律援助决定书",
    number: numberOf("终"),
    addressee: "{recipient.name}：",
    paragraphs: [
      "本机构于{grant.date}决定为你{case.title}提供法律援助。经审查核实，{termination.reason}，属于{termination.basis}规定的情形。根据《法律援助条例》第二十三条的规定，本机构决定终止法律援助。"
    ],
    closing: "特此通知。",
    source: oursLar,
    verified: false
  },
  {
    id: "national/closing-form/lar",
    kind: "closing-form",
    region: nation,
    validFrom: from2003,
    validTo: to2021,
    title: "法律援助案件结案报告表",
    number: numberOf("结"),
    paragraphs: ["依据《法律援助条例》第二十四条，承办人员在案件结案时向法律援助机构提交有关的法律文书副本或者复印件以及结案报告等材料。"],
    table: closingRows,
    source: oursLar,
    verified: false
  }
]

/**
 * The template of a kind in force for `region` on `date`: the most specific region's (district,
 * then city, province, nation), among `templates`.
 *
 * @example
 * ```ts
 * import { CalendarDate, Region } from "fayuan"
 * import { nationalTemplates, templateFor } from "fayuan/documents"
 * templateFor(nationalTemplates, "grant-decision", Region.makeUnsafe("530103"), CalendarDate.makeUnsafe("2024-05-08"))?.title // "给予法律援助决定书"
 * ```
 *
 * @category templates
 */
export const templateFor = (
  templates: ReadonlyArray<Template>,
  kind: DocumentKind,
  region: Region.RegionCode,
  date: CalendarDate.CalendarDate
): Template | undefined => {
  for (const level of Region.ancestors(region)) {
    const t = templates.find((x) => x.kind === kind && x.region === level && x.validFrom <= date && (x.validTo === undefined || date <= x.validTo))
    if (t !== undefined) return t
  }
  return undefined
}

/** The blanks a text holds, by fact name. */
export const blanksOf = (text: string): ReadonlyArray<string> => [...text.matchAll(/\{([a-zA-Z.]+)\}/g)].map((m) => m[1]!)
