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
import { HttpRouter, HttpServer, HttpServerRequest } from "effect/http"
import { HttpApiBuilder } from "effect/http-api"
import type { Opened } from "../kysely/open.ts"
import { FayuanApi } from "./api.ts"
import { handlersLayer, problemResponse, type ServiceOptions, type Stores } from "./handlers.ts"

/**
 * One line of the access log. `path` is the route's path as asked, without its query.
 *
 * @category models
 */
export interface AccessLogLine {
  readonly method: string
  readonly path: string
  readonly status: number
  readonly ms: number
}

/**
 * Options of the HTTP layer: the service's, and where access-log lines go (nowhere by default).
 *
 * @category models
 */
export interface HttpOptions extends ServiceOptions {
  readonly accessLog?: (line: AccessLogLine) => void
}

const routeNotFound = (error: unknown): boolean => {
  const reason = (error as { reason?: { _tag?: string } } | undefined)?.reason
  return (error as { _tag?: string } | undefined)?._tag === "HttpServerError" && reason?._tag === "RouteNotFound"
}

/**
 * The API as a Layer over the stores (the layer of an opened adapter), to serve with any
 * `HttpServer` (`NodeHttpServer.layer`, or `HttpRouter.toWebHandler` for a fetch handler).
 * `GET /openapi.json` serves the OpenAPI 3.1 document.
 *
 * @category layers
 */
export const httpLayer = (stores: Layer.Layer<Stores>, options: HttpOptions) =>
  HttpRouter.serve(
    Layer.mergeAll(
      HttpApiBuilder.layer(FayuanApi, { openapiPath: "/openapi.json" }).pipe(Layer.provide(handlersLayer(options)), Layer.provide(stores)),
      // Any other route: a problem, not the router's empty 404.
      HttpRouter.add("*", "/*", (request) => Effect.succeed(notFound(request)))
    ),
    {
    disableListenLog: true,
    disableLogger: true,
    middleware: (app) =>
      Effect.gen(function* () {
        const request = yield* HttpServerRequest.HttpServerRequest
        const started = performance.now()
        const response = yield* app.pipe(
          Effect.catchCause((cause) => {
            const failure = Cause.squash(cause)
            if (routeNotFound(failure)) return Effect.succeed(notFound(request))
            return Effect.succeed(problemResponse({ _tag: "InternalError" }))
          })
        )
        options.accessLog?.({ method: request.method, path: pathOf(request.url), status: response.status, ms: Math.round((performance.now() - started) * 10) / 10 })
        return response
      })
  })

const notFound = (request: HttpServerRequest.HttpServerRequest) => problemResponse({ _tag: "NotFound", message: `no route ${request.method} ${pathOf(request.url)}` })

const pathOf = (url: string): string => {
  const q = url.indexOf("?")
  return q < 0 ? url : url.slice(0, q)
}

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
  options: HttpOptions & { readonly port?: number; readonly host?: string; readonly drainMs?: number }
): Promise<Server> => {
  const host = options.host ?? "127.0.0.1"
  const scope = Scope.makeUnsafe()
  const live = httpLayer(adapter.layer, options).pipe(
    Layer.provideMerge(NodeHttpServer.layer(createServer, { port: options.port ?? 0, host, gracefulShutdownTimeout: `${options.drainMs ?? 20_000} millis` }))
  )
  const context = await Effect.runPromise(Layer.buildWithScope(live, scope))
  const address = Context.get(context, HttpServer.HttpServer).address
  const port = "port" in address ? address.port : 0
  let closing: Promise<void> | undefined
  return {
    url: `http://${host}:${port}`,
    port,
    close: () => (closing ??= Effect.runPromise(Scope.close(scope, Exit.void)))
  }
}
