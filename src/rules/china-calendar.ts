/**
 * The official work calendar of the People's Republic of China, 2003–2026, as published each year
 * by the General Office of the State Council (国务院办公厅关于某年部分节假日安排的通知), with the
 * later notices that changed a year (2003's Labour Day, 2015's day for the 70th anniversary of
 * the victory over Japan, 2019's Labour Day, 2020's Spring Festival).
 *
 * Each holiday lists its block of days off (`from`–`to`, weekends inside included) and the weekend
 * days worked in exchange (调休上班), item by item as the notice writes them; where a notice gives
 * a day "与周末连休" the adjoining weekend is in the block, where it gives "X日放假，Y日补休" the
 * block runs from X to Y. A block or a make-up day may fall in the year before (New Year's Day).
 *
 * By the national holiday measures (全国年节及纪念日放假办法) the weekdays off in a block, less its
 * make-up days, equal the statutory days of its festivals, a statutory day that falls on a weekend
 * being made up on a working day:
 *
 * - 1999 text (国务院令第270号), in force to 2007: 10 days — New Year 1, Spring Festival 3
 *   (初一 to 初三), Labour Day 3, National Day 3 — which the notices joined with swapped weekends
 *   into three seven-day "golden weeks";
 * - 2007 revision (国务院令第513号), from 2008: 11 days — Labour Day cut to 1, Qingming, Dragon
 *   Boat and Mid-Autumn added at 1 each, the Spring Festival from New Year's Eve (除夕 to 初二);
 * - 2013 revision (国务院令第644号), from 2014: still 11, the Spring Festival back to 初一 to 初三;
 * - 2024 revision (国务院令第795号), from 2025: 13 (one more for the Spring Festival and one more
 *   for Labour Day).
 *
 * Outside the measures: the Spring Festival of 2020 was extended by two weekdays, and 3 September
 * 2015 was a day off by a State Council notice of its own.
 *
 * `verified: true` means the arrangement was checked against the notice's text (the official
 * bulletin, a Xinhua release or a faithful copy of one); a `note` says which copy when it was not
 * gov.cn, and what was not confirmed.
 */
import * as CalendarDate from "../CalendarDate.ts"
import type { HolidayBlock, YearArrangement } from "../HolidayArrangement.ts"

/**
 * The seven public holidays of the national holiday measures.
 *
 * @example
 * ```ts
 * const f: Festival = "spring-festival"
 * ```
 * @category models
 */
export type Festival =
  | "new-year"
  | "spring-festival"
  | "qingming"
  | "labour-day"
  | "dragon-boat"
  | "mid-autumn"
  | "national-day"

/**
 * The name of each {@link Festival} in Chinese and English.
 *
 * @example
 * ```ts
 * festivalNames["mid-autumn"] // { zh: "中秋节", en: "Mid-Autumn" }
 * ```
 * @category names
 */
export const festivalNames: Readonly<Record<Festival, { readonly zh: string; readonly en: string }>> = {
  "new-year": { zh: "元旦", en: "New Year's Day" },
  "spring-festival": { zh: "春节", en: "Spring Festival" },
  qingming: { zh: "清明节", en: "Qingming" },
  "labour-day": { zh: "劳动节", en: "Labour Day" },
  "dragon-boat": { zh: "端午节", en: "Dragon Boat" },
  "mid-autumn": { zh: "中秋节", en: "Mid-Autumn" },
  "national-day": { zh: "国庆节", en: "National Day" }
}

const day = CalendarDate.makeUnsafe

/** One item of a notice: festivals (in the notice's order), days off, make-up working days. */
const holiday = (
  festivals: ReadonlyArray<Festival>,
  from: string,
  to: string,
  makeUpDays: ReadonlyArray<string> = [],
  note?: string
): HolidayBlock => {
  const block = {
    nameZh: festivals.map((f) => festivalNames[f].zh).join("、"),
    nameEn: festivals.map((f) => festivalNames[f].en).join(" and "),
    from: day(from),
    to: day(to),
    makeUpDays: makeUpDays.map(day)
  }
  return note === undefined ? block : { ...block, note }
}

