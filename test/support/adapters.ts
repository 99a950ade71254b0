/**
 * Which storage adapters the tests run on. Every one by default (and always in CI); a developer
 * may narrow a local run with `FAYUAN_ADAPTERS=sqlite,memory npm test`: files named
 * `*.<adapter>.test.ts` of the others are left out (vitest.config.ts), and tests that run several
 * adapters in one file skip the ones left out.
 */
export const adapterNames = ["memory", "sqlite", "pglite", "postgres", "mysql"] as const
export type AdapterName = (typeof adapterNames)[number]

/** The adapters `FAYUAN_ADAPTERS` names, or all; an unknown name or a narrowed run in CI is an error. */
export const selectedAdapters = (env: NodeJS.ProcessEnv = process.env): ReadonlyArray<AdapterName> => {
  const raw = env["FAYUAN_ADAPTERS"]
  if (raw === undefined || raw.trim() === "") return adapterNames
  const names = raw.split(",").map((n) => n.trim()).filter((n) => n !== "")
  const unknown = names.filter((n) => !(adapterNames as ReadonlyArray<string>).includes(n))
  if (unknown.length > 0) throw new Error(`FAYUAN_ADAPTERS: unknown adapter ${unknown.join(", ")} (known: ${adapterNames.join(", ")})`)
  const chosen = adapterNames.filter((n) => names.includes(n))
  if (env["CI"] !== undefined && chosen.length < adapterNames.length) {
    throw new Error(`FAYUAN_ADAPTERS=${raw} narrows the run, but CI runs every adapter: unset it`)
  }
  return chosen
}

/** Whether the tests run on `name` in this run. */
export const adapterEnabled = (name: AdapterName): boolean => selectedAdapters().includes(name)
