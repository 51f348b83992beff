package dev.x12gw.gateway;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control room's HTTP server: Camel's Vert.x platform-http server on {@code control-room.host}
 * and {@code control-room.port}, serving the REST routes of {@code routes/control-room.camel.yaml},
 * the dashboard ({@code src/main/resources/dashboard/}) at {@code /} and the WebJars it uses. The
 * dashboard shows patient-level data: on a loopback address it needs no login; on any other address
 * it requires HTTP Basic credentials ({@code CONTROL_ROOM_USER}, {@code CONTROL_ROOM_PASSWORD}) or
 * a bearer token ({@code CONTROL_ROOM_TOKEN}) from the environment, and refuses to start without
 * them.
 */
public final class ControlRoomServer extends ServiceSupport implements CamelContextAware {
  private static final Logger LOG = LoggerFactory.getLogger(ControlRoomServer.class);
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "json", "application/json",
          "yaml", "application/yaml; charset=utf-8",
          "map", "application/json");

  private final String host;
  private int port;
  private final String user;
  private final String password;
  private final String token;
  private CamelContext camelContext;
  private VertxPlatformHttpServer server;

  /**
   * @param host the address to listen on
   * @param port the port (0: any free one)
   * @param user login user, empty for none
   * @param password login password
   * @param token bearer token, empty for none
   */
  public ControlRoomServer(String host, int port, String user, String password, String token) {
    this.host = host;
    this.port = port;
    this.user = user == null ? "" : user;
    this.password = password == null ? "" : password;
    this.token = token == null ? "" : token;
    if (!loopback(host)
        && this.token.isEmpty()
        && (this.user.isEmpty() || this.password.isEmpty())) {
      throw new IllegalStateException(
          "control-room.host "
              + host
              + " is not a loopback address and the dashboard shows patient-level data: set"
              + " CONTROL_ROOM_USER and CONTROL_ROOM_PASSWORD, or CONTROL_ROOM_TOKEN, in the"
              + " environment (or listen on 127.0.0.1)");
    }
    if (this.user.isEmpty() != this.password.isEmpty()) {
      throw new IllegalStateException(
          "CONTROL_ROOM_USER and CONTROL_ROOM_PASSWORD go together: set both or neither");
    }
  }

  @Override
  public CamelContext getCamelContext() {
    return camelContext;
  }

  @Override
  public void setCamelContext(CamelContext camelContext) {
    this.camelContext = camelContext;
  }

  /** The port listened on (the one chosen when {@code control-room.port} is 0). */
  public int port() {
    return port;
  }

  @Override
  protected void doStart() throws Exception {
    if (port == 0) {
      // Camel's platform-http consumers find their router by the configured port, and read 0 as
      // the default 8080: a free port is chosen here instead
      try (java.net.ServerSocket free =
          new java.net.ServerSocket(0, 1, InetAddress.getByName(host))) {
        port = free.getLocalPort();
      }
    }
    VertxPlatformHttpServerConfiguration conf = new VertxPlatformHttpServerConfiguration();
    conf.setBindHost(host);
    conf.setBindPort(port);
    conf.setPath("/");
    // the platform-http engine finds the port its consumers attach to from this configuration
    camelContext.getRegistry().bind("controlRoomHttpServerConfiguration", conf);
    server = new VertxPlatformHttpServer(conf);
    server.setCamelContext(camelContext);
    camelContext.addService(server, true, true);
    Router router =
        VertxPlatformHttpRouter.lookup(
            camelContext, VertxPlatformHttpRouter.getRouterNameFromPort(port));
    if (router == null) {
      throw new IllegalStateException("the platform-http router did not start");
    }
    boolean login = !token.isEmpty() || !user.isEmpty();
    if (login) {
      router.route().order(-1000).handler(this::authenticate);
    }
    router
        .get("/webjars/*")
        .handler(ctx -> resource(ctx, "META-INF/resources/webjars/", "/webjars/"));
    router.get("/*").handler(ctx -> resource(ctx, "dashboard/", "/"));
    LOG.info(
        "Control room on http://{}:{}/ ({}; REST API under /api/v1, OpenAPI at /openapi.yaml)",
        host,
        port(),
        login ? "login required" : "loopback, no login");
  }

  @Override
  protected void doStop() throws Exception {
    // the platform-http server is a service of the Camel context, stopped with it
  }

  private void authenticate(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header != null) {
      if (!token.isEmpty()
          && header.startsWith("Bearer ")
          && same(header.substring(7).strip(), token)) {
        ctx.next();
        return;
      }
      if (!user.isEmpty() && header.startsWith("Basic ")) {
        String pair;
        try {
          pair =
              new String(
                  Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          pair = "";
        }
        if (same(pair, user + ":" + password)) {
          ctx.next();
          return;
        }
      }
    }
    ctx.response()
        .setStatusCode(401)
        .putHeader("WWW-Authenticate", "Basic realm=\"x12 control room\", charset=\"UTF-8\"")
        .putHeader("Content-Type", "application/json")
        .end("{\"error\":\"login required\"}");
  }

  private static boolean same(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /** A file of the classpath folder {@code base} for the request's path below {@code mount}. */
  private static void resource(RoutingContext ctx, String base, String mount) {
    String path = ctx.normalizedPath();
    String rest = path.length() > mount.length() ? path.substring(mount.length()) : "";
    if (rest.isEmpty()) {
      rest = "index.html";
    }
    if (rest.contains("..") || rest.contains("\\") || rest.startsWith("/")) {
      ctx.next();
      return;
    }
    int dot = rest.lastIndexOf('.');
    String type = dot < 0 ? null : TYPES.get(rest.substring(dot + 1));
    if (type == null) {
      ctx.next();
      return;
    }
    try (InputStream in =
        ControlRoomServer.class.getClassLoader().getResourceAsStream(base + rest)) {
      if (in == null) {
        ctx.next();
        return;
      }
      byte[] bytes = in.readAllBytes();
      ctx.response()
          .putHeader("Content-Type", type)
          .putHeader("Cache-Control", base.startsWith("META-INF") ? "max-age=86400" : "no-cache")
          .putHeader("X-Content-Type-Options", "nosniff")
          .end(Buffer.buffer(bytes));
    } catch (IOException e) {
      ctx.fail(e);
    }
  }

  /** True for 127.0.0.0/8, ::1 and names that resolve only to them (localhost). */
  static boolean loopback(String host) {
    try {
      for (InetAddress a : InetAddress.getAllByName(host)) {
        if (!a.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
