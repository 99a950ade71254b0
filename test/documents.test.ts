/**
 * The documents of a centre, field by field against cases worked out by hand: one civil case
 * through materials, grant, assignment, replacement and termination; one refusal; one closed.
 */
import { Effect, Layer, Result } from "effect"
import { describe, expect, it } from "vitest"
import { makeMemoryDocumentStore, makeMemoryPartyStore, makeMemoryStore } from "../adapters/memory/index.ts"
import type { DocumentContext, DocumentKind, Template } from "../src/documents/index.ts"
import { DocumentStore, issueDocument, nationalTemplates, renderDocumentHtml } from "../src/documents/index.ts"
import { renderDocumentDocx } from "../src/documents/docx.ts"
import type { CaseEvent } from "../src/lifecycle/Event.ts"
import { PartyStore, decodeParty } from "../src/lifecycle/Party.ts"
import { CaseStore } from "../src/lifecycle/Store.ts"
import * as Citation from "../src/Citation.ts"
import * as Region from "../src/Region.ts"
import { unzip } from "./support/zip.ts"
import { applyCommand, ctx, day, Driver, eligible, eligible2018, ineligible, panlong } from "./support/lifecycle.ts"

const context: DocumentContext = {
  centre: { name: "昆明市盘龙区法律援助中心", shortName: "盘", phone: "0871-65650000" },
  bureau: { name: "昆明市盘龙区司法局" },
  lawyer: (id) => ({ L1: { name: "李律师", phone: "13800000001" }, L2: { name: "王律师", phone: "13800000002" } })[id],
  firm: (id) => ({ F1: { name: "云南甲律师事务所" }, F2: { name: "云南乙律师事务所" } })[id],
  organ: { name: "昆明市盘龙区人民法院" },
  caseTitle: "追索劳动报酬纠纷一案"
}

/** Memory stores with the case's events appended as they happen. */
const world = () => {
  const cases = makeMemoryStore()
  const parties = makeMemoryPartyStore()
  const documents = makeMemoryDocumentStore()
  const layer = Layer.mergeAll(Layer.succeed(CaseStore, cases), Layer.succeed(PartyStore, parties), Layer.succeed(DocumentStore, documents))
  const written = new Map<string, number>()
  return {
    documents,
    parties,
    /** Appends what the driver logged since the last call. */
    save: async (d: Driver) => {
      const caseId = d.case!.id
      const from = written.get(caseId) ?? 0
      const events: ReadonlyArray<CaseEvent> = d.log.slice(from)
      await Effect.runPromise(cases.append([{ caseId, expectedVersion: from, events }]))
      written.set(caseId, d.log.length)
    },
    party: (caseId: string, name: string, phone?: string) =>
      Effect.runPromise(parties.put(panlong, caseId, Result.getOrThrow(decodeParty({ name, residentId: "11010519491231002X", ...(phone === undefined ? {} : { phone }) })))),
    /** Issues with the test context, `over` replacing (or, with `undefined`, removing) some of it. */
    issue: (kind: DocumentKind, caseId: string, over: { readonly [K in keyof DocumentContext]?: DocumentContext[K] | undefined } = {}, templates?: ReadonlyArray<Template>) => {
      const merged = Object.fromEntries(Object.entries({ ...context, ...over }).filter(([, v]) => v !== undefined)) as unknown as DocumentContext
      return Effect.runPromise(Effect.result(Effect.provide(issueDocument(kind, panlong, caseId, merged, templates === undefined ? {} : { templates }), layer)))
    }
  }
}

const ok = <A, E>(r: Result.Result<A, E>): A => {
  if (Result.isFailure(r)) throw new Error(String((r.failure as { message?: string }).message ?? r.failure))
  return r.success
}

