/**
 * The page's words: a Chinese label and its English gloss for every value of the vocabularies the
 * form offers and the decision reports. Typed by the library's own lists, so a new claim or status
 * does not compile until it has a label.
 */
import type { Claim, Disability, MatterKind, MeansTest, Outcome, PossibleSentence, Procedure, Stage, Status } from "fayuan/eligibility/browser"

/** A label: Chinese first, English second. */
export type Label = readonly [zh: string, en: string]

export const matterKindLabel: Record<MatterKind, Label> = {
  "criminal-defence": ["刑事辩护（犯罪嫌疑人、被告人）", "Criminal defence"],
  "criminal-victim": ["公诉案件被害人", "Victim in a public prosecution"],
  "private-prosecution": ["刑事自诉", "Private prosecution"],
  "incidental-civil": ["刑事附带民事诉讼", "Incidental civil action"],
  "compulsory-treatment": ["强制医疗", "Compulsory medical treatment"],
  civil: ["民事", "Civil"],
  administrative: ["行政", "Administrative"],
  "labour-arbitration": ["劳动争议仲裁", "Labour arbitration"],
  "non-litigation": ["非诉讼事项", "Non-litigation matter"]
}

export const stageLabel: Record<Stage, Label> = {
  filing: ["自诉立案", "Filing (before the court accepts)"],
  investigation: ["侦查", "Investigation"],
  "prosecution-review": ["审查起诉", "Prosecution review"],
  trial: ["审判", "Trial"],
  "death-penalty-review": ["死刑复核", "Death-penalty review"]
}

export const sentenceLabel: Record<PossibleSentence, Label> = {
  "fixed-term": ["有期徒刑及以下", "Fixed term or less"],
  life: ["无期徒刑", "Life imprisonment"],
  death: ["死刑", "Death"]
}

export const procedureLabel: Record<Procedure, Label> = {
  ordinary: ["普通程序", "Ordinary"],
  summary: ["简易程序", "Summary"],
  "fast-track": ["速裁程序", "Fast-track"]
}

export const claimLabel: Record<Claim, Label> = {
  "state-compensation": ["国家赔偿", "State compensation"],
  "social-insurance": ["社会保险待遇", "Social insurance"],
  "social-assistance": ["社会救助", "Social assistance"],
  "survivor-pension": ["抚恤金", "Survivor pension"],
  maintenance: ["赡养费、抚养费、扶养费", "Maintenance"],
  "labour-remuneration": ["劳动报酬", "Wages"],
  "labour-relationship": ["确认劳动关系", "Labour relationship"],
  "civil-capacity": ["认定民事行为能力", "Civil capacity"],
  "work-injury": ["工伤事故赔偿", "Work injury"],
  "traffic-accident": ["交通事故赔偿", "Traffic accident"],
  "food-drug-safety": ["食品药品安全事故赔偿", "Food or drug safety"],
  "medical-accident": ["医疗事故赔偿", "Medical accident"],
  "product-quality": ["产品质量", "Product quality"],
  "environmental-damage": ["环境污染、生态破坏赔偿", "Environmental damage"],
  "hero-martyr-rights": ["英雄烈士人格权益", "Heroes' and martyrs' rights"],
  "act-of-bravery": ["见义勇为", "Act of bravery"],
  "retrial-acquittal-compensation": ["再审改判无罪国家赔偿", "Compensation after acquittal on retrial"],
  "domestic-violence": ["家庭暴力", "Domestic violence"],
  abuse: ["虐待", "Abuse"],
  abandonment: ["遗弃", "Abandonment"],
  contract: ["合同纠纷", "Contract"],
  property: ["财产纠纷", "Property"],
  other: ["其他", "Other"]
}

export const statusLabel: Record<Status, Label> = {
  "migrant-worker": ["进城务工人员", "Migrant worker"],
  "social-assistance": ["社会救助对象", "Social assistance recipient"],
  "judicial-assistance": ["司法救助对象", "Judicial assistance recipient"],
  "entitled-group": ["优抚对象", "Entitled group"],
  "no-fixed-income": ["无固定生活来源", "No fixed income"],
  "low-income": ["低收入人口", "Recognised low-income"],
  detained: ["被羁押", "Detained"]
}

export const disabilityLabel: Record<Disability, Label> = {
  visual: ["视力残疾", "Visual"],
  hearing: ["听力残疾", "Hearing"],
  speech: ["言语残疾", "Speech"],
  blind: ["盲", "Blind"],
  deaf: ["聋", "Deaf"],
  mute: ["哑", "Mute"],
  mental: ["不能完全辨认自己行为", "Cannot fully recognise own conduct"],
  intellectual: ["智力残疾", "Intellectual"],
  physical: ["肢体残疾", "Physical"]
}

export const outcomeLabel: Record<Outcome, Label> = {
  mandatory: ["应当通知指派律师", "Mandatory: a lawyer must be assigned"],
  eligible: ["符合法律援助条件", "Eligible"],
  ineligible: ["不符合法律援助条件", "Not eligible"],
  "not-yet-eligible": ["尚未到可以申请的阶段", "Not yet eligible"],
  incomplete: ["材料不齐全，需补充", "Incomplete: facts are missing"]
}

export const meansTestLabel: Record<MeansTest["status"], Label> = {
  "not-required": ["无需经济困难审查", "No means test needed"],
  "verification-exempt": ["免予核查经济困难状况", "Exempt from verification"],
  passed: ["符合经济困难标准", "Within the hardship standard"],
  failed: ["超出经济困难标准", "Above the hardship standard"],
  recognised: ["认定为低收入人口", "Recognised as low-income"],
  "not-recognised": ["未认定为低收入人口", "Not recognised as low-income"],
  "not-assessed": ["未进行经济困难审查", "Not assessed"]
}

/** The form's fields, for the decoder's issues (keyed by the first segments of their paths). */
export const fieldLabel: Record<string, Label> = {
  "": ["申请", "Application"],
  date: ["申请日期", "Date"],
  region: ["地区代码", "Region code"],
  "applicant.birthDate": ["出生日期", "Date of birth"],
  "applicant.disabilities": ["残疾情况", "Disabilities"],
  "applicant.statuses": ["身份", "Status"],
  "applicant.hasLawyer": ["已有律师", "Has a lawyer"],
  "applicant.household": ["家庭经济状况", "Household"],
  "applicant.household.members": ["家庭人口", "Household members"],
  "applicant.household.monthlyIncomeFen": ["家庭月收入", "Monthly household income"],
  "applicant.household.area": ["城乡", "Urban or rural"],
  "matter.kind": ["案件类型", "Kind of matter"],
  "matter.stage": ["诉讼阶段", "Stage"],
  "matter.possibleSentence": ["可能判处的刑罚", "Possible sentence"],
  "matter.inAbsentia": ["缺席审判", "Tried in absentia"],
  "matter.procedure": ["审判程序", "Trial procedure"],
  "matter.claims": ["申请事项", "Claims"]
}
