/**
 * The hardship forms fayuan ships: one per province-level division (31), from the research in
 * `docs/research/hardship-standards.md`, plus the national presumption and the prefectures whose
 * standard was reported (Kunming, Baoshan). Six provinces' forms were found in a text; the other
 * 25 are presumed (no instrument found) and flagged so. Amounts stay parameters: only the
 * figures read in the instrument are shipped as entries here.
 */
import * as CalendarDate from "../CalendarDate.ts"
import type { HardshipForm } from "../HardshipStandard.ts"
import * as HardshipStandard from "../HardshipStandard.ts"
import type { ParameterEntry } from "../Parameter.ts"
import * as Ratio from "../Ratio.ts"
import * as Region from "../Region.ts"

const day = CalendarDate.makeUnsafe
const basis = ["LAL-34", "LAR-13"] as const
/** The commonest form: urban households against a multiple of 低保, rural ones against a fraction of the rural disposable income. */
const commonest = { urban: { reference: "minimum-living-standard" }, rural: { reference: "disposable-income" } } as const

const presumed = (code: string, nameZh: string, document: string, sourceUrl: string | undefined, note: string): HardshipForm => ({
  region: Region.makeUnsafe(code),
  nameZh,
  validFrom: "2003-09-01",
  ...commonest,
  basis,
  document,
  ...(sourceUrl === undefined ? {} : { sourceUrl }),
  verified: false,
  presumed: true,
  note
})

/** Before a found form: the commonest form, presumed, for the province's earlier years. */
const before = (code: string, nameZh: string, validTo: string, note: string): HardshipForm => ({
  ...presumed(code, nameZh, "未找到此前的省级文件", undefined, note),
  validTo
})

/** The years before each found form. */
const earlier: ReadonlyArray<HardshipForm> = [
  before("11", "北京市", "2008-12-18", "The standard before the 2008 regulation was not found."),
  before("31", "上海市", "2024-07-16", "Earlier notices of the city's Bureau of Justice were not found; each re-set the line."),
  before("32", "江苏省", "2021-11-04", "Before 2021 the cities used twice the minimum living standard (Nanjing, per the same report); not encoded as a ratio."),
  before("43", "湖南省", "2016-08-25", "The standard before the 2016 opinion was not found."),
  before("44", "广东省", "2019-12-31", "The standard before order 268 was not found."),
  before("45", "广西壮族自治区", "2025-12-10", "The standard before the 2025 measures was not found.")
]

