/**
 * `fayuan serve`: the HTTP service on a SQLite file (the embedded default), a PostgreSQL URL or a
 * MySQL-family URL. Verifies bearer tokens with the issuer given and either a JWKS URL, a public
 * key file (PEM, SPKI) or an HMAC secret from the environment (`FAYUAN_JWT_SECRET`, never a flag:
 * flags show in the process list). Logs one JSON line per response to stderr; on SIGTERM or SIGINT
 * it stops taking connections, drains the requests in flight, closes the store and exits 0.
 *
 * @since 0.2.0
 */
import { createPublicKey } from "node:crypto"
import { readFileSync } from "node:fs"
import { parseArgs } from "node:util"
import type { Opened } from "../kysely/open.ts"
import type { TokenVerification } from "./auth.ts"

/** The usage text of `fayuan serve`. */
export const serveUsage = `usage: fayuan serve --db <file.sqlite | postgres://… | mysql://…> --issuer <iss> [options]

Serves the library over HTTP (OpenAPI 3.1 at /openapi.json).
  --db <target>        a SQLite file (created if missing), or a PostgreSQL or MySQL URL
  --port <n>           the port (default 8080; 0 picks a free one)
  --host <addr>        the address to listen on (default 127.0.0.1)
  --issuer <iss>       the JWT issuer the host signs tokens as (required)
  --audience <aud>     the audience tokens must name
  --jwks <url>         verify tokens with this JSON Web Key Set, or
  --public-key <file>  with this PEM public key, or (without either)
                       with the HMAC secret in the environment variable FAYUAN_JWT_SECRET
  --drain-ms <n>       how long SIGTERM waits for requests in flight (default 20000)
  --linger-ms <n>      how long SIGTERM first keeps the port open, answering 503 (health
                       too) so a load balancer sees the instance go (default 0)
  --documents <file>   JSON: what documents need that only the centre knows
                       ({ "centre": { "name", "shortName" }, "bureau": { "name" }, … })
  --cors-origin <url>  a page origin that may call the service from a browser (repeatable)
Personal data at rest is sealed with FAYUAN_PARTY_KEY (32 bytes, base64) when it is set.`

const fail = (message: string): never => {
  throw new UsageError(message)
}

/** A usage error: the message, then the usage. */
export class UsageError extends Error {}

const verificationOf = async (values: Record<string, string | boolean | ReadonlyArray<string> | undefined>): Promise<TokenVerification> => {
  const issuer = typeof values["issuer"] === "string" ? values["issuer"] : fail("--issuer is required")
  const audience = typeof values["audience"] === "string" ? { audience: values["audience"] } : {}
  if (typeof values["jwks"] === "string") {
    const { createRemoteJWKSet } = await import("jose")
    let url: URL
    try {
      url = new URL(values["jwks"])
    } catch {
      return fail("--jwks: expected the URL of a JSON Web Key Set")
    }
    return { key: createRemoteJWKSet(url), issuer, ...audience }
  }
  if (typeof values["public-key"] === "string") {
    let pem: string
    try {
      pem = readFileSync(values["public-key"], "utf8")
    } catch {
      return fail(`--public-key: ${values["public-key"]} cannot be read`)
    }
    try {
      return { key: createPublicKey(pem), issuer, ...audience }
    } catch {
      return fail(`--public-key: ${values["public-key"]} is not a PEM public key`)
    }
  }
  const secret = process.env["FAYUAN_JWT_SECRET"]
  if (secret === undefined || Buffer.byteLength(secret) < 32) return fail("give --jwks or --public-key, or set FAYUAN_JWT_SECRET (at least 32 bytes) for HS256 tokens")
  return { key: new TextEncoder().encode(secret), issuer, ...audience, algorithms: ["HS256", "HS384", "HS512"] }
}

const documentsOf = (file: string): Readonly<Record<string, unknown>> => {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"))
  } catch {
    return fail(`--documents: ${file} cannot be read as JSON`)
  }
  return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : fail(`--documents: ${file} is not a JSON object`)
}

