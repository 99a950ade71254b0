/**
 * Parameter definitions and the national values fayuan ships.
 */
import * as CalendarDate from "../CalendarDate.ts"
import type { ParameterDefinition, ParameterEntry } from "../Parameter.ts"
import * as Region from "../Region.ts"

const day = CalendarDate.makeUnsafe

/** Every parameter key the shipped rules read. */
export const definitions: ReadonlyArray<ParameterDefinition> = [
  {
    key: "hardship.urban.minimumLivingStandardMonthlyFen",
    kind: "fen",
    descriptionZh: "城市居民最低生活保障标准（每人每月，分）",
    descriptionEn: "Urban minimum living standard, per person per month, in fen",
    basis: ["LAL-34", "LAR-13"],
    range: { min: 0, max: 100_000_000 }
  },
  {
    key: "hardship.urban.multiple",
    kind: "ratio",
    descriptionZh: "城镇经济困难标准与其参照数额之比（多数地方为最低生活保障标准的倍数）",
    descriptionEn: "Ratio of the urban hardship line to its reference amount (a multiple of the minimum living standard in most provinces)",
    basis: ["LAL-34", "LAR-13"],
    range: { above: "0", max: "10" }
  },
  {
    key: "hardship.rural.disposableIncomePerHeadAnnualFen",
    kind: "fen",
    descriptionZh: "上年度农村常住居民人均可支配收入（每年，分）",
    descriptionEn: "Previous year's rural disposable income per head, per year, in fen",
    basis: ["LAL-34", "LAR-13"],
    range: { min: 0, max: 1_000_000_000 }
  },
  {
    key: "hardship.rural.fraction",
    kind: "ratio",
    descriptionZh: "农村经济困难标准与其参照数额之比（如农村人均可支配收入的比例）",
    descriptionEn: "Ratio of the rural hardship line to its reference amount (a fraction of the rural disposable income per head, say)",
    basis: ["LAL-34", "LAR-13"],
    range: { above: "0", max: "5" }
  },
  {
    key: "hardship.rural.minimumLivingStandardMonthlyFen",
    kind: "fen",
    descriptionZh: "农村居民最低生活保障标准（每人每月，分）",
    descriptionEn: "Rural minimum living standard, per person per month, in fen",
    basis: ["LAL-34", "LAR-13"],
    range: { min: 0, max: 100_000_000 }
  },
  {
    key: "hardship.urban.disposableIncomePerHeadAnnualFen",
    kind: "fen",
    descriptionZh: "上年度城镇居民人均可支配收入（每年，分）",
    descriptionEn: "Previous year's urban disposable income per head, per year, in fen",
    basis: ["LAL-34", "LAR-13"],
    range: { min: 0, max: 1_000_000_000 }
  },
  {
    key: "hardship.minimumWageMonthlyFen",
    kind: "fen",
    descriptionZh: "受理地月最低工资标准（分）",
    descriptionEn: "Monthly minimum wage where the application is accepted, in fen",
    basis: ["LAL-34", "LAR-13"],
    range: { min: 0, max: 100_000_000 }
  },
  {
    key: "hardship.fixedLineMonthlyFen",
    kind: "fen",
    descriptionZh: "省级公布的固定经济困难标准（家庭月人均收入，分）",
    descriptionEn: "Fixed hardship line published by the province, per head per month, in fen",
    basis: ["LAL-34", "LAR-13"],
    range: { min: 0, max: 100_000_000 }
  },
  {
    key: "hardship.urban.lowIncomeLineMonthlyFen",
    kind: "fen",
    descriptionZh: "城镇低收入家庭认定标准（每人每月，分）",
    descriptionEn: "Urban low-income household line, per person per month, in fen",
    basis: ["LAL-34", "LAR-13"],
    range: { min: 0, max: 100_000_000 }
  },
  {
    key: "hardship.rural.lowIncomeLineMonthlyFen",
    kind: "fen",
    descriptionZh: "农村低收入家庭认定标准（每人每月，分）",
    descriptionEn: "Rural low-income household line, per person per month, in fen",
    basis: ["LAL-34", "LAR-13"],
    range: { min: 0, max: 100_000_000 }
  },
  {
    key: "age.majority",
    kind: "integer",
    descriptionZh: "成年年龄（周岁）",
    descriptionEn: "Age of majority, in completed years",
    basis: ["LAL-25-1-1", "LAR-12-2"],
    range: { min: 16, max: 22 }
  },
  {
    key: "age.elderly",
    kind: "integer",
    descriptionZh: "老年人年龄（周岁）",
    descriptionEn: "Age from which a person counts as elderly",
    basis: ["LAL-42-1-1"],
    range: { min: 50, max: 80 }
  },
  {
    key: "assignment.lawyerMinYears.lifeOrDeath",
    kind: "integer",
    descriptionZh: "可能判处无期徒刑、死刑及死刑复核案件承办律师的最低执业年限",
    descriptionEn: "Minimum years of practice for lawyers in life, death and death-penalty review cases",
    basis: ["LAL-26"],
    range: { min: 0, max: 30 }
  },
  {
    key: "clock.closingMaterialsDays",
    kind: "integer",
    descriptionZh: "办结后提交结案材料的期限（日）",
    descriptionEn: "Days to file the closing materials after the matter ends",
    basis: ["LAL-50", "LAR-24"],
    range: { min: 1, max: 365 }
  },
  {
    key: "clock.materialsSupplyDays",
    kind: "integer",
    descriptionZh: "补充材料的期限（日）",
    descriptionEn: "Days to supply missing materials before the application counts as withdrawn",
    basis: ["LAL-43-2", "LAR-18"],
    range: { min: 1, max: 365 }
  },
  {
    key: "assignment.minorsSpecialist",
    kind: "flag",
    descriptionZh: "未成年人案件指派熟悉未成年人身心特点的律师",
    descriptionEn: "Minors' cases go to lawyers familiar with minors",
    basis: ["MPL-104-2"]
  },
  {
    key: "retention.partyDataYears",
    kind: "integer",
    descriptionZh: "案件终结后保存当事人个人信息的年限（期满删除）",
    descriptionEn: "Years the parties' personal data is kept after a case closes (then erased)",
    basis: ["PIPL-19", "PIPL-47-1-2"],
    range: { min: 1, max: 100 }
  }
]