/** A day off outside the seven festivals, given by a notice of its own. */
const commemoration = (
  nameZh: string,
  nameEn: string,
  from: string,
  to: string,
  makeUpDays: ReadonlyArray<string>,
  note: string
): HolidayBlock => ({ nameZh, nameEn, from: day(from), to: day(to), makeUpDays: makeUpDays.map(day), note })

const notice = (year: number, documentNumber: string): string =>
  `国务院办公厅关于${year}年部分节假日安排的通知（${documentNumber}）`

/**
 * The arrangements for 2003 to 2026, oldest first.
 *
 * @example
 * ```ts
 * chinaYears.find((y) => y.year === 2025)?.source // "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）"
 * ```
 * @category data
 */
export const chinaYears: ReadonlyArray<YearArrangement> = [
  {
    year: 2003,
    source: "国务院办公厅关于2003年部分节假日休息安排的通知（国办发明电〔2002〕27号）",
    amendedBy: ["国务院办公厅关于2003年“五一”放假调休安排的通知（2003年4月21日）"],
    verified: false,
    note: "The December 2002 notice was not read: its days and its document number are as secondary sources give them (datasets citing the Wikisource copy). The Labour Day change was read in a repost of the April 2003 notice and in People's Daily Online's report of it; its document number was not found.",
    holidays: [
      holiday(["new-year"], "2003-01-01", "2003-01-01"),
      holiday(["spring-festival"], "2003-02-01", "2003-02-07", ["2003-02-08", "2003-02-09"]),
      holiday(
        ["labour-day"],
        "2003-05-01",
        "2003-05-05",
        [],
        "Changed on 2003-04-21 against SARS (非典): no golden week, the statutory 1–3 May off and Saturday 3 May made up on Monday 5 May. The December 2002 notice gave 1–7 May with Saturday 26 and Sunday 27 April worked; those weekend days were no longer worked (the change notice does not say so in words)."
      ),
      holiday(["national-day"], "2003-10-01", "2003-10-07", ["2003-09-27", "2003-09-28"])
    ]
  },
  {
    year: 2004,
    source: notice(2004, "国办发明电〔2003〕53号"),
    verified: false,
    note: "Days from the notice's text as quoted by secondary sources (from the Wikisource copy); the document number and the date (18 December 2003) as secondary sources give them.",
    holidays: [
      holiday(["new-year"], "2004-01-01", "2004-01-01"),
      holiday(["spring-festival"], "2004-01-22", "2004-01-28", ["2004-01-17", "2004-01-18"]),
      holiday(["labour-day"], "2004-05-01", "2004-05-07", ["2004-05-08", "2004-05-09"]),
      holiday(["national-day"], "2004-10-01", "2004-10-07", ["2004-10-09", "2004-10-10"])
    ]
  },
  {
    year: 2005,
    source: notice(2005, "国办发明电〔2004〕52号"),
    verified: false,
    note: "Days from a news report of the notice as quoted by secondary sources; the notice itself was not read. The document number and the date (17 December 2004) as secondary sources give them.",
    holidays: [
      holiday(["new-year"], "2005-01-01", "2005-01-03"),
      holiday(["spring-festival"], "2005-02-09", "2005-02-15", ["2005-02-05", "2005-02-06"]),
      holiday(["labour-day"], "2005-05-01", "2005-05-07", ["2005-04-30", "2005-05-08"]),
      holiday(["national-day"], "2005-10-01", "2005-10-07", ["2005-10-08", "2005-10-09"])
    ]
  },
  {
    year: 2006,
    source: notice(2006, "国办发明电〔2005〕35号"),
    published: day("2005-12-16"),
    verified: true,
    note: "Checked against the Wikisource copy of the notice.",
    holidays: [
      holiday(["new-year"], "2006-01-01", "2006-01-03", ["2005-12-31"]),
      holiday(["spring-festival"], "2006-01-29", "2006-02-04", ["2006-01-28", "2006-02-05"]),
      holiday(["labour-day"], "2006-05-01", "2006-05-07", ["2006-04-29", "2006-04-30"]),
      holiday(["national-day"], "2006-10-01", "2006-10-07", ["2006-09-30", "2006-10-08"])
    ]
  },
  {
    year: 2007,
    source: notice(2007, "国办发明电〔2006〕49号"),
    published: day("2006-12-14"),
    verified: true,
    note: "Last year under the 1999 measures. Checked against the gov.cn bulletin text as mirrored by china.com.cn.",
    holidays: [
      holiday(["new-year"], "2007-01-01", "2007-01-03", ["2006-12-30", "2006-12-31"]),
      holiday(["spring-festival"], "2007-02-18", "2007-02-24", ["2007-02-17", "2007-02-25"]),
      holiday(["labour-day"], "2007-05-01", "2007-05-07", ["2007-04-28", "2007-04-29"]),
      holiday(["national-day"], "2007-10-01", "2007-10-07", ["2007-09-29", "2007-09-30"])
    ]
  },
  {
    year: 2008,
    source: notice(2008, "国办发明电〔2007〕52号"),
    verified: true,
    note: "First year under the December 2007 revision of the holiday measures: 11 statutory days, Labour Day cut to one. Days checked against China News Service's release of the notice (2007-12-18, from the NDRC website); the document number is as secondary sources give it and the notice's date was not found.",
    holidays: [
      holiday(["new-year"], "2007-12-30", "2008-01-01", ["2007-12-29"]),
      holiday(["spring-festival"], "2008-02-06", "2008-02-12", ["2008-02-02", "2008-02-03"]),
      holiday(["qingming"], "2008-04-04", "2008-04-06"),
      holiday(["labour-day"], "2008-05-01", "2008-05-03", ["2008-05-04"]),
      holiday(["dragon-boat"], "2008-06-07", "2008-06-09"),
      holiday(["mid-autumn"], "2008-09-13", "2008-09-15"),
      holiday(["national-day"], "2008-09-29", "2008-10-05", ["2008-09-27", "2008-09-28"])
    ]
  },
  {
    year: 2009,
    source: notice(2009, "国办发明电〔2008〕42号"),
    verified: true,
    note: "Checked against reposts of the notice's full text (China News Service's of 2008-12-10 and provincial relays); the notice's date was not found.",
    holidays: [
      holiday(["new-year"], "2009-01-01", "2009-01-03", ["2009-01-04"]),
      holiday(["spring-festival"], "2009-01-25", "2009-01-31", ["2009-01-24", "2009-02-01"]),
      holiday(["qingming"], "2009-04-04", "2009-04-06"),
      holiday(["labour-day"], "2009-05-01", "2009-05-03"),
      holiday(["dragon-boat"], "2009-05-28", "2009-05-30", ["2009-05-31"]),
      holiday(["national-day", "mid-autumn"], "2009-10-01", "2009-10-08", ["2009-09-27", "2009-10-10"])
    ]
  },
  {
    year: 2010,
    source: notice(2010, "国办发明电〔2009〕27号"),
    published: day("2009-12-07"),
    verified: true,
    note: "Checked against reposts of the gov.cn text (2009-12-08).",
    holidays: [
      holiday(["new-year"], "2010-01-01", "2010-01-03"),
      holiday(["spring-festival"], "2010-02-13", "2010-02-19", ["2010-02-20", "2010-02-21"]),
      holiday(["qingming"], "2010-04-03", "2010-04-05"),
      holiday(["labour-day"], "2010-05-01", "2010-05-03"),
      holiday(["dragon-boat"], "2010-06-14", "2010-06-16", ["2010-06-12", "2010-06-13"]),
      holiday(["mid-autumn"], "2010-09-22", "2010-09-24", ["2010-09-19", "2010-09-25"]),
      holiday(["national-day"], "2010-10-01", "2010-10-07", ["2010-09-26", "2010-10-09"])
    ]
  },
  {
    year: 2011,
    source: notice(2011, "国办发明电〔2010〕40号"),
    published: day("2010-12-09"),
    verified: true,
    note: "Checked against the Wikisource copy and Xinhua's release of 2010-12-10.",
    holidays: [
      holiday(["new-year"], "2011-01-01", "2011-01-03"),
      holiday(["spring-festival"], "2011-02-02", "2011-02-08", ["2011-01-30", "2011-02-12"]),
      holiday(["qingming"], "2011-04-03", "2011-04-05", ["2011-04-02"]),
      holiday(["labour-day"], "2011-04-30", "2011-05-02"),
      holiday(["dragon-boat"], "2011-06-04", "2011-06-06"),
      holiday(["mid-autumn"], "2011-09-10", "2011-09-12"),
      holiday(["national-day"], "2011-10-01", "2011-10-07", ["2011-10-08", "2011-10-09"])
    ]
  },
  {
    year: 2012,
    source: notice(2012, "国办发明电〔2011〕45号"),
    published: day("2011-12-05"),
    verified: true,
    note: "Checked against reposts of the gov.cn text and China News Service's release of 2011-12-06.",
    holidays: [
      holiday(["new-year"], "2012-01-01", "2012-01-03", ["2011-12-31"]),
      holiday(["spring-festival"], "2012-01-22", "2012-01-28", ["2012-01-21", "2012-01-29"]),
      holiday(["qingming"], "2012-04-02", "2012-04-04", ["2012-03-31", "2012-04-01"]),
      holiday(["labour-day"], "2012-04-29", "2012-05-01", ["2012-04-28"]),
      holiday(["dragon-boat"], "2012-06-22", "2012-06-24"),
      holiday(["mid-autumn", "national-day"], "2012-09-30", "2012-10-07", ["2012-09-29"])
    ]
  },
  {
    year: 2013,
    source: notice(2013, "国办发明电〔2012〕33号"),
    published: day("2012-12-08"),
    verified: true,
    note: "Checked against several reposts of the notice's full text; no gov.cn or Xinhua copy was read.",
    holidays: [
      holiday(["new-year"], "2013-01-01", "2013-01-03", ["2013-01-05", "2013-01-06"]),
      holiday(["spring-festival"], "2013-02-09", "2013-02-15", ["2013-02-16", "2013-02-17"]),
      holiday(["qingming"], "2013-04-04", "2013-04-06", ["2013-04-07"]),
      holiday(["labour-day"], "2013-04-29", "2013-05-01", ["2013-04-27", "2013-04-28"]),
      holiday(["dragon-boat"], "2013-06-10", "2013-06-12", ["2013-06-08", "2013-06-09"]),
      holiday(["mid-autumn"], "2013-09-19", "2013-09-21", ["2013-09-22"]),
      holiday(["national-day"], "2013-10-01", "2013-10-07", ["2013-09-29", "2013-10-12"])
    ]
  },
  {
    year: 2014,
    source: notice(2014, "国办发明电〔2013〕28号"),
    published: day("2013-12-11"),
    verified: true,
    note: "First year under the December 2013 revision (the Spring Festival no longer from New Year's Eve). Checked against Xinhua's release of the notice.",
    holidays: [
      holiday(["new-year"], "2014-01-01", "2014-01-01"),
      holiday(["spring-festival"], "2014-01-31", "2014-02-06", ["2014-01-26", "2014-02-08"]),
      holiday(["qingming"], "2014-04-05", "2014-04-07"),
      holiday(["labour-day"], "2014-05-01", "2014-05-03", ["2014-05-04"]),
      holiday(["dragon-boat"], "2014-05-31", "2014-06-02"),
      holiday(["mid-autumn"], "2014-09-06", "2014-09-08"),
      holiday(["national-day"], "2014-10-01", "2014-10-07", ["2014-09-28", "2014-10-11"])
    ]
  },
  {
    year: 2015,
    source: notice(2015, "国办发明电〔2014〕28号"),
    amendedBy: ["国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知（国发明电〔2015〕1号）"],
    published: day("2014-12-16"),
    verified: true,
    note: "Checked against the gov.cn text as reposted and Xinhua's release; the victory-day notice (2015-05-13) against several reposts of its text.",
    holidays: [
      holiday(["new-year"], "2015-01-01", "2015-01-03", ["2015-01-04"]),
      holiday(["spring-festival"], "2015-02-18", "2015-02-24", ["2015-02-15", "2015-02-28"]),
      holiday(["qingming"], "2015-04-05", "2015-04-06"),
      holiday(["labour-day"], "2015-05-01", "2015-05-03"),
      holiday(["dragon-boat"], "2015-06-20", "2015-06-22"),
      commemoration(
        "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
        "70th anniversary of the victory in the War of Resistance against Japan",
        "2015-09-03",
        "2015-09-05",
        ["2015-09-06"],
        "A day off for 3 September 2015 only, by 国发明电〔2015〕1号 (2015-05-13): Thursday 3 September off, Friday 4 September off in exchange for Sunday 6 September, worked."
      ),
      holiday(
        ["mid-autumn"],
        "2015-09-27",
        "2015-09-27",
        [],
        "Mid-Autumn fell on Sunday 27 September; its weekday is made up inside the National Day week, which has one make-up day only."
      ),
      holiday(["national-day"], "2015-10-01", "2015-10-07", ["2015-10-10"])
    ]
  },
  {
    year: 2016,
    source: notice(2016, "国办发明电〔2015〕18号"),
    published: day("2015-12-10"),
    verified: true,
    holidays: [
      holiday(["new-year"], "2016-01-01", "2016-01-03"),
      holiday(["spring-festival"], "2016-02-07", "2016-02-13", ["2016-02-06", "2016-02-14"]),
      holiday(["qingming"], "2016-04-02", "2016-04-04"),
      holiday(["labour-day"], "2016-05-01", "2016-05-02"),
      holiday(["dragon-boat"], "2016-06-09", "2016-06-11", ["2016-06-12"]),
      holiday(["mid-autumn"], "2016-09-15", "2016-09-17", ["2016-09-18"]),
      holiday(["national-day"], "2016-10-01", "2016-10-07", ["2016-10-08", "2016-10-09"])
    ]
  },
  {
    year: 2017,
    source: notice(2017, "国办发明电〔2016〕17号"),
    published: day("2016-12-01"),
    verified: true,
    note: "Checked against the Wikisource copy, a repost of the gov.cn text and Xinhua's release.",
    holidays: [
      holiday(["new-year"], "2017-01-01", "2017-01-02"),
      holiday(["spring-festival"], "2017-01-27", "2017-02-02", ["2017-01-22", "2017-02-04"]),
      holiday(["qingming"], "2017-04-02", "2017-04-04", ["2017-04-01"]),
      holiday(["labour-day"], "2017-04-29", "2017-05-01"),
      holiday(["dragon-boat"], "2017-05-28", "2017-05-30", ["2017-05-27"]),
      holiday(["mid-autumn", "national-day"], "2017-10-01", "2017-10-08", ["2017-09-30"])
    ]
  },
  {
    year: 2018,
    source: notice(2018, "国办发明电〔2017〕12号"),
    published: day("2017-11-30"),
    verified: true,
    holidays: [
      holiday(["new-year"], "2017-12-30", "2018-01-01"),
      holiday(["spring-festival"], "2018-02-15", "2018-02-21", ["2018-02-11", "2018-02-24"]),
      holiday(["qingming"], "2018-04-05", "2018-04-07", ["2018-04-08"]),
      holiday(["labour-day"], "2018-04-29", "2018-05-01", ["2018-04-28"]),
      holiday(["dragon-boat"], "2018-06-16", "2018-06-18"),
      holiday(["mid-autumn"], "2018-09-22", "2018-09-24"),
      holiday(["national-day"], "2018-10-01", "2018-10-07", ["2018-09-29", "2018-09-30"])
    ]
  },
  {
    year: 2019,
    source: notice(2019, "国办发明电〔2018〕15号"),
    amendedBy: ["国务院办公厅关于调整2019年劳动节假期安排的通知（国办发明电〔2019〕3号）"],
    published: day("2018-12-04"),
    verified: true,
    holidays: [
      holiday(["new-year"], "2018-12-30", "2019-01-01", ["2018-12-29"]),
      holiday(["spring-festival"], "2019-02-04", "2019-02-10", ["2019-02-02", "2019-02-03"]),
      holiday(["qingming"], "2019-04-05", "2019-04-07"),
      holiday(
        ["labour-day"],
        "2019-05-01",
        "2019-05-04",
        ["2019-04-28", "2019-05-05"],
        "Changed on 2019-03-22 by 国办发明电〔2019〕3号; the December 2018 notice gave 1 May only."
      ),
      holiday(["dragon-boat"], "2019-06-07", "2019-06-09"),
      holiday(["mid-autumn"], "2019-09-13", "2019-09-15"),
      holiday(["national-day"], "2019-10-01", "2019-10-07", ["2019-09-29", "2019-10-12"])
    ]
  },
  {
    year: 2020,
    source: notice(2020, "国办发明电〔2019〕16号"),
    amendedBy: ["国务院办公厅关于延长2020年春节假期的通知（国办发明电〔2020〕1号）"],
    published: day("2019-11-21"),
    verified: true,
    holidays: [
      holiday(["new-year"], "2020-01-01", "2020-01-01"),
      holiday(
        ["spring-festival"],
        "2020-01-24",
        "2020-02-02",
        ["2020-01-19"],
        "Extended to 2 February by 国办发明电〔2020〕1号 (2020-01-26) against the epidemic; the November 2019 notice gave 24–30 January with Saturday 1 February worked."
      ),
      holiday(["qingming"], "2020-04-04", "2020-04-06"),
      holiday(["labour-day"], "2020-05-01", "2020-05-05", ["2020-04-26", "2020-05-09"]),
      holiday(["dragon-boat"], "2020-06-25", "2020-06-27", ["2020-06-28"]),
      holiday(["national-day", "mid-autumn"], "2020-10-01", "2020-10-08", ["2020-09-27", "2020-10-10"])
    ]
  },
  {
    year: 2021,
    source: notice(2021, "国办发明电〔2020〕27号"),
    published: day("2020-11-25"),
    verified: true,
    holidays: [
      holiday(["new-year"], "2021-01-01", "2021-01-03"),
      holiday(["spring-festival"], "2021-02-11", "2021-02-17", ["2021-02-07", "2021-02-20"]),
      holiday(["qingming"], "2021-04-03", "2021-04-05"),
      holiday(["labour-day"], "2021-05-01", "2021-05-05", ["2021-04-25", "2021-05-08"]),
      holiday(["dragon-boat"], "2021-06-12", "2021-06-14"),
      holiday(["mid-autumn"], "2021-09-19", "2021-09-21", ["2021-09-18"]),
      holiday(["national-day"], "2021-10-01", "2021-10-07", ["2021-09-26", "2021-10-09"])
    ]
  },
  {
    year: 2022,
    source: notice(2022, "国办发明电〔2021〕11号"),
    published: day("2021-10-25"),
    verified: true,
    holidays: [
      holiday(["new-year"], "2022-01-01", "2022-01-03"),
      holiday(["spring-festival"], "2022-01-31", "2022-02-06", ["2022-01-29", "2022-01-30"]),
      holiday(["qingming"], "2022-04-03", "2022-04-05", ["2022-04-02"]),
      holiday(["labour-day"], "2022-04-30", "2022-05-04", ["2022-04-24", "2022-05-07"]),
      holiday(["dragon-boat"], "2022-06-03", "2022-06-05"),
      holiday(["mid-autumn"], "2022-09-10", "2022-09-12"),
      holiday(["national-day"], "2022-10-01", "2022-10-07", ["2022-10-08", "2022-10-09"])
    ]
  },
  {
    year: 2023,
    source: notice(2023, "国办发明电〔2022〕16号"),
    published: day("2022-12-08"),
    verified: true,
    holidays: [
      holiday(["new-year"], "2022-12-31", "2023-01-02"),
      holiday(["spring-festival"], "2023-01-21", "2023-01-27", ["2023-01-28", "2023-01-29"]),
      holiday(["qingming"], "2023-04-05", "2023-04-05"),
      holiday(["labour-day"], "2023-04-29", "2023-05-03", ["2023-04-23", "2023-05-06"]),
      holiday(["dragon-boat"], "2023-06-22", "2023-06-24", ["2023-06-25"]),
      holiday(["mid-autumn", "national-day"], "2023-09-29", "2023-10-06", ["2023-10-07", "2023-10-08"])
    ]
  },
  {
    year: 2024,
    source: notice(2024, "国办发明电〔2023〕7号"),
    published: day("2023-10-25"),
    verified: true,
    holidays: [
      holiday(["new-year"], "2023-12-30", "2024-01-01"),
      holiday(
        ["spring-festival"],
        "2024-02-10",
        "2024-02-17",
        ["2024-02-04", "2024-02-18"],
        "New Year's Eve (9 February) is a working day; employers were only encouraged to give it off."
      ),
      holiday(["qingming"], "2024-04-04", "2024-04-06", ["2024-04-07"]),
      holiday(["labour-day"], "2024-05-01", "2024-05-05", ["2024-04-28", "2024-05-11"]),
      holiday(["dragon-boat"], "2024-06-08", "2024-06-10"),
      holiday(["mid-autumn"], "2024-09-15", "2024-09-17", ["2024-09-14"]),
      holiday(["national-day"], "2024-10-01", "2024-10-07", ["2024-09-29", "2024-10-12"])
    ]
  },
  {
    year: 2025,
    source: notice(2025, "国办发明电〔2024〕12号"),
    published: day("2024-11-12"),
    verified: true,
    note: "First year under the November 2024 revision of the holiday measures: 13 statutory days (Spring Festival 4, Labour Day 2).",
    holidays: [
      holiday(["new-year"], "2025-01-01", "2025-01-01"),
      holiday(["spring-festival"], "2025-01-28", "2025-02-04", ["2025-01-26", "2025-02-08"]),
      holiday(["qingming"], "2025-04-04", "2025-04-06"),
      holiday(["labour-day"], "2025-05-01", "2025-05-05", ["2025-04-27"]),
      holiday(["dragon-boat"], "2025-05-31", "2025-06-02"),
      holiday(["national-day", "mid-autumn"], "2025-10-01", "2025-10-08", ["2025-09-28", "2025-10-11"])
    ]
  },
  {
    year: 2026,
    source: notice(2026, "国办发明电〔2025〕7号"),
    published: day("2025-11-04"),
    verified: true,
    note: "Arrangement checked against the Xinhua release of 2025-11-04; the document number is as cited by secondary sources, not seen on the notice itself.",
    holidays: [
      holiday(["new-year"], "2026-01-01", "2026-01-03", ["2026-01-04"]),
      holiday(["spring-festival"], "2026-02-15", "2026-02-23", ["2026-02-14", "2026-02-28"]),
      holiday(["qingming"], "2026-04-04", "2026-04-06"),
      holiday(["labour-day"], "2026-05-01", "2026-05-05", ["2026-05-09"]),
      holiday(["dragon-boat"], "2026-06-19", "2026-06-21"),
      holiday(["mid-autumn"], "2026-09-25", "2026-09-27"),
      holiday(["national-day"], "2026-10-01", "2026-10-07", ["2026-09-20", "2026-10-10"])
    ]
  }
]
