/**
 * The pre-check page (`examples/browser/`) in a real browser: the page's bundle is built, the folder
 * served over `node:http`, and headless Chromium driven over the DevTools protocol (Node's own
 * `WebSocket`, no dependency) fills the form, presses Check and reads what the page shows. Every
 * answer is compared with `decide` run here in Node on the same application, so the page and the
 * library cannot drift apart.
 *
 * Needs `chromium` on PATH (Debian's package). Without it the test fails, in CI and locally alike:
 * a browser test that skips itself proves nothing. `FAYUAN_BROWSER_SCREENSHOT=/tmp/page.png` also
 * saves screenshots of what the page shows (the decision, missing facts, issues).
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { delimiter, extname, join, normalize, sep } from "node:path"
import { Result } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildPage } from "../examples/browser/build.ts"
import { decodeApplication } from "../src/eligibility/Application.ts"
import { decide } from "../src/eligibility/decide.ts"
import * as Money from "../src/Money.ts"
import { outcomeLabel } from "../examples/browser/labels.ts"

const root = join(import.meta.dirname, "..")
const site = join(root, "examples", "browser")

// ——— what the test types into the form, and the same facts as an application ———

interface Form {
  readonly date: string
  readonly region: string
  readonly birthDate?: string
  readonly hasLawyer?: boolean
  readonly members?: string
  readonly incomeYuan?: string
  readonly area?: "urban" | "rural"
  readonly statuses?: ReadonlyArray<string>
  readonly disabilities?: ReadonlyArray<string>
  readonly kind: string
  readonly stage?: string
  readonly sentence?: string
  readonly procedure?: string
  readonly inAbsentia?: boolean
  readonly claims?: ReadonlyArray<string>
}

const criminalKinds = new Set(["criminal-defence", "criminal-victim", "private-prosecution", "incidental-civil", "compulsory-treatment"])

/** The application the form stands for, written here independently of the page's own reading of it. */
const applicationOf = (f: Form): unknown => {
  const applicant: Record<string, unknown> = { disabilities: f.disabilities ?? [], statuses: f.statuses ?? [], hasLawyer: f.hasLawyer ?? false }
  if (f.birthDate !== undefined) applicant["birthDate"] = f.birthDate
  if (f.members !== undefined) {
    applicant["household"] = { members: Number(f.members), monthlyIncomeFen: Result.getOrThrow(Money.fromYuan(f.incomeYuan ?? "")), area: f.area ?? "urban" }
  }
  const matter: Record<string, unknown> = { kind: f.kind, claims: criminalKinds.has(f.kind) && f.kind !== "incidental-civil" ? [] : (f.claims ?? []) }
  if (f.stage !== undefined) matter["stage"] = f.stage
  if (f.sentence !== undefined) matter["possibleSentence"] = f.sentence
  if (f.procedure !== undefined) matter["procedure"] = f.procedure
  if (f.inAbsentia === true) matter["inAbsentia"] = true
  return { date: f.date, region: f.region, applicant, matter }
}

/** Fills the page's form with `f` (as a person would: values, ticks, change events) and presses Check. */
const fillAndSubmit = (f: Form): string => `(() => {
  const f = ${JSON.stringify(f)}
  const set = (id, value) => {
    const el = document.getElementById(id)
    el.value = value
    el.dispatchEvent(new Event("input", { bubbles: true }))
    el.dispatchEvent(new Event("change", { bubbles: true }))
  }
  const tick = (name, values) => { for (const el of document.querySelectorAll('input[name="' + name + '"]')) el.checked = values.includes(el.value) }
  set("kind", f.kind)
  set("date", f.date)
  set("region", f.region)
  set("birthDate", f.birthDate ?? "")
  document.getElementById("hasLawyer").checked = f.hasLawyer ?? false
  set("members", f.members ?? "")
  set("income", f.incomeYuan ?? "")
  set("area", f.area ?? "urban")
  set("stage", f.stage ?? "")
  set("sentence", f.sentence ?? "")
  set("procedure", f.procedure ?? "")
  document.getElementById("inAbsentia").checked = f.inAbsentia ?? false
  tick("status", f.statuses ?? [])
  tick("disability", f.disabilities ?? [])
  tick("claim", f.claims ?? [])
  document.getElementById("result").dataset.state = "waiting"
  document.getElementById("decide").click()
})()`

/** What the page shows, read back from its DOM. */
interface Shown {
  readonly state: string
  readonly outcome?: string
  readonly meansTest?: string
  readonly missing: ReadonlyArray<string>
  readonly citations: ReadonlyArray<string>
  readonly articles: ReadonlyArray<string>
  readonly issues: ReadonlyArray<string>
  readonly reasons: ReadonlyArray<string>
  readonly outcomeText?: string
}

