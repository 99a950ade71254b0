/**
 * The case machine as data: for each command, who may send it, whether a lawyer must be the one
 * assigned, and the edges it may take. `transition` runs from this table, and {@link toMermaid}
 * draws the diagram from the same table, so the picture cannot drift from the code.
 *
 * @since 0.1.0
 */
import type { CommandType } from "./Command.ts"
import type { Role, State } from "./vocabulary.ts"
import { states, terminalStates } from "./vocabulary.ts"

/**
 * An edge: from a state (or `start` for the commands that open a case) to a state, with the
 * branch that takes it when a command has several outcomes.
 *
 * @category models
 */
export interface Edge {
  readonly from: State | "start"
  readonly to: State
  readonly branch?: string
}

/**
 * One command's row of the machine.
 *
 * @category models
 */
export interface CommandSpec {
  readonly command: CommandType
  readonly roles: ReadonlyArray<Role>
  /** Only the lawyer assigned to the case may send it. */
  readonly ownCase: boolean
  readonly edges: ReadonlyArray<Edge>
}

const loop = (...ss: ReadonlyArray<State>): ReadonlyArray<Edge> => ss.map((s) => ({ from: s, to: s }))
const into = (to: State, ...from: ReadonlyArray<State | "start">): ReadonlyArray<Edge> => from.map((f) => ({ from: f, to }))
const branch = (name: string, edges: ReadonlyArray<Edge>): ReadonlyArray<Edge> => edges.map((e) => ({ ...e, branch: name }))

const open: ReadonlyArray<State> = ["granted", "assigned", "in-progress"]

/**
 * The machine.
 *
 * @category machine
 */
export const machine: ReadonlyArray<CommandSpec> = [
  { command: "apply", roles: ["intake"], ownCase: false, edges: into("received", "start") },
  { command: "notify", roles: ["intake"], ownCase: false, edges: into("granted", "start") },
  { command: "assess", roles: ["intake", "reviewer"], ownCase: false, edges: loop("received", "awaiting-materials", "under-review") },
  { command: "requestMaterials", roles: ["intake", "reviewer"], ownCase: false, edges: into("awaiting-materials", "received", "under-review") },
  { command: "supplyMaterials", roles: ["intake"], ownCase: false, edges: into("under-review", "awaiting-materials") },
  { command: "startReview", roles: ["intake", "reviewer"], ownCase: false, edges: into("under-review", "received") },
  { command: "withdraw", roles: ["intake"], ownCase: false, edges: into("withdrawn", "received", "awaiting-materials", "under-review") },
  {
    command: "decide",
    roles: ["reviewer"],
    ownCase: false,
    edges: [...branch("grant", into("granted", "received", "under-review")), ...branch("refuse", into("refused", "received", "under-review"))]
  },
  { command: "objectToRefusal", roles: ["intake"], ownCase: false, edges: into("refusal-objection", "refused") },
  {
    command: "decideObjection",
    roles: ["bureau"],
    ownCase: false,
    edges: [...branch("upheld", into("granted", "refusal-objection")), ...branch("rejected", into("refusal-final", "refusal-objection"))]
  },
  { command: "finaliseRefusal", roles: ["reviewer"], ownCase: false, edges: into("refusal-final", "refused") },
  { command: "preGrant", roles: ["reviewer"], ownCase: false, edges: into("granted", "received", "awaiting-materials", "under-review") },
  {
    command: "completeFormalities",
    roles: ["reviewer"],
    ownCase: false,
    edges: [...branch("confirmed", loop(...open)), ...branch("not-eligible", into("terminated", ...open))]
  },
  { command: "assign", roles: ["dispatcher"], ownCase: false, edges: into("assigned", "granted") },
  { command: "reassign", roles: ["dispatcher"], ownCase: false, edges: loop("assigned", "in-progress") },
  { command: "startHandling", roles: ["lawyer"], ownCase: true, edges: into("in-progress", "assigned") },
  { command: "reportTerminationGround", roles: ["lawyer"], ownCase: true, edges: loop("assigned", "in-progress") },
  { command: "terminate", roles: ["reviewer"], ownCase: false, edges: into("terminated", ...open) },
  { command: "objectToTermination", roles: ["intake"], ownCase: false, edges: into("termination-objection", "terminated") },
  {
    command: "decideTerminationObjection",
    roles: ["bureau"],
    ownCase: false,
    edges: [...branch("upheld", into("granted", "termination-objection")), ...branch("upheld", into("assigned", "termination-objection")), ...branch("upheld", into("in-progress", "termination-objection")), ...branch("rejected", into("terminated", "termination-objection"))]
  },
  { command: "recordOutcome", roles: ["lawyer"], ownCase: true, edges: loop("in-progress") },
  { command: "conclude", roles: ["lawyer"], ownCase: true, edges: into("concluded", "in-progress") },
  { command: "grade", roles: ["quality"], ownCase: false, edges: into("quality-assessed", "concluded") },
  { command: "archive", roles: ["intake"], ownCase: false, edges: into("archived", "quality-assessed", "terminated") }
]