describe("documents of one case (2024-0012, a wage claim in Panlong)", () => {
  it("materials, grant, assignment, letter, replacement and termination: every field as worked out by hand", async () => {
    const w = world()
    await w.party("2024-0012", "张三", "13912345678")
    const d = new Driver()
    d.run(applyCommand("2024-0012"), ctx("2024-05-06", "intake"))
    d.run({ type: "requestMaterials", missing: ["identity-document", "financial-statement"] }, ctx("2024-05-06", "intake"))
    await w.save(d)

    // LAL-43-2: every missing item at once; 15 calendar days (local, unverified) from 5-06 is 5-21.
    const materials = ok(await w.issue("materials-notice", "2024-0012"))
    expect(materials).toMatchObject({
      title: "补充材料、说明通知书",
      number: "（2024）盘援补字第1号",
      addressee: "张三：",
      paragraphs: [
        "你于2024年5月6日提出的追索劳动报酬纠纷一案法律援助申请，所提交的申请材料不齐全。根据《中华人民共和国法律援助法》第四十三条第二款的规定，现一次性告知需要补充的材料如下：",
        "1. 申请人的身份证件；",
        "2. 经济困难状况说明表；",
        "请你于2024年5月21日前向本机构补充上述材料或者作出说明。未按要求补充材料或者作出说明的，视为撤回申请。"
      ],
      closing: "特此通知。",
      contacts: ["本机构联系电话：0871-65650000"],
      issuer: "昆明市盘龙区法律援助中心",
      date: "2024年5月6日"
    })

    d.run({ type: "supplyMaterials" }, ctx("2024-05-08", "intake"))
    d.run({ type: "decide", eligibility: eligible }, ctx("2024-05-08", "reviewer"))
    await w.save(d)
    const grant = ok(await w.issue("grant-decision", "2024-0012"))
    expect(grant).toMatchObject({
      title: "给予法律援助决定书",
      number: "（2024）盘援决字第1号",
      addressee: "张三：",
      paragraphs: [
        // LAL-31 has one paragraph: its item is cited without 第一款.
        "你于2024年5月6日向本机构提出的追索劳动报酬纠纷一案法律援助申请，经审查，符合法律援助条件。根据《中华人民共和国法律援助法》第三十一条第（四）项、第三十四条、第四十三条第一款的规定，本机构决定给予法律援助。",
        "本机构将自本决定作出之日起三日内指派法律援助人员为你提供法律援助，并将法律援助人员的姓名和联系方式告知你。"
      ],
      date: "2024年5月8日"
    })

    d.run({ type: "assign", lawyerId: "L1", firmId: "F1" }, ctx("2024-05-09", "dispatcher"))
    await w.save(d)
    const assignment = ok(await w.issue("assignment-notice", "2024-0012"))
    expect(assignment).toMatchObject({
      title: "指派通知书",
      number: "（2024）盘援指字第1号",
      addressee: "云南甲律师事务所：",
      paragraphs: [
        "本机构决定对张三追索劳动报酬纠纷一案提供法律援助，现指派你单位李律师承办。",
        "请你单位自收到本通知书之日起五日内安排承办人与受援人或者其法定代理人、近亲属签订委托代理或者辩护协议和授权委托书，并将承办人的姓名和联系电话告知受援人。"
      ],
      contacts: ["受援人联系电话：13912345678"],
      date: "2024年5月9日"
    })
    const letter = ok(await w.issue("official-letter", "2024-0012"))
    expect(letter).toMatchObject({
      title: "法律援助公函",
      number: "（2024）盘援函字第1号",
      addressee: "昆明市盘龙区人民法院：",
      paragraphs: ["本机构对张三追索劳动报酬纠纷一案，已指派云南甲律师事务所李律师担任其诉讼代理人。"],
      closing: "特此函告。",
      contacts: ["承办人联系电话：13800000001"]
    })

    d.run({ type: "reassign", lawyerId: "L2", firmId: "F2", reason: "complaint" }, ctx("2024-05-20", "dispatcher"))
    await w.save(d)
    const replacement = ok(await w.issue("replacement-notice", "2024-0012"))
    expect(replacement).toMatchObject({
      number: "（2024）盘援更字第1号",
      addressee: "云南乙律师事务所：",
      paragraphs: [
        "本机构于2024年5月20日就张三追索劳动报酬纠纷一案的法律援助人员作出更换决定（受援人投诉，请求更换法律援助人员）。现指派你单位王律师承办本案。",
        "请你单位自收到本通知书之日起五日内将承办人姓名和联系电话告知受援人及本机构，与受援人变更委托代理或者辩护协议和授权委托书，并与原承办人办理案件移交手续。"
      ]
    })
    // The court is told again, with the new lawyer: a new letter, the next number.
    const second = ok(await w.issue("official-letter", "2024-0012"))
    expect(second.number).toBe("（2024）盘援函字第2号")
    expect(second.paragraphs[0]).toBe("本机构对张三追索劳动报酬纠纷一案，已指派云南乙律师事务所王律师担任其诉讼代理人。")

    d.run({ type: "terminate", ground: "LAL-48-1-6" }, ctx("2024-06-03", "reviewer"))
    await w.save(d)
    const termination = ok(await w.issue("termination-decision", "2024-0012", { objectionPeriod: "自收到本决定之日起十五日内" }))
    expect(termination).toMatchObject({
      title: "终止法律援助决定书",
      number: "（2024）盘援终字第1号",
      addressee: "张三：",
      paragraphs: [
        "本机构于2024年5月8日决定为你追索劳动报酬纠纷一案提供法律援助。经审查，受援人自行委托律师或者其他代理人，属于《中华人民共和国法律援助法》第四十八条第一款第（六）项规定的情形。根据《中华人民共和国法律援助法》第四十八条的规定，本机构决定终止法律援助。",
        "如对本决定有异议，可以自收到本决定之日起十五日内向昆明市盘龙区司法局提出（《中华人民共和国法律援助法》第四十九条）。"
      ],
      date: "2024年6月3日"
    })

    // Issued again later, each document keeps its number and first day; no number is spent.
    const again = ok(await w.issue("grant-decision", "2024-0012", { issuedOn: day("2024-06-10") }))
    expect([again.number, again.date]).toEqual(["（2024）盘援决字第1号", "2024年5月8日"])
    const issued = await Effect.runPromise(w.documents.list(panlong, "2024-0012"))
    expect(issued.map((x) => [x.kind, x.n, x.issuedOn])).toEqual([
      ["assignment-notice", 1, "2024-05-09"],
      ["grant-decision", 1, "2024-05-08"],
      ["materials-notice", 1, "2024-05-06"],
      ["official-letter", 1, "2024-05-09"],
      ["official-letter", 2, "2024-05-20"],
      ["replacement-notice", 1, "2024-05-20"],
      ["termination-decision", 1, "2024-06-03"]
    ])
    // The numbers and keys are all the store keeps: no name, no phone.
    expect(JSON.stringify(issued)).not.toMatch(/张三|13912345678|李律师/)
  })

  it("a refusal names the reason, the articles and where to object (LAL-49); a numbering of its own", async () => {
    const w = world()
    await w.party("2024-0013", "李四")
    const d = new Driver()
    d.run(applyCommand("2024-0013"), ctx("2024-05-07", "intake"))
    d.run({ type: "decide", eligibility: ineligible }, ctx("2024-05-07", "reviewer"))
    await w.save(d)
    const refusal = ok(await w.issue("refusal-decision", "2024-0013", { caseTitle: undefined }))
    expect(refusal).toMatchObject({
      title: "不予法律援助决定书",
      number: "（2024）盘援不字第1号",
      addressee: "李四：",
      paragraphs: [
        "你于2024年5月7日向本机构提出的民事一案法律援助申请，经审查，你的家庭经济状况不符合本地法律援助经济困难标准。根据《中华人民共和国法律援助法》第三十一条第（四）项、第三十四条、第四十三条第一款的规定，本机构决定不予法律援助。",
        "如对本决定有异议，可以向昆明市盘龙区司法局提出。司法行政部门应当自收到异议之日起五日内进行审查，作出维持本机构决定或者责令本机构改正的决定（《中华人民共和国法律援助法》第四十九条）。"
      ],
      date: "2024年5月7日"
    })
    expect(refusal.template).toEqual({ id: "national/refusal-decision", source: expect.stringContaining("fayuan"), verified: false })
  })

  it("the closing form holds the case's record: lawyer, dates and outcome", async () => {
    const w = world()
    await w.party("2024-0014", "王五")
    const d = new Driver()
    d.run(applyCommand("2024-0014"), ctx("2024-05-06", "intake"))
    d.run({ type: "decide", eligibility: eligible }, ctx("2024-05-06", "reviewer"))
    d.run({ type: "assign", lawyerId: "L1", firmId: "F1" }, ctx("2024-05-07", "dispatcher"))
    d.run({ type: "startHandling" }, ctx("2024-05-07", "lawyer", { id: "L1" }))
    d.run({ type: "recordOutcome", endedOn: day("2024-05-30"), outcome: "mediation" }, ctx("2024-05-30", "lawyer", { id: "L1" }))
    d.run({ type: "conclude" }, ctx("2024-06-20", "lawyer", { id: "L1" }))
    await w.save(d)
    const form = ok(await w.issue("closing-form", "2024-0014"))
    expect(form.number).toBe("（2024）盘援结字第1号")
    expect(form.addressee).toBeUndefined()
    expect(form.table).toEqual([
      ["案件编号", "2024-0014"],
      ["受援人", "王五"],
      ["案件名称", "追索劳动报酬纠纷一案"],
      ["援助事项类别", "民事"],
      ["受理日期", "2024年5月6日"],
      ["承办单位", "云南甲律师事务所"],
      ["承办人", "李律师"],
      ["指派日期", "2024年5月7日"],
      ["办结日期", "2024年5月30日"],
      ["结案方式", "调解"],
      ["提交结案材料日期", "2024年6月20日"]
    ])
  })
})

