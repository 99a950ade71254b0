/**
 * Yunnan: the 2010 provincial regulation's additions to the civil scope, and the hardship
 * standards of Kunming (Panlong District's city) and Baoshan. Nothing here is confirmed in a
 * primary text: every value is shipped `verified: false`, to be overridden by the published figure.
 */
import * as CalendarDate from "../CalendarDate.ts"
import type { CitationId } from "../Citation.ts"
import type { ParameterEntry } from "../Parameter.ts"
import * as Ratio from "../Ratio.ts"
import * as Region from "../Region.ts"
import type { RuleLayer } from "../RuleSet.ts"

const day = CalendarDate.makeUnsafe
const yunnan = Region.makeUnsafe("53")
const kunming = Region.makeUnsafe("5301")
const baoshan = Region.makeUnsafe("5305")

/**
 * 云南省法律援助条例 (adopted 2010-03-26, in force 2010-07-01), the matters it adds to the national
 * list: injury or loss from work, traffic, medical or product-quality accidents (item 7); rights of
 * victims of domestic violence, abuse or abandonment (item 8); matters of applicants who are
 * disabled, minors, aged 60 or more, or on rural minimum-living support (item 9). The means test
 * still applies. Read in a county government's summary of the regulation (no article numbers), so
 * each rule cites the delegation it rests on: `LAR-10-2` until 2021, then `LAL-31-1-9` ("others
 * set by regulations"), under which the regulation stays in force where it does not conflict with
 * the Law until its revision took effect on 2026-01-01.
 */
const yunnan2010Matters = (basis: CitationId) => ({
  claims: [
    { claim: "work-injury", basis, meansTest: true },
    { claim: "traffic-accident", basis, meansTest: true },
    { claim: "medical-accident", basis, meansTest: true },
    { claim: "product-quality", basis, meansTest: true },
    { claim: "domestic-violence", basis, meansTest: true },
    { claim: "abuse", basis, meansTest: true },
    { claim: "abandonment", basis, meansTest: true }
  ],
  applicantGroups: [
    { group: "disabled", basis, meansTest: true },
    { group: "minor", basis, meansTest: true },
    { group: "elderly", basis, meansTest: true },
    { group: "rural-minimum-living", basis, meansTest: true }
  ]
}) satisfies Pick<RuleLayer, "claims" | "applicantGroups">

/** The 2010 regulation under the 2003 Regulation's delegation (`LAR-10-2`). */
export const yunnan2010: RuleLayer = {
  id: "YNLAR-2010",
  titleZh: "云南省法律援助条例（2010年7月1日起施行）补充事项",
  titleEn: "Yunnan Regulation on Legal Aid (from 2010-07-01): added matters",
  region: yunnan,
  validFrom: day("2010-07-01"),
  validTo: day("2021-12-31"),
  ...yunnan2010Matters("LAR-10-2"),
  exemptions: [],
  verified: false
}

/**
 * The same regulation under the Legal Aid Law (2022-01-01 → 2025-12-31): its additions are "other
 * matters set by regulations" (`LAL-31-1-9`). Where the Law already covers a matter without the
 * means test (domestic violence, abuse, abandonment: `LAL-32-1-4`) the Law's rule decides.
 */
export const yunnan2010UnderLal: RuleLayer = {
  id: "YNLAR-2010/LAL",
  titleZh: "云南省法律援助条例（2010年）补充事项，法律援助法施行后（至2025年12月31日）",
  titleEn: "Yunnan Regulation on Legal Aid (2010): added matters under the Legal Aid Law (to 2025-12-31)",
  region: yunnan,
  validFrom: day("2022-01-01"),
  validTo: day("2025-12-31"),
  ...yunnan2010Matters("LAL-31-1-9"),
  exemptions: [],
  verified: false
}

/**
 * The revised regulation (adopted 2025-11-26, in force 2026-01-01), as reported when it was
 * adopted: its civil list follows `LAL-31` and adds product-quality accidents. The revised text
 * itself was not read: no other addition is assumed.
 */