const open = async (target: string): Promise<Opened> => {
  const key = process.env["FAYUAN_PARTY_KEY"]
  const parties = key === undefined ? {} : { parties: { keys: { current: { id: "env", key: Buffer.from(key, "base64") } } } }
  if (/^postgres(ql)?:\/\//.test(target)) {
    const { openPostgres } = await import("../postgres/index.ts")
    return openPostgres({ connectionString: target, ...parties })
  }
  if (/^mysql:\/\//.test(target)) {
    const { openMysql } = await import("../mysql/index.ts")
    return openMysql({ uri: target, ...parties })
  }
  const { openSqlite } = await import("../sqlite/index.ts")
  return openSqlite({ path: target, ...parties })
}

/**
 * Runs `fayuan serve` with its arguments; resolves when the server has stopped (with the exit
 * status), or rejects with a `UsageError`.
 *
 * @category cli
 */
export const serveCommand = async (args: ReadonlyArray<string>): Promise<number> => {
  let values: Record<string, string | boolean | ReadonlyArray<string> | undefined>
  try {
    values = parseArgs({
      args: [...args],
      options: {
        db: { type: "string" },
        port: { type: "string" },
        host: { type: "string" },
        issuer: { type: "string" },
        audience: { type: "string" },
        jwks: { type: "string" },
        "public-key": { type: "string" },
        "drain-ms": { type: "string" },
        "linger-ms": { type: "string" },
        documents: { type: "string" },
        "cors-origin": { type: "string", multiple: true }
      }
    }).values
  } catch (error) {
    return fail((error as Error).message)
  }
  const db = typeof values["db"] === "string" ? values["db"] : fail("--db is required")
  const port = values["port"] === undefined ? 8080 : Number(values["port"])
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail("--port: expected a port number, 0–65535")
  const drainMs = values["drain-ms"] === undefined ? 20_000 : Number(values["drain-ms"])
  if (!Number.isInteger(drainMs) || drainMs < 0) fail("--drain-ms: expected milliseconds")
  const lingerMs = values["linger-ms"] === undefined ? 0 : Number(values["linger-ms"])
  if (!Number.isInteger(lingerMs) || lingerMs < 0) fail("--linger-ms: expected milliseconds")
  const verification = await verificationOf(values)
  const documents = typeof values["documents"] === "string" ? documentsOf(values["documents"]) : undefined
  const { serve } = await import("./serve.ts")
  const adapter = await open(db)
  let server: Awaited<ReturnType<typeof serve>>
  try {
    server = await serve(adapter, {
      port,
      host: typeof values["host"] === "string" ? values["host"] : "127.0.0.1",
      drainMs,
      lingerMs,
      verification,
      ...(documents === undefined ? {} : { documents }),
      ...(Array.isArray(values["cors-origin"]) ? { corsOrigins: values["cors-origin"] as ReadonlyArray<string> } : {}),
      accessLog: (line) => process.stderr.write(`${JSON.stringify(line)}\n`)
    })
  } catch (error) {
    await adapter.close()
    const code = (error as { cause?: { code?: unknown } }).cause?.code
    process.stderr.write(`fayuan serve: cannot listen on ${typeof values["host"] === "string" ? values["host"] : "127.0.0.1"}:${port}${typeof code === "string" ? ` (${code})` : ""}\n`)
    return 1
  }
  process.stdout.write(`fayuan: serving ${adapter.name} on ${server.url} (OpenAPI at ${server.url}/openapi.json)\n`)
  if (verification.audience === undefined) {
    process.stderr.write("fayuan: no --audience: any token the issuer signs, for whatever service, is accepted; name this service's audience\n")
  }
  return new Promise<number>((resolve) => {
    let stopping = false
    const stop = (signal: string) => {
      // A second signal while draining: stop now, and say the drain was cut short.
      if (stopping) {
        process.stdout.write(`fayuan: ${signal} again: exiting without waiting\n`)
        process.exit(1)
      }
      stopping = true
      process.stdout.write(`fayuan: ${signal}: draining requests in flight\n`)
      server
        .close()
        .then(() => adapter.close())
        .then(
          () => resolve(0),
          () => resolve(1)
        )
    }
    process.on("SIGTERM", () => stop("SIGTERM"))
    process.on("SIGINT", () => stop("SIGINT"))
  })
}