describe("a case decided under the Regulations on Legal Aid (before 2022)", () => {
  it("a 2018 refusal and termination cite the Regulations: objection within 5 working days (LAR-19), the grounds of LAR-23", async () => {
    const w = world()
    await w.party("2018-0007", "孙八")
    const refused = new Driver()
    refused.run(applyCommand("2018-0007"), ctx("2018-03-05", "intake"))
    refused.run({ type: "decide", eligibility: { outcome: "ineligible", meansTest: "failed", citations: ["LAR-10-1-5", "LAR-13"], ruleSetId: "LAR-2003/CPL-2012" } }, ctx("2018-03-06", "reviewer"))
    await w.save(refused)
    const refusal = ok(await w.issue("refusal-decision", "2018-0007", { caseTitle: "追索劳动报酬一案" }))
    expect(refusal.number).toBe("（2018）盘援不字第1号")
    expect(refusal.template.id).toBe("national/refusal-decision/lar")
    expect(refusal.paragraphs).toEqual([
      "你于2018年3月5日向本机构提出的追索劳动报酬一案法律援助申请，经审查，你的家庭经济状况不符合本地法律援助经济困难标准。根据《法律援助条例》第十条第一款第（五）项、第十三条、第十八条的规定，本机构决定不予法律援助。",
      "如对本决定有异议，可以向昆明市盘龙区司法局提出。司法行政部门应当在收到异议之日起5个工作日内进行审查（《法律援助条例》第十九条）。"
    ])
    await w.party("2018-0008", "周九")
    const ended = new Driver()
    ended.run(applyCommand("2018-0008"), ctx("2018-03-05", "intake"))
    ended.run({ type: "decide", eligibility: eligible2018 }, ctx("2018-03-06", "reviewer"))
    ended.run({ type: "assign", lawyerId: "L1", firmId: "F1" }, ctx("2018-03-07", "dispatcher"))
    ended.run({ type: "terminate", ground: "LAR-23-1-3" }, ctx("2018-04-02", "reviewer"))
    await w.save(ended)
    const termination = ok(await w.issue("termination-decision", "2018-0008"))
    expect(termination.paragraphs).toEqual([
      "本机构于2018年3月6日决定为你追索劳动报酬纠纷一案提供法律援助。经审查核实，受援人又自行委托律师或者其他代理人的，属于《法律援助条例》第二十三条第（三）项规定的情形。根据《法律援助条例》第二十三条的规定，本机构决定终止法律援助。"
    ])
    // The assignment notice cites no article: one template serves both periods.
    expect(ok(await w.issue("assignment-notice", "2018-0008")).template.id).toBe("national/assignment-notice")
  })
})

