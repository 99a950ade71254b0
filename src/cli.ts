#!/usr/bin/env node
/**
 * The `fayuan` command.
 *
 *   fayuan vectors <file-or-folder>...   run eligibility test vectors
 *   fayuan serve --db <target> ...        serve the library over HTTP (`fayuan/adapters/http`)
 *
 * Prints each failing vector with its differences and ends with `N passed, M failed`; exits 1 if a
 * vector failed or a file is malformed, 2 on a usage error.
 */
import { readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { Result } from "effect"
import type { VectorResult } from "./vectors/Vector.ts"
import { formatResults, InvalidVectorFile, parseVectorFile, runFile } from "./vectors/Vector.ts"

const usage = `usage: fayuan vectors <file-or-folder>...
       fayuan serve --db <file.sqlite | postgres://… | mysql://…> --issuer <iss> [options]   (fayuan serve --help)

Runs eligibility test vectors: every *.json file named, or found under a folder named.
Prints each failure with the difference and ends with "N passed, M failed".
Exit status: 0 all passed, 1 a vector failed or a file is malformed, 2 usage error.`

/** Every *.json under `path` (itself when a file), sorted, so runs are repeatable. */
const collect = (path: string): ReadonlyArray<string> => {
  const stat = statSync(path)
  if (!stat.isDirectory()) return [path]
  return readdirSync(path, { withFileTypes: true })
    .map((e) => e.name)
    .sort()
    .flatMap((name) => {
      const full = join(path, name)
      return statSync(full).isDirectory() ? collect(full) : name.endsWith(".json") ? [full] : []
    })
}

const runVectors = (paths: ReadonlyArray<string>): number => {
  const results: Array<VectorResult> = []
  const invalid: Array<InvalidVectorFile> = []
  for (const path of paths) {
    let files: ReadonlyArray<string>
    try {
      files = collect(path)
    } catch {
      invalid.push(new InvalidVectorFile({ file: path, issues: [{ path: "", reason: "no such file or folder" }] }))
      continue
    }
    for (const file of files) {
      let text: string
      try {
        text = readFileSync(file, "utf8")
      } catch {
        invalid.push(new InvalidVectorFile({ file, issues: [{ path: "", reason: "cannot be read" }] }))
        continue
      }
      const decoded = parseVectorFile(text, file)
      if (Result.isFailure(decoded)) invalid.push(decoded.failure)
      else results.push(...runFile(decoded.success))
    }
  }
  process.stdout.write(formatResults(results, invalid) + "\n")
  return invalid.length > 0 || results.some((r) => !r.passed) ? 1 : 0
}

const main = (args: ReadonlyArray<string>): number => {
  const [command, ...rest] = args
  if (command === "vectors" && rest.length > 0 && !rest.includes("--help")) return runVectors(rest)
  if (command === "--help" || command === "-h" || (command === "vectors" && rest.includes("--help"))) {
    process.stdout.write(usage + "\n")
    return 0
  }
  process.stderr.write(usage + "\n")
  return 2
}

/** `fayuan serve`: loaded only when asked for, with its optional peers (`@effect/platform-node`, `jose`). */
const serve = async (args: ReadonlyArray<string>): Promise<number> => {
  let command: typeof import("../adapters/http/command.ts")
  try {
    command = await import("../adapters/http/command.ts")
  } catch {
    process.stderr.write("fayuan serve needs the optional dependencies @effect/platform-node and jose: npm install @effect/platform-node jose\n")
    return 2
  }
  if (args.includes("--help")) {
    process.stdout.write(command.serveUsage + "\n")
    return 0
  }
  try {
    return await command.serveCommand(args)
  } catch (error) {
    if (!(error instanceof command.UsageError)) throw error
    process.stderr.write(`fayuan serve: ${error.message}\n\n${command.serveUsage}\n`)
    return 2
  }
}

const args = process.argv.slice(2)
if (args[0] === "serve") void serve(args.slice(1)).then((code) => (process.exitCode = code))
else process.exitCode = main(args)