/** Forms found in a text (or in a report of one). */
const found: ReadonlyArray<HardshipForm> = [
  {
    region: Region.makeUnsafe("11"),
    nameZh: "北京市",
    validFrom: "2008-12-19",
    urban: { reference: "low-income-line" },
    rural: { reference: "low-income-line" },
    basis,
    document: "《北京市法律援助条例》（2008年）：公民申请法律援助的经济困难条件，按照国家和本市低收入家庭认定标准执行",
    sourceUrl: "https://dizaynex.com/oANvqsStPD/society/2008-12/19/content_16975739.htm",
    verified: false,
    presumed: false,
    note: "Read only in a report on the draft's second reading (2008-12-19); the adopted text and its start date were not seen."
  },
  {
    region: Region.makeUnsafe("31"),
    nameZh: "上海市",
    validFrom: "2024-07-17",
    urban: { reference: "fixed-line", below: true },
    rural: { reference: "fixed-line", below: true },
    basis,
    document: "上海市司法局公告〔2024〕4号：城乡居民家庭月人均可支配收入低于3190元",
    sourceUrl: "https://sfj.sh.gov.cn/2020xxgkml_zdgkml/20240719/bebd75f5d8bc4e11b6fb5c2b1530cd97.html",
    verified: true,
    presumed: false,
    note: "One line for urban and rural households, re-set with the city's social-assistance standards. The notice states no start date other than its own (2024-07-17); the line is strict ('below' 3190 yuan)."
  },
  {
    region: Region.makeUnsafe("32"),
    nameZh: "江苏省",
    validFrom: "2021-11-05",
    urban: { reference: "minimum-wage" },
    rural: { reference: "minimum-wage" },
    basis,
    document: "江苏省13个设区市：家庭人均月收入不超过月最低工资标准（中国江苏网2021-11-05报道）",
    sourceUrl: "http://zonghe.xinxuanze.com.cn/zonghe/2021/1105/49916.html",
    verified: false,
    presumed: false,
    note: "A report of the cities' decisions (Nanjing last, before 2021-11-05), not a provincial clause; each city's minimum wage is its own parameter."
  },
  {
    region: Region.makeUnsafe("43"),
    nameZh: "湖南省",
    validFrom: "2016-08-26",
    validTo: "2024-08-04",
    urban: { reference: "minimum-living-standard" },
    rural: { reference: "minimum-living-standard" },
    basis,
    document: "湖南省2016年实施意见：市州城乡低保标准的2倍或者低收入家庭标准（红网2016-08-26报道）",
    verified: false,
    presumed: false,
    note: "Secondary report only; the alternative 'or the low-income household standard' is not encoded (set the ratio to the prefecture's choice)."
  },
  {
    region: Region.makeUnsafe("43"),
    nameZh: "湖南省",
    validFrom: "2024-08-05",
    urban: { reference: "low-income-status" },
    rural: { reference: "low-income-status" },
    basis,
    document: "《湖南省法律援助条例》（2024年修订）：设区的市、自治州认定的低收入人口",
    sourceUrl: "https://epaper.voc.com.cn/hnrb/html/2024-08/05/content_1697260.htm?div=-1",
    verified: false,
    presumed: false,
    note: "The clause was read in the full text printed by 湖南日报 on 2024-08-05; the regulation's start date was not seen. Its other routes (sudden hardship needing social assistance; cases the province adds) are for the institution to establish."
  },
  {
    region: Region.makeUnsafe("44"),
    nameZh: "广东省",
    validFrom: "2020-01-01",
    urban: { reference: "disposable-income", figureOf: "urban", below: true },
    rural: { reference: "disposable-income", figureOf: "urban", below: true },
    basis,
    document: "《广东省申请法律援助经济困难公民认定办法》（广东省人民政府令第268号）第三条第（一）项：月人均可支配收入低于所在地地级以上市上一年度城镇居民月人均可支配收入的50%",
    sourceUrl: "http://www.65166766.com/zwgk/wjk/qbwj/yfl/content/post_2711603.html",
    verified: true,
    presumed: false,
    note: "The urban figure applies to every household; income is the average of the six months before the application; there is also a no-significant-assets test, not encoded."
  },
  {
    region: Region.makeUnsafe("45"),
    nameZh: "广西壮族自治区",
    validFrom: "2025-12-11",
    urban: { reference: "minimum-wage", below: true },
    rural: { reference: "minimum-wage", below: true },
    basis,
    document: "《广西法律援助经济困难标准及认定办法》第三条第（一）项：申请日之前12个月的家庭人均月收入，低于受理申请的法律援助机构所在地最低工资标准",
    sourceUrl: "http://sft.gxzf.gov.cn/xwzx/ztjy/t27076439.shtml",
    verified: false,
    presumed: false,
    note: "Text read on the region's Department of Justice site; the date is the day of issue (2025-12-11), the start date and document number were not seen."
  },
  {
    region: Region.makeUnsafe("5301"),
    nameZh: "昆明市",
    validFrom: "2017-07-01",
    ...commonest,
    basis,
    document: "昆明市法律援助经济困难标准：城镇家庭月人均收入不超过低保标准的2.5倍；农村家庭年人均收入不超过上年度农村常住居民人均可支配收入的二分之一",
    verified: false,
    presumed: false,
    note: "Reported in 2021; the date it took effect is not confirmed."
  },
  {
    region: Region.makeUnsafe("5305"),
    nameZh: "保山市",
    validFrom: "2021-01-01",
    ...commonest,
    basis,
    document: "保山市法律援助经济困难标准：城镇家庭月人均收入不超过最低生活保障标准的2倍（据2021年报道）",
    verified: false,
    presumed: false,
    note: "Only the urban line was reported; the rural form is presumed."
  }
]