const readResult = `(() => {
  const all = (sel, f) => [...document.querySelectorAll(sel)].map(f)
  const r = document.getElementById("result")
  return {
    state: r.dataset.state,
    outcome: document.getElementById("outcome")?.dataset.outcome,
    meansTest: document.getElementById("means-test")?.dataset.status,
    missing: all("#missing li", (li) => li.dataset.path),
    citations: all("#citations li", (li) => li.dataset.id),
    articles: all("#citations li strong", (s) => s.textContent),
    issues: all("#issues li", (li) => li.dataset.path),
    reasons: all("#issues li", (li) => li.textContent),
    outcomeText: document.getElementById("outcome")?.textContent
  }
})()`

// ——— a static server for examples/browser ———

const types: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".map": "application/json", ".css": "text/css" }

const serve = (): Promise<Server> =>
  new Promise((resolve) => {
    const server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname)
      const file = normalize(join(site, path === "/" ? "index.html" : path))
      if (!file.startsWith(site + sep) || !existsSync(file)) {
        res.writeHead(404).end("not found")
        return
      }
      res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file))
    })
    server.listen(0, "127.0.0.1", () => resolve(server))
  })

// ——— Chromium over the DevTools protocol ———

const findChromium = (): string | undefined => {
  for (const dir of (process.env["PATH"] ?? "").split(delimiter)) {
    for (const name of ["chromium", "chromium-browser"]) {
      const path = join(dir, name)
      if (dir !== "" && existsSync(path)) return path
    }
  }
  return undefined
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Polls until `f` gives a value, or fails after `ms`. */
const until = async <A>(what: string, f: () => A | undefined | Promise<A | undefined>, ms = 20_000): Promise<A> => {
  const end = Date.now() + ms
  for (;;) {
    const a = await f()
    if (a !== undefined) return a
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await sleep(50)
  }
}

/** A DevTools session on one page: commands by id, events by name. */
class Cdp {
  private next = 1
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  private readonly waiters: Array<{ method: string; resolve: (params: unknown) => void }> = []
  private readonly ws: WebSocket
  private constructor(ws: WebSocket) {
    this.ws = ws
    ws.addEventListener("message", (event) => {
      const msg = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: { message: string }; method?: string; params?: unknown }
      if (msg.id !== undefined) {
        const p = this.pending.get(msg.id)
        this.pending.delete(msg.id)
        if (msg.error !== undefined) p?.reject(new Error(msg.error.message))
        else p?.resolve(msg.result)
      } else if (msg.method !== undefined) {
        for (const [i, w] of this.waiters.entries()) {
          if (w.method === msg.method) {
            this.waiters.splice(i, 1)
            w.resolve(msg.params)
            break
          }
        }
      }
    })
  }

  static connect(url: string): Promise<Cdp> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url)
      ws.addEventListener("open", () => resolve(new Cdp(ws)), { once: true })
      ws.addEventListener("error", () => reject(new Error(`cannot connect to ${url}`)), { once: true })
    })
  }

  send<A = unknown>(method: string, params: Record<string, unknown> = {}): Promise<A> {
    const id = this.next++
    return new Promise<A>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
      this.ws.send(JSON.stringify({ id, method, params }))
    })
  }

  once(method: string): Promise<unknown> {
    return new Promise((resolve) => this.waiters.push({ method, resolve }))
  }

  /** Evaluates an expression in the page and returns its value (by value, as JSON). */
  async evaluate<A>(expression: string): Promise<A> {
    const r = await this.send<{ result: { value?: A }; exceptionDetails?: { text: string; exception?: { description?: string } } }>("Runtime.evaluate", {
      expression,
      returnByValue: true,
      awaitPromise: true
    })
    if (r.exceptionDetails !== undefined) throw new Error(`in the page: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`)
    return r.result.value as A
  }

  close(): void {
    this.ws.close()
  }
}

let server: Server | undefined
let browser: ChildProcess | undefined
let profile: string | undefined
let page: Cdp | undefined
let pageUrl = ""
const consoleErrors: Array<string> = []