export const yunnan2026: RuleLayer = {
  id: "YNLAR-2026",
  titleZh: "云南省法律援助条例（2025年修订，2026年1月1日起施行）补充事项",
  titleEn: "Yunnan Regulation on Legal Aid (revised 2025, from 2026-01-01): added matters",
  region: yunnan,
  validFrom: day("2026-01-01"),
  claims: [{ claim: "product-quality", basis: "LAL-31-1-9", meansTest: true }],
  applicantGroups: [],
  exemptions: [],
  verified: false
}

const standard = "昆明市法律援助经济困难标准（据2021年报道；起始日期未确认）"
const dibao = "昆明市主城区城市居民最低生活保障标准"

const kunmingDibao = (
  from: string,
  to: string | undefined,
  yuan: number,
  source: string
): ParameterEntry => ({
  key: "hardship.urban.minimumLivingStandardMonthlyFen",
  region: kunming,
  validFrom: day(from),
  ...(to === undefined ? {} : { validTo: day(to) }),
  value: yuan * 100,
  basis: ["LAL-34", "LAR-13"],
  source: `${dibao}：${source}`,
  verified: false
})

/** Kunming and Baoshan hardship parameters (all unverified). */
export const yunnanEntries: ReadonlyArray<ParameterEntry> = [
  {
    key: "hardship.urban.multiple",
    region: kunming,
    validFrom: day("2017-07-01"),
    value: Ratio.makeUnsafe(5, 2),
    basis: ["LAL-34", "LAR-13"],
    source: `${standard}：城镇家庭月人均收入不超过最低生活保障标准的2.5倍`,
    verified: false,
    note: "Reported in 2021; the date it took effect is not confirmed."
  },
  {
    key: "hardship.rural.fraction",
    region: kunming,
    validFrom: day("2017-07-01"),
    value: Ratio.makeUnsafe(1, 2),
    basis: ["LAL-34", "LAR-13"],
    source: `${standard}：农村家庭年人均收入不超过上年度农村常住居民人均可支配收入的二分之一`,
    verified: false,
    note: "Reported in 2021; the date it took effect is not confirmed."
  },
  kunmingDibao("2017-07-01", "2018-06-30", 560, "估计值，未找到通知"),
  kunmingDibao("2018-07-01", "2019-06-30", 590, "2018年7月1日起590元（省民政厅标准表）"),
  kunmingDibao("2019-07-01", "2020-10-31", 630, "推算：2020年通知称由630元提高"),
  kunmingDibao("2020-11-01", "2024-06-30", 640, "2020年11月1日起640元（昆民通〔2020〕61号）；其后调整未找到，沿用"),
  kunmingDibao("2024-07-01", "2025-06-30", 735, "推算：据东川区2025年通知"),
  kunmingDibao("2025-07-01", undefined, 744, "2025年7月1日起744元（东川区、滇中新区所见；主城区未确认）"),
  {
    key: "hardship.rural.disposableIncomePerHeadAnnualFen",
    region: kunming,
    validFrom: day("2020-01-01"),
    value: 1_635_600,
    basis: ["LAL-34", "LAR-13"],
    source: "昆明市2019年农村常住居民人均可支配收入16356元（找到的最近年份）",
    verified: false,
    note: "The standard uses the previous year's figure; later years need the yearly statistical bulletin."
  },
  {
    key: "hardship.urban.multiple",
    region: baoshan,
    validFrom: day("2021-01-01"),
    value: Ratio.makeUnsafe(2, 1),
    basis: ["LAL-34"],
    source: "保山市法律援助经济困难标准：城镇家庭月人均收入不超过最低生活保障标准的2倍（据2021年报道）",
    verified: false
  }
]

/** Yunnan's rule layers. */
export const yunnanLayers: ReadonlyArray<RuleLayer> = [yunnan2010, yunnan2010UnderLal, yunnan2026]
