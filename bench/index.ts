/**
 * Runs every benchmark module in order, or only those whose name contains one of the arguments:
 *
 *   npm run bench                 # all
 *   npm run bench -- eligibility  # only eligibility
 *
 * A module is `bench/<name>.ts` exporting `run(): Promise<void>`; add its name below.
 */
const modules: ReadonlyArray<string> = ["eligibility", "lifecycle", "roster", "storage", "assignment", "subsidy", "budget", "pipeline", "evaluation", "http"]

const filters = process.argv.slice(2)
const selected = modules.filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
if (selected.length === 0) {
  process.stderr.write(`no benchmark matches ${filters.join(", ")}; known: ${modules.join(", ")}\n`)
  process.exit(1)
}
for (const name of selected) {
  const module: { run: () => Promise<void> } = await import(`./${name}.ts`)
  await module.run()
}