beforeAll(async () => {
  const chromium = findChromium()
  if (chromium === undefined) {
    throw new Error(
      `chromium is not on PATH${process.env["CI"] ? " (CI)" : ""}: install Debian's chromium package (apt-get install chromium); this test does not skip itself`
    )
  }
  await buildPage()
  server = await serve()
  pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  profile = mkdtempSync(join(tmpdir(), "fayuan-chromium-"))
  browser = spawn(
    chromium,
    [
      "--headless=new",
      "--no-sandbox", // the tests run as root in CI containers
      "--remote-debugging-port=0",
      `--user-data-dir=${profile}`,
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--no-first-run",
      "--no-default-browser-check",
      "--disable-extensions",
      "--disable-background-networking",
      "--window-size=1280,1000",
      "about:blank"
    ],
    { stdio: "ignore", detached: true }
  )
  const activePort = join(profile, "DevToolsActivePort")
  const port = await until("Chromium's DevToolsActivePort", () => {
    if (browser?.exitCode !== null) throw new Error(`chromium exited with ${browser?.exitCode}`)
    if (!existsSync(activePort)) return undefined
    const first = readFileSync(activePort, "utf8").split("\n")[0]
    return first === undefined || first === "" ? undefined : Number(first)
  })
  const targets = await until("a page target", async () => {
    const list = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{ type: string; webSocketDebuggerUrl?: string }>
    return list.find((t) => t.type === "page" && t.webSocketDebuggerUrl !== undefined)
  })
  page = await Cdp.connect(targets.webSocketDebuggerUrl!)
  await page.send("Page.enable")
  await page.send("Runtime.enable")
  await page.send("Emulation.setDeviceMetricsOverride", { width: 1280, height: 1000, deviceScaleFactor: 1, mobile: false })
  // Errors the page logs or throws are failures too.
  void (async () => {
    for (;;) {
      const e = (await page!.once("Runtime.exceptionThrown")) as { exceptionDetails: { text: string } }
      consoleErrors.push(e.exceptionDetails.text)
    }
  })()
}, 60_000)

afterAll(async () => {
  page?.close()
  if (browser?.pid !== undefined && browser.exitCode === null) {
    const exited = new Promise((r) => browser!.once("exit", r))
    process.kill(-browser.pid, "SIGTERM") // the group this test started: Chromium and its helpers
    const done = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)])
    if (!done) process.kill(-browser.pid, "SIGKILL")
  }
  await new Promise((r) => (server === undefined ? r(undefined) : server.close(r)))
  if (profile !== undefined) rmSync(profile, { recursive: true, force: true })
})

/** Opens the page afresh, fills the form, presses Check and returns what the page shows. */
const check = async (f: Form): Promise<Shown> => {
  const loaded = page!.once("Page.loadEventFired")
  await page!.send("Page.navigate", { url: pageUrl })
  await loaded
  await until("the page's script", () => page!.evaluate<boolean>(`document.querySelectorAll("#kind option").length > 0`).then((ok) => (ok ? true : undefined)))
  await page!.evaluate(fillAndSubmit(f))
  return until("the pre-check result", async () => {
    const shown = await page!.evaluate<Shown>(readResult)
    return shown.state === "waiting" ? undefined : shown
  })
}

/** With FAYUAN_BROWSER_SCREENSHOT=/tmp/page.png, saves the page as it is (`/tmp/page-<name>.png` for the others). */
const screenshot = async (name: string): Promise<void> => {
  const path = process.env["FAYUAN_BROWSER_SCREENSHOT"]
  if (path === undefined || path === "") return
  const { data } = await page!.send<{ data: string }>("Page.captureScreenshot", { format: "png", captureBeyondViewport: true })
  writeFileSync(name === "" ? path : path.replace(/(\.png)?$/, `-${name}.png`), Buffer.from(data, "base64"))
}

/** The decision Node makes on the same facts. */
const decideHere = (f: Form) => {
  const app = decodeApplication(applicationOf(f))
  if (Result.isFailure(app)) throw new Error(app.failure.message)
  return Result.getOrThrow(decide(app.success, { trace: false }))
}

