/**
 * Serving `FayuanApi` on Node: the layer (for hosts that compose their own Effect server), and
 * `serve` (a running server with `close`, which stops taking connections and drains the requests
 * in flight). Every response is logged as one line — method, route, status, milliseconds — and
 * never with a body, a query or a header value.
 *
 * @since 0.2.0
 */
import { createServer } from "node:http"
import { NodeHttpServer } from "@effect/platform-node"
import { Cause, Context, Effect, Exit, Layer, Scope } from "effect"
import { HttpRouter, HttpServer, HttpServerRequest, HttpServerResponse } from "effect/http"
import { HttpApiBuilder, HttpApiError } from "effect/http-api"
import type { Opened } from "../kysely/open.ts"
import { FayuanApi } from "./api.ts"
import { problemResponse } from "./answers.ts"
import { handlersLayer, type ServiceOptions, type Stores } from "./handlers.ts"

/**
 * One line of the access log. `route` is the route's template (`/cases/:id/commands`), never the
 * path as asked (ids and unknown paths could carry anything), `(unmatched)` for no route.
 *
 * @category models
 */
export interface AccessLogLine {
  readonly method: string
  readonly route: string
  readonly status: number
  readonly ms: number
}

/**
 * Options of the HTTP layer: the service's, where access-log lines go (nowhere by default), and
 * where a server fault is reported (its stack, never the request's data; stderr by default).
 *
 * @category models
 */
export interface HttpOptions extends ServiceOptions {
  readonly accessLog?: (line: AccessLogLine) => void
  readonly onDefect?: (report: string) => void
  /** While true, new requests get a 503 and every answer closes its connection (set by `serve` on close). */
  readonly draining?: () => boolean
  /**
   * The origins of the pages that may call the service from a browser (CORS), e.g. the portal's
   * `https://portal.example.gov.cn`; none by default (only same-origin and non-browser callers).
   */
  readonly corsOrigins?: ReadonlyArray<string>
}

const routeNotFound = (error: unknown): boolean => {
  const reason = (error as { reason?: { _tag?: string } } | undefined)?.reason
  return (error as { _tag?: string } | undefined)?._tag === "HttpServerError" && reason?._tag === "RouteNotFound"
}

/** The literal segments of the API's routes, from the API itself: any other segment is a parameter. */
const literals: ReadonlySet<string> = new Set([
  "openapi.json",
  ...Object.values(FayuanApi.groups).flatMap((group) =>
    Object.values(group.endpoints).flatMap((endpoint) => String(endpoint.path).split("/").filter((x: string) => x !== "" && !x.startsWith(":")))
  )
])

/** The route template of a path, for the log: `/cases/:id/commands`, or `(unmatched)`. */
export const routeOf = (url: string): string => {
  const q = url.indexOf("?")
  const segments = (q < 0 ? url : url.slice(0, q)).split("/").filter((x) => x !== "")
  if (segments.length === 0 || !literals.has(segments[0]!)) return "(unmatched)"
  return "/" + segments.map((x) => (literals.has(x) ? x : ":id")).join("/")
}

const kindPath: Readonly<Record<string, string>> = { Params: "path", Headers: "headers", Query: "query", Payload: "body", Body: "body" }

/**
 * Every request ends in an answer the service chose: a request the router's own decoding refuses
 * (a query parameter given twice) is a 422 problem, a fault a 500 problem (reported without the
 * request's data), and while draining a new request is a 503 and every answer closes its
 * connection.
 */