describe("what a document needs", () => {
  const grantedCase = async (w: ReturnType<typeof world>, caseId: string) => {
    const d = new Driver()
    d.run(applyCommand(caseId), ctx("2024-05-06", "intake"))
    d.run({ type: "decide", eligibility: eligible }, ctx("2024-05-06", "reviewer"))
    d.run({ type: "assign", lawyerId: "L9", firmId: "F1" }, ctx("2024-05-07", "dispatcher"))
    await w.save(d)
  }

  it("a missing fact is a MissingFact naming it, and no number is taken", async () => {
    const w = world()
    await grantedCase(w, "c1")
    const expectMissing = async (r: Awaited<ReturnType<typeof w.issue>>, fact: string) => {
      expect(Result.isFailure(r) && r.failure._tag === "MissingFact" ? r.failure.fact : r).toBe(fact)
    }
    // No party stored: the name the decision is addressed to.
    await expectMissing(await w.issue("grant-decision", "c1"), "applicant.name")
    await w.party("c1", "赵六")
    // L9 is unknown to the host's lookup.
    await expectMissing(await w.issue("assignment-notice", "c1"), "lawyer.name")
    await expectMissing(await w.issue("official-letter", "c1", { organ: undefined }), "organ.name")
    await expectMissing(await w.issue("grant-decision", "c1", { centre: { name: "昆明市盘龙区法律援助中心" } }), "centre.shortName")
    // No event to issue on.
    await expectMissing(await w.issue("termination-decision", "c1"), "event:AidTerminated")
    expect(await Effect.runPromise(w.documents.list(Region.national))).toEqual([])
    // Supplied, the number is the first.
    expect(ok(await w.issue("grant-decision", "c1")).number).toBe("（2024）盘援决字第1号")
  })

  it("a missing fact's message names the fact, never a party's data", async () => {
    const w = world()
    await grantedCase(w, "c2")
    await w.party("c2", "赵六", "13912345678")
    const r = await w.issue("assignment-notice", "c2")
    expect(Result.isFailure(r) && r.failure.message).toBe("lawyer.name: the assignment-notice needs it: give context.lawyer: the name behind the lawyer id")
  })

  it("a province's template replaces the national one for its districts from its date, without code", async () => {
    const yunnan: Template = {
      ...nationalTemplates.find((t) => t.kind === "grant-decision")!,
      id: "53/grant-decision",
      region: Region.makeUnsafe("53"),
      validFrom: day("2024-05-07"),
      title: "给予法律援助决定书（云南）",
      number: "云{centre.shortName}援决〔{year}〕{n}号",
      source: "a test variant",
      verified: false
    }
    const templates = [...nationalTemplates, yunnan]
    const w = world()
    await grantedCase(w, "c3")
    await w.party("c3", "赵六")
    // Granted on 5-06: the national template was in force.
    expect(ok(await w.issue("grant-decision", "c3", {}, templates)).title).toBe("给予法律援助决定书")
    const w2 = world()
    const d = new Driver()
    d.run(applyCommand("c4"), ctx("2024-05-08", "intake"))
    d.run({ type: "decide", eligibility: eligible }, ctx("2024-05-08", "reviewer"))
    await w2.save(d)
    await w2.party("c4", "钱七")
    const variant = ok(await w2.issue("grant-decision", "c4", {}, templates))
    expect([variant.title, variant.number, variant.template.id]).toEqual(["给予法律援助决定书（云南）", "云盘援决〔2024〕1号", "53/grant-decision"])
    // A template for another province does not apply.
    const elsewhere = { ...yunnan, region: Region.makeUnsafe("44") }
    const w3 = world()
    await w3.save(d)
    await w3.party("c4", "钱七")
    expect(ok(await w3.issue("grant-decision", "c4", {}, [...nationalTemplates, elsewhere])).template.id).toBe("national/grant-decision")
  })
})