/** National values: ages and the assignment requirements. */
export const nationalEntries: ReadonlyArray<ParameterEntry> = [
  {
    key: "age.majority",
    region: Region.national,
    validFrom: day("1900-01-01"),
    value: 18,
    basis: ["LAL-25-1-1", "LAR-12-2"],
    source: "民法典第十七条（此前民法通则第十一条）：十八周岁以上的自然人为成年人",
    verified: true
  },
  {
    key: "age.elderly",
    region: Region.national,
    validFrom: day("1900-01-01"),
    value: 60,
    basis: ["LAL-42-1-1"],
    source: "老年人权益保障法第二条：老年人是指六十周岁以上的公民",
    verified: true
  },
  {
    key: "assignment.lawyerMinYears.lifeOrDeath",
    region: Region.national,
    validFrom: day("2022-01-01"),
    value: 3,
    basis: ["LAL-26"],
    source: "法律援助法第二十六条：具有三年以上相关执业经历的律师",
    verified: true
  },
  {
    key: "assignment.minorsSpecialist",
    region: Region.national,
    validFrom: day("2021-06-01"),
    value: true,
    basis: ["MPL-104-2"],
    source: "未成年人保护法第一百零四条第二款",
    verified: true
  },
  {
    key: "clock.closingMaterialsDays",
    region: Region.national,
    validFrom: day("2003-09-01"),
    value: 30,
    basis: ["LAL-50", "LAR-24"],
    source: "地方实践：办结后30日内提交结案材料（未见全国性规定）",
    verified: false,
    note: "Common local practice; no national period was found."
  },
  {
    key: "clock.materialsSupplyDays",
    region: Region.national,
    validFrom: day("2003-09-01"),
    value: 15,
    basis: ["LAL-43-2", "LAR-18"],
    source: "地方实践：补充材料期限（法律未规定具体日数）",
    verified: false,
    note: "The law sets no number of days; set the local figure."
  },
  {
    key: "retention.partyDataYears",
    region: Region.national,
    validFrom: day("2003-09-01"),
    value: 30,
    basis: ["PIPL-19", "PIPL-47-1-2"],
    source: "占位值：按本地法律援助业务档案保管期限设定（未见全国统一的当事人信息保存期限）",
    verified: false,
    note: "A placeholder: no national period for keeping the parties' data of a closed legal aid case was found. Set the region's archive rule."
  }
]
