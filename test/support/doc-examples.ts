/**
 * The code a reader is shown: every ```ts block of the README and every `@example` in the
 * sources, each as a module a consumer would write, for `test/docs.test.ts` to type-check against
 * the built package.
 */
import { execFileSync } from "node:child_process"
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs"
import { join, relative } from "node:path"

/** One snippet and where it is written. */
export interface Snippet {
  readonly source: string
  readonly line: number
  readonly code: string
}

const root = join(import.meta.dirname, "..", "..")

/** The ```ts blocks of a Markdown file. */
export const markdownBlocks = (file: string): ReadonlyArray<Snippet> => {
  const lines = readFileSync(join(root, file), "utf8").split("\n")
  const out: Array<Snippet> = []
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== "```ts") continue
    const start = i + 1
    let end = start
    while (end < lines.length && lines[end]!.trim() !== "```") end++
    out.push({ source: file, line: start + 1, code: lines.slice(start, end).join("\n") })
    i = end
  }
  return out
}

const files = (dir: string): ReadonlyArray<string> =>
  readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name)
    return statSync(join(root, path)).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : []
  })

/** The `@example` of every doc comment under the given folders: the fenced code, or the lines up to the next tag. */
export const docExamples = (dirs: ReadonlyArray<string>): ReadonlyArray<Snippet> => {
  const out: Array<Snippet> = []
  // Modules the package does not export (rule data, adapter internals) have no consumer.
  for (const file of dirs.flatMap(files).filter((f) => !/(^|\/)(rules|internal)\//.test(f))) {
    const lines = readFileSync(join(root, file), "utf8").split("\n")
    for (let i = 0; i < lines.length; i++) {
      if (!/^\s*\*\s*@example\b/.test(lines[i]!)) continue
      const body: Array<string> = []
      let j = i + 1
      for (; j < lines.length; j++) {
        const l = lines[j]!
        if (/^\s*\*\//.test(l) || /^\s*\*\s*@\w+/.test(l)) break
        body.push(l.replace(/^\s*\* ?/, ""))
      }
      const fenced = body.findIndex((l) => l.trim().startsWith("```"))
      let code = body
      let offset = 1
      if (fenced >= 0) {
        const close = body.findIndex((l, k) => k > fenced && l.trim() === "```")
        code = body.slice(fenced + 1, close < 0 ? body.length : close)
        offset = fenced + 2
      }
      out.push({ source: relative(root, join(root, file)), line: i + 1 + offset, code: code.join("\n").trim() })
      i = j - 1
    }
  }
  return out
}

/**
 * Type-checks the snippets (and whole `files`, by name) in one program; returns the errors, each
 * named by the snippet's own place (a file's by its name).
 */
export const checkSnippets = (snippets: ReadonlyArray<Snippet>, files: Readonly<Record<string, string>> = {}): ReadonlyArray<string> => {
  // Inside the project's node_modules, so effect, kysely and the types resolve as for a consumer.
  const dir = mkdtempSync(join(root, "node_modules", ".fayuan-docs-"))
  try {
    mkdirSync(join(dir, "node_modules"))
    symlinkSync(root, join(dir, "node_modules", "fayuan"), "dir")
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }))
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          module: "nodenext",
          moduleResolution: "nodenext",
          target: "es2023",
          // effect's declarations name Web Crypto types (CryptoKey): a Node consumer checking
          // libraries needs the DOM lib for them.
          lib: ["es2023", "dom"],
          types: ["node"],
          typeRoots: [join(root, "node_modules", "@types")],
          skipLibCheck: false,
          noEmit: true,
          noUnusedLocals: false
        },
        include: ["*.ts", "*.mts", "*.cts"]
      })
    )
    // Whole modules of their own (`consumer.mts`, `consumer.cts`), checked in the same program.
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
    const names = new Map<string, Snippet>()
    snippets.forEach((s, i) => {
      const name = `snippet${String(i).padStart(3, "0")}.ts`
      names.set(name, s)
      // Every snippet is a module of its own.
      writeFileSync(join(dir, name), `${s.code}\nexport {}\n`)
    })
    try {
      execFileSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", dir], { cwd: dir, encoding: "utf8", stdio: "pipe" })
      return []
    } catch (error) {
      const out = String((error as { stdout?: string }).stdout ?? error)
      return out
        .split("\n")
        // The snippets' errors, and any in fayuan's own declarations; PGlite's declarations need
        // Emscripten's types, which a consumer of the PGlite adapter installs for itself.
        .filter((l) => /^(snippet\d+\.ts|[\w-]+\.[mc]ts)\(\d+,\d+\)/.test(l) || (/^\S+\.d\.c?ts\(/.test(l) && !/@electric-sql\/pglite/.test(l)))
        .map((l) => {
          const m = /^(snippet\d+\.ts)\((\d+),(\d+)\): (.*)$/.exec(l)
          if (m === null) return l
          const s = names.get(m[1]!)!
          return `${s.source}:${s.line + Number(m[2]) - 1}: ${m[4]}`
        })
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