describe("rendering", () => {
  const sample = async () => {
    const w = world()
    const d = new Driver()
    d.run(applyCommand("c1"), ctx("2024-05-06", "intake"))
    d.run({ type: "decide", eligibility: eligible }, ctx("2024-05-06", "reviewer"))
    await w.save(d)
    await w.party("c1", "张<三>")
    return ok(await w.issue("grant-decision", "c1"))
  }

  it("HTML: a standalone A4 page, title, number, body, issuer and date; text escaped; no script", async () => {
    const html = renderDocumentHtml(await sample())
    expect(html).toContain("@page { size: A4;")
    expect(html).toContain("<h1>给予法律援助决定书</h1>")
    expect(html).toContain(`<p class="number">（2024）盘援决字第1号</p>`)
    expect(html).toContain(`<p class="addressee">张&lt;三&gt;：</p>`)
    expect(html).toContain("昆明市盘龙区法律援助中心<br>2024年5月6日")
    expect(html).not.toMatch(/<script|src=|href=/)
  })

  it("Word: a .docx whose document part holds the title in 方正小标宋简体, the body in FangSong, and every paragraph", async () => {
    const xml = unzip(await renderDocumentDocx(await sample()), "word/document.xml")!
    expect(xml).toContain('w:eastAsia="方正小标宋简体"')
    expect(xml).toContain('w:eastAsia="FangSong"')
    for (const text of ["给予法律援助决定书", "（2024）盘援决字第1号", "张&lt;三&gt;：", "特此通知。", "2024年5月6日"]) expect(xml).toContain(text)
    // A4 portrait.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
  })
})

describe("provisions cited in Chinese", () => {
  it("article numbers in Chinese numerals, as statutes number them", () => {
    expect([1, 10, 11, 20, 48, 100, 105, 110, 111, 1000, 1010].map(Citation.numberZh)).toEqual([
      "一", "十", "十一", "二十", "四十八", "一百", "一百零五", "一百一十", "一百一十一", "一千", "一千零一十"
    ])
  })

  it("条、款、项 in order; the item's number bracketed; no 第一款 for an article of one paragraph (SPC notice, 1956)", () => {
    expect(Citation.articleZh("LAL-43-2")).toBe("《中华人民共和国法律援助法》第四十三条第二款")
    expect(Citation.articleZh("LAL-48-1-6")).toBe("《中华人民共和国法律援助法》第四十八条第一款第（六）项")
    expect(Citation.articleZh("LAL-31-1-4")).toBe("《中华人民共和国法律援助法》第三十一条第（四）项")
    expect(Citation.articleZh("LAR-23-1-3")).toBe("《法律援助条例》第二十三条第（三）项")
    expect(Citation.articleZh("LAR-10-1-5", { title: false })).toBe("第十条第一款第（五）项")
  })
})