/** Provinces whose form was not found: the commonest form, presumed. */
const presumedProvinces: ReadonlyArray<HardshipForm> = [
  presumed("12", "天津市", "《天津市法律援助条例》 (article not seen)", "http://law.hanyi.net/a408628", "No provincial text found. One Q&A site (law.hanyi.net/a408628, dated 2026) says 《天津市法律援助条例》 requires family income below the local 低保 standard. That page reads like generated content and quotes no article, so it is not relied on."),
  presumed("13", "河北省", "未找到省级文件", undefined, "Not found in the searchable corpora (pages/docs/code/issues) within the look-up budget. Ship as 'unverified, form unknown, host must supply'."),
  presumed("14", "山西省", "未找到省级文件", undefined, "Not found in the searchable corpora (pages/docs/code/issues) within the look-up budget. Ship as 'unverified, form unknown, host must supply'."),
  presumed("15", "内蒙古自治区", "未找到省级文件", undefined, "Not found in the searchable corpora (pages/docs/code/issues) within the look-up budget. Ship as 'unverified, form unknown, host must supply'."),
  presumed("21", "辽宁省", "《辽宁省法律援助条例》(2016-12-07通过,2017-03-01施行)", "https://360docs.net/doc/b72903307.html", "Found 《辽宁省法律援助条例》 (adopted 2016-12-07, in force 2017-03-01), but the stored excerpt stops at art.4, before any hardship clause. Whether it was revised after 2022 was not checked. Not found in the searchable corpora (pages/docs/code/issues) within the look-up budget. Ship as 'unverified, form unknown, host must supply'."),
  presumed("22", "吉林省", "未找到省级文件", undefined, "Not found in the searchable corpora (pages/docs/code/issues) within the look-up budget. Ship as 'unverified, form unknown, host must supply'."),
  presumed("23", "黑龙江省", "未找到省级文件", undefined, "Only a generic guide page (no source named) says the Harbin rule is below the local 低保. Not relied on. Not found in the searchable corpora (pages/docs/code/issues) within the look-up budget. Ship as 'unverified, form unknown, host must supply'."),
  presumed("33", "浙江省", "未找到省级文件", undefined, "Not found in the searchable corpora (pages/docs/code/issues) within the look-up budget. Ship as 'unverified, form unknown, host must supply'."),
  presumed("34", "安徽省", "《安徽省法律援助条例(修订草案)》(2024征求意见)", "http://ahrd.gov.cn/article.jsp?strColId=f69d3407bf0b4333a78d8252f4d24261&strId=17325157041263660&strWebSiteId=1448865560847002", "Found only the 2024 draft 《安徽省法律援助条例(修订草案)》 (published on ahrd.gov.cn for comment until 2024-12-25). The excerpt stops before any hardship clause. Whether the final text was adopted, and when, was not verified."),
  presumed("35", "福建省", "未找到省级文件", undefined, "Not found in the searchable corpora (pages/docs/code/issues) within the look-up budget. Ship as 'unverified, form unknown, host must supply'."),
  presumed("36", "江西省", "未找到省级文件", undefined, "Not found in the searchable corpora (pages/docs/code/issues) within the look-up budget. Ship as 'unverified, form unknown, host must supply'."),
  presumed("37", "山东省", "未找到省级文件", undefined, "Not found in the searchable corpora (pages/docs/code/issues) within the look-up budget. Ship as 'unverified, form unknown, host must supply'."),
  presumed("41", "河南省", "《河南省法律援助条例》(2025-09-29修订通过)", "https://fazhuwang.com.cn/?p=5412", "The revised 《河南省法律援助条例》 was adopted 2025-09-29 and, per press reports, takes effect 2026-01-01. The 2025 draft said the province-wide hardship standard would be 城乡一元制 (one standard for urban and rural), and officials described 'relaxing' it. The stored texts stop before the clause. One report says the practice before the revision was based on 城镇居民最低工资标准 for urban residents and 农村居民上年度人均纯收入 for rural ones, but the excerpt is cut off there. The reference and ratio are not confirmed."),
  presumed("42", "湖北省", "《湖北省法律援助条例》(2011-08-03通过)", "http://www.kleyou.com/html/text/lar/172974/17297431.html", "Found 《湖北省法律援助条例》 (adopted 2011-08-03), but the stored excerpt stops before the hardship clause. Whether it was revised after 2022 was not checked. Not found in the searchable corpora (pages/docs/code/issues) within the look-up budget. Ship as 'unverified, form unknown, host must supply'."),
  presumed("46", "海南省", "未找到省级文件", "http://www.fymate.net/html/text/lar/169303/16930300.html", "Hainan's 2007 provincial rule (琼府办〔2007〕36号: 各地按照当地县级以上人民政府确定的城乡居民最低生活保障线标准执行) was repealed on 2011-05-10. A Haikou city rule (《海口市法律援助办法》) uses 职工最低工资标准 (report from 2015), but that is municipal. No current provincial standard was found."),
  presumed("50", "重庆市", "未找到省级文件", undefined, "Sichuan's 2024 条例 was a joint 川渝 legislative project that 'unifies 川渝 受理标准', so Chongqing probably adopted a matching 条例 at the same time. I found no Chongqing text and no clause. Not found in the searchable corpora (pages/docs/code/issues) within the look-up budget. Ship as 'unverified, form unknown, host must supply'."),
  presumed("51", "四川省", "《四川省法律援助条例》(2025-01-01施行)", "https://www.cdrb.com.cn/epaper/cdrbpc/202501/02/c143329.html", "The new 《四川省法律援助条例》 (20 articles, a joint 川渝 legislative project) has been in force since 2025-01-01 (成都日报, 2025-01-02). The report mentions online checks of means but not the hardship formula. The clause was not found."),
  presumed("52", "贵州省", "未找到省级文件", undefined, "Not found in the searchable corpora (pages/docs/code/issues) within the look-up budget. Ship as 'unverified, form unknown, host must supply'."),
  presumed("53", "云南省", "《云南省法律援助条例》(2010-03-26通过,2010-07-01施行)", "https://110ask.com/zhishi/14558032333519856990.html", "Found 《云南省法律援助条例》 (adopted 2010-03-26, in force 2010-07-01), but the stored excerpts stop before the hardship clause. Whether it was revised after 2022 was not checked. Not found in the searchable corpora (pages/docs/code/issues) within the look-up budget. Ship as 'unverified, form unknown, host must supply'."),
  presumed("54", "西藏自治区", "未找到省级文件", undefined, "Not found in the searchable corpora (pages/docs/code/issues) within the look-up budget. Ship as 'unverified, form unknown, host must supply'."),
  presumed("61", "陕西省", "未找到省级文件", undefined, "Not found in the searchable corpora (pages/docs/code/issues) within the look-up budget. Ship as 'unverified, form unknown, host must supply'."),
  presumed("62", "甘肃省", "未找到省级文件", undefined, "Not found in the searchable corpora (pages/docs/code/issues) within the look-up budget. Ship as 'unverified, form unknown, host must supply'."),
  presumed("63", "青海省", "未找到省级文件", undefined, "Not found in the searchable corpora (pages/docs/code/issues) within the look-up budget. Ship as 'unverified, form unknown, host must supply'."),
  presumed("64", "宁夏回族自治区", "未找到省级文件", undefined, "Not found in the searchable corpora (pages/docs/code/issues) within the look-up budget. Ship as 'unverified, form unknown, host must supply'."),
  presumed("65", "新疆维吾尔自治区", "未找到省级文件", undefined, "Not found in the searchable corpora (pages/docs/code/issues) within the look-up budget. Ship as 'unverified, form unknown, host must supply'."),
]