const guard = (options: HttpOptions) =>
  HttpRouter.middleware(
    (app) =>
      Effect.gen(function* () {
        const draining = options.draining?.() === true
        if (draining) return close(problemResponse({ _tag: "ShuttingDown", message: "the service is shutting down: retry on another instance" }))
        const response = yield* app.pipe(
          Effect.catchCause((cause) => {
            if (Cause.hasInterruptsOnly(cause)) return Effect.failCause(cause)
            const failure = Cause.squash(cause)
            if (HttpApiError.HttpApiSchemaError.is(failure)) {
              const where = kindPath[failure.kind] ?? "request"
              return Effect.succeed(problemResponse({ _tag: "InvalidRequest", message: `the ${where} is not of the documented form`, issues: [{ path: where, reason: "is not of the documented form (a parameter given twice?)" }] }))
            }
            if (routeNotFound(failure)) return Effect.succeed(problemResponse({ _tag: "NotFound", message: "no such route" }))
            ;(options.onDefect ?? ((r: string) => process.stderr.write(`${r}\n`)))(`fayuan http: a request failed inside the server: ${failure instanceof Error ? failure.stack ?? failure.name : typeof failure}`)
            return Effect.succeed(problemResponse({ _tag: "InternalError" }))
          })
        )
        return options.draining?.() === true ? close(response) : response
      }),
    { global: true }
  )

/** The methods of each route, by template (`/cases/:id`), from the API itself. */
const methodsByRoute: ReadonlyMap<string, ReadonlyArray<string>> = (() => {
  const out = new Map<string, Array<string>>()
  for (const group of Object.values(FayuanApi.groups)) {
    for (const endpoint of Object.values(group.endpoints)) {
      const route = routeOf(endpoint.path.replace(/:[A-Za-z]+/g, "x"))
      out.set(route, [...(out.get(route) ?? []), endpoint.method])
    }
  }
  return out
})()

/** A request no route takes: a 405 naming the methods when the path is a route's, else a 404. */
const unrouted = (method: string, url: string): HttpServerResponse.HttpServerResponse => {
  const allowed = methodsByRoute.get(routeOf(url))
  if (allowed === undefined) return problemResponse({ _tag: "NotFound", message: "no such route: see /openapi.json" })
  return problemResponse({ _tag: "MethodNotAllowed", message: `${method.slice(0, 10)} is not a method of this route: ${allowed.join(", ")}` }, { allow: allowed.join(", ") })
}

const close = (response: HttpServerResponse.HttpServerResponse) => HttpServerResponse.setHeader(response, "connection", "close")

/**
 * The API's routes as a Layer over the stores (the layer of an opened adapter), without a server:
 * for `HttpRouter.toWebHandler` (a fetch handler, for a host that is a worker or a framework of
 * its own) or `HttpRouter.serve`. `GET /openapi.json` serves the OpenAPI 3.1 document.
 *
 * @example
 * import { HttpRouter } from "effect/http"
 * import { layer } from "fayuan/adapters/memory"
 * import { routesLayer } from "fayuan/adapters/http"
 * const key = new TextEncoder().encode("a secret of at least thirty-two bytes!!")
 * const { handler, dispose } = HttpRouter.toWebHandler(routesLayer(layer(), { verification: { key, issuer: "https://portal.example" } }), { disableLogger: true })
 * const health = await handler(new Request("http://localhost/health")) // 200 {"status":"ok"}
 * await dispose()
 *
 * @category layers
 */
export const routesLayer = (stores: Layer.Layer<Stores>, options: HttpOptions) =>
  Layer.mergeAll(
    HttpApiBuilder.layer(FayuanApi, { openapiPath: "/openapi.json" }).pipe(Layer.provide(handlersLayer(options)), Layer.provide(stores)),
    // Any other route: a problem, not the router's empty 404.
    HttpRouter.add("*", "/*", (request) => Effect.succeed(unrouted(request.method, request.url)))
  ).pipe(
    Layer.provide(guard(options)),
    Layer.provide(
      options.corsOrigins === undefined || options.corsOrigins.length === 0
        ? Layer.empty
        : HttpRouter.cors({
            allowedOrigins: options.corsOrigins,
            allowedHeaders: ["authorization", "content-type", "if-match"],
            exposedHeaders: ["etag", "location"],
            maxAge: 600
          })
    ),
    // What serving files and ETags needs (the OpenAPI route), from Node.
    Layer.provide(NodeHttpServer.layerHttpServices)
  )