/**
 * A command's row with the lookups `transition` needs, computed once.
 *
 * @category machine
 */
export interface CompiledSpec extends CommandSpec {
  /** The command opens a case. */
  readonly opens: boolean
  /** The states it may be sent in. */
  readonly from: ReadonlySet<State | "start">
}

const compiled: ReadonlyMap<CommandType, CompiledSpec> = new Map(
  machine.map((s) => [s.command, { ...s, opens: s.edges.some((e) => e.from === "start"), from: new Set(s.edges.map((e) => e.from)) }])
)

/**
 * The row of a command.
 *
 * @category machine
 */
export const specOf = (command: CommandType): CompiledSpec => compiled.get(command)!

/**
 * `true` when the machine has an edge from `from` to `to` for `command`.
 *
 * @category machine
 */
export const hasEdge = (command: CommandType, from: State | "start", to: State): boolean =>
  specOf(command).edges.some((e) => e.from === from && e.to === to)

/**
 * The states reachable from `from` by the machine's edges (including itself).
 *
 * @category machine
 */
export const reachableFrom = (from: State): ReadonlySet<State> => {
  const seen = new Set<State>([from])
  const queue: Array<State> = [from]
  while (queue.length > 0) {
    const s = queue.shift()!
    for (const spec of machine) {
      for (const e of spec.edges) {
        if (e.from === s && !seen.has(e.to)) {
          seen.add(e.to)
          queue.push(e.to)
        }
      }
    }
  }
  return seen
}

/**
 * A Mermaid `stateDiagram-v2` of the machine, edges labelled with their commands (and branch).
 *
 * @example
 * import { toMermaid } from "fayuan/lifecycle"
 * console.log(toMermaid())
 *
 * @category machine
 */
export const toMermaid = (): string => {
  const id = (s: State | "start"): string => (s === "start" ? "[*]" : s.replaceAll("-", "_"))
  const lines = ["stateDiagram-v2", ...states.filter((s) => s.includes("-")).map((s) => `  state "${s}" as ${id(s)}`)]
  const labels = new Map<string, Array<string>>()
  for (const spec of machine) {
    for (const e of spec.edges) {
      if (e.from === e.to) continue
      const key = `${id(e.from)} --> ${id(e.to)}`
      const label = e.branch === undefined ? spec.command : `${spec.command} (${e.branch})`
      const list = labels.get(key)
      if (list === undefined) labels.set(key, [label])
      else if (!list.includes(label)) list.push(label)
    }
  }
  for (const [edge, ls] of labels) lines.push(`  ${edge} : ${ls.join(", ")}`)
  for (const s of terminalStates) lines.push(`  ${id(s)} --> [*]`)
  const loops = machine.flatMap((spec) => spec.edges.filter((e) => e.from === e.to).map((e) => `${e.from}: ${spec.command}`))
  const byState = new Map<string, Array<string>>()
  for (const l of loops) {
    const [s, c] = l.split(": ") as [string, string]
    byState.set(s, [...(byState.get(s) ?? []), c])
  }
  for (const s of states) {
    const cs = byState.get(s)
    if (cs !== undefined) lines.push(`  note right of ${id(s)} : also ${[...new Set(cs)].join(", ")}`)
  }
  return lines.join("\n")
}