/** Every shipped form. */
export const hardshipForms: ReadonlyArray<HardshipForm> = [HardshipStandard.presumption, ...earlier, ...found, ...presumedProvinces]

/** The amounts and ratios read in the instruments behind the forms above. */
export const hardshipEntries: ReadonlyArray<ParameterEntry> = [
  {
    key: "hardship.fixedLineMonthlyFen",
    region: Region.makeUnsafe("31"),
    validFrom: day("2024-07-17"),
    value: 319_000,
    basis: ["LAL-34"],
    source: "上海市司法局公告〔2024〕4号：城乡居民家庭月人均可支配收入低于3190元",
    verified: true,
  },
  ...(["hardship.urban.multiple", "hardship.rural.fraction"] as const).flatMap((key): ReadonlyArray<ParameterEntry> => [
    {
      key,
      region: Region.makeUnsafe("31"),
      validFrom: day("2024-07-17"),
      value: Ratio.makeUnsafe(1, 1),
      basis: ["LAL-34"],
      source: "上海市司法局公告〔2024〕4号：固定收入标准（比例为1）",
      verified: true
    },
    {
      key,
      region: Region.makeUnsafe("32"),
      validFrom: day("2021-11-05"),
      value: Ratio.makeUnsafe(1, 1),
      basis: ["LAL-34"],
      source: "江苏省各设区市：家庭人均月收入不超过月最低工资标准（报道）",
      verified: false
    },
    {
      key,
      region: Region.makeUnsafe("43"),
      validFrom: day("2016-08-26"),
      validTo: day("2024-08-04"),
      value: Ratio.makeUnsafe(2, 1),
      basis: ["LAR-13", "LAL-34"],
      source: "湖南省2016年实施意见：市州城乡低保标准的2倍（报道）",
      verified: false
    },
    {
      key,
      region: Region.makeUnsafe("44"),
      validFrom: day("2020-01-01"),
      value: Ratio.makeUnsafe(1, 2),
      basis: ["LAR-13", "LAL-34"],
      source: "广东省人民政府令第268号第三条第（一）项：城镇居民月人均可支配收入的50%",
      verified: true
    },
    {
      key,
      region: Region.makeUnsafe("45"),
      validFrom: day("2025-12-11"),
      value: Ratio.makeUnsafe(1, 1),
      basis: ["LAL-34"],
      source: "《广西法律援助经济困难标准及认定办法》第三条第（一）项：低于所在地最低工资标准",
      verified: false
    }
  ]),
  {
    key: "hardship.urban.multiple",
    region: Region.makeUnsafe("11"),
    validFrom: day("2008-12-19"),
    value: Ratio.makeUnsafe(1, 1),
    basis: ["LAR-13", "LAL-34"],
    source: "《北京市法律援助条例》：按照低收入家庭认定标准执行（比例为1）",
    verified: false
  },
  {
    key: "hardship.rural.fraction",
    region: Region.makeUnsafe("11"),
    validFrom: day("2008-12-19"),
    value: Ratio.makeUnsafe(1, 1),
    basis: ["LAR-13", "LAL-34"],
    source: "《北京市法律援助条例》：按照低收入家庭认定标准执行（比例为1）",
    verified: false
  }
]