/**
 * The API served (`HttpRouter.serve` of {@link routesLayer}), with the access log: a Layer that
 * needs an `HttpServer` (`NodeHttpServer.layer`).
 *
 * @category layers
 */
export const httpLayer = (stores: Layer.Layer<Stores>, options: HttpOptions) =>
  HttpRouter.serve(
    routesLayer(stores, options),
    {
      disableListenLog: true,
      disableLogger: true,
      middleware: (app) =>
        Effect.gen(function* () {
          const request = yield* HttpServerRequest.HttpServerRequest
          const started = performance.now()
          const exit = yield* Effect.exit(app)
          const status = Exit.isSuccess(exit) ? exit.value.status : 500
          options.accessLog?.({ method: request.method, route: routeOf(request.url), status, ms: Math.round((performance.now() - started) * 10) / 10 })
          return yield* exit
        })
    }
  )

/**
 * A running server.
 *
 * @category models
 */
export interface Server {
  /** `http://host:port`. */
  readonly url: string
  readonly port: number
  /** Stops taking connections, lets the requests in flight finish (up to `drainMs`), and resolves. */
  readonly close: () => Promise<void>
}

/**
 * Serves the API over an opened adapter on `host:port` (127.0.0.1 and a free port by default).
 *
 * @example
 * import { SignJWT } from "jose"
 * import { openSqlite } from "fayuan/adapters/sqlite"
 * import { serve } from "fayuan/adapters/http"
 * const key = new TextEncoder().encode(process.env["FAYUAN_JWT_SECRET"] ?? "a secret of at least thirty-two bytes!!")
 * const adapter = await openSqlite({ path: ":memory:" })
 * const server = await serve(adapter, { port: 0, verification: { key, issuer: "https://portal.example" } })
 * const token = await new SignJWT({ role: "intake", region: "530103" }).setProtectedHeader({ alg: "HS256" })
 *   .setSubject("clerk-1").setIssuer("https://portal.example").setExpirationTime("5m").sign(key)
 * const health = await fetch(`${server.url}/health`, { headers: { authorization: `Bearer ${token}` } })
 * await server.close()
 * await adapter.close()
 *
 * @category serving
 */
export const serve = async (
  adapter: Pick<Opened, "layer">,
  options: HttpOptions & {
    readonly port?: number
    readonly host?: string
    /** How long `close` waits for the requests in flight (20 s by default). */
    readonly drainMs?: number
    /**
     * How long `close` keeps the port open first, answering every new request (the health check
     * too) 503, so a load balancer sees the instance leave before its port closes (0 by default).
     */
    readonly lingerMs?: number
  }
): Promise<Server> => {
  const host = options.host ?? "127.0.0.1"
  const scope = Scope.makeUnsafe()
  const node = createServer()
  let draining = false
  const live = httpLayer(adapter.layer, { ...options, draining: () => draining }).pipe(
    Layer.provideMerge(NodeHttpServer.layer(() => node, { port: options.port ?? 0, host, gracefulShutdownTimeout: `${options.drainMs ?? 20_000} millis` }))
  )
  const context = await Effect.runPromise(Layer.buildWithScope(live, scope))
  const address = Context.get(context, HttpServer.HttpServer).address
  const port = "port" in address ? address.port : 0
  let closing: Promise<void> | undefined
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    close: () =>
      (closing ??= (() => {
        draining = true
        // Idle keep-alive connections go now; busy ones close after their answer (Connection: close).
        node.closeIdleConnections()
        const linger = options.lingerMs ?? 0
        return (linger > 0 ? new Promise<void>((resolve) => setTimeout(resolve, linger)) : Promise.resolve()).then(() => {
          node.closeIdleConnections()
          return Effect.runPromise(Scope.close(scope, Exit.void))
        })
      })())
  }
}