describe("the pre-check page in headless Chromium", { timeout: 60_000 }, () => {
  it("decides a Kunming Panlong wage claim as decide does, with the articles it rests on", async () => {
    const form: Form = {
      date: "2024-05-10",
      region: "530103",
      members: "3",
      incomeYuan: "2500.00",
      area: "urban",
      kind: "labour-arbitration",
      claims: ["labour-remuneration"]
    }
    const shown = await check(form)
    const expected = decideHere(form)
    expect(shown.state).toBe("decided")
    expect(shown.outcome).toBe(expected.outcome)
    expect(shown.meansTest).toBe(expected.meansTest.status)
    expect(shown.citations).toEqual(expected.citations)
    expect(shown.missing).toEqual(expected.missing.map((m) => m.path))
    // an urban household of 3 below the line: aid, on at least one article, each shown as cited
    expect(expected.outcome).toBe("eligible")
    expect(shown.citations.length).toBeGreaterThan(0)
    expect(shown.articles.every((a) => /^《.+》第.+条/.test(a))).toBe(true)
    await screenshot("")
  })

  it("reads every control — statuses, disabilities, a lawyer, the birth date, a rural household, the sentence, the procedure, in absentia — as decide would", async () => {
    const forms: ReadonlyArray<Form> = [
      {
        date: "2024-05-10",
        region: "530103",
        birthDate: "1958-02-01",
        members: "2",
        incomeYuan: "800.50",
        area: "rural",
        statuses: ["migrant-worker", "low-income"],
        disabilities: ["visual"],
        kind: "criminal-defence",
        stage: "trial",
        sentence: "life",
        procedure: "ordinary",
        inAbsentia: true
      },
      { date: "2024-05-10", region: "530103", hasLawyer: true, birthDate: "2009-07-01", kind: "criminal-defence", stage: "investigation", disabilities: ["hearing"] },
      { date: "2024-05-10", region: "530103", members: "4", incomeYuan: "99999", area: "rural", statuses: ["social-assistance"], kind: "civil", claims: ["maintenance", "work-injury"] }
    ]
    for (const form of forms) {
      const shown = await check(form)
      const expected = decideHere(form)
      expect(shown.state, JSON.stringify(form)).toBe("decided")
      expect(shown.outcome).toBe(expected.outcome)
      expect(shown.meansTest).toBe(expected.meansTest.status)
      expect(shown.citations).toEqual(expected.citations)
      expect(shown.missing).toEqual(expected.missing.map((m) => m.path))
      // What a person reads, not only the data attributes: the outcome's own label.
      expect(shown.outcomeText).toContain(outcomeLabel[expected.outcome][0])
      expect(shown.outcomeText).toContain(outcomeLabel[expected.outcome][1])
    }
  })

  it("reads an income as people type it (2,500 or ２５００．５０), and refuses one that is not yuan, naming the field, instead of taking it as 0", async () => {
    const wage = (incomeYuan: string): Form => ({ date: "2024-05-10", region: "530103", members: "3", incomeYuan, area: "urban", kind: "civil", claims: ["labour-remuneration"] })
    for (const [typed, plain] of [["2,500", "2500"], ["２５００．５０", "2500.50"], ["12,345.6", "12345.6"]] as const) {
      const shown = await check(wage(typed))
      const expected = decideHere(wage(plain))
      expect(shown.state, typed).toBe("decided")
      expect(shown.meansTest).toBe(expected.meansTest.status)
      expect(shown.citations).toEqual(expected.citations)
    }
    for (const incomeYuan of ["-1", "abc", "2,50", "1e3"]) {
      const shown = await check(wage(incomeYuan))
      expect(shown.state, incomeYuan).toBe("invalid")
      expect(shown.issues).toContain("applicant.household.monthlyIncomeFen")
      expect(shown.reasons.join(" "), incomeYuan).toContain("enter yuan")
    }
  })

  it("lists the facts still missing, as decide does, when the form leaves them out", async () => {
    const form: Form = { date: "2024-05-10", region: "530103", kind: "criminal-defence", stage: "investigation" }
    const shown = await check(form)
    const expected = decideHere(form)
    expect(expected.missing.length).toBeGreaterThan(0)
    expect(shown.state).toBe("decided")
    expect(shown.outcome).toBe(expected.outcome)
    expect(shown.missing).toEqual(expected.missing.map((m) => m.path))
    expect(shown.citations).toEqual(expected.citations)
    await screenshot("missing")
  })

  it("shows the decoder's issues, field by field, for a form that is not an application", async () => {
    const form: Form = { date: "2024-05-10", region: "530100", members: "0", incomeYuan: "100", kind: "civil", claims: ["maintenance"] }
    const shown = await check(form)
    const expected = decodeApplication(applicationOf(form))
    expect(Result.isFailure(expected)).toBe(true)
    expect(shown.state).toBe("invalid")
    expect(shown.issues).toEqual(Result.isFailure(expected) ? expected.failure.issues.map((i) => i.path) : [])
    await screenshot("issues")
  })

  it("threw nothing in the page", () => {
    expect(consoleErrors).toEqual([])
  })
})

describe("the pre-check page's sources", () => {
  it("type-check for the browser (examples/browser/tsconfig.json: DOM, fayuan/eligibility/browser)", { timeout: 60_000 }, () => {
    execFileSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", join(site, "tsconfig.json"), "--noEmit"], { stdio: "pipe" })
  })
})
