package io.playbooks.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.webjars.WebJarVersionLocator;

import java.util.Optional;
import java.util.Set;

/**
 * Serves the dashboard on the port of the API: {@code /} and {@code /ui/*} from {@code dashboard/} on the class path,
 * {@code /webjars/NAME/*} from the WebJars it uses (without their version in the URL), Swagger UI at
 * {@code /api/docs}, and the {@link SecurityHeaders} on every response of the server. The files hold no data, so
 * they need no token; the data comes from the API, which does.
 */
public final class WebUi implements ExtendedStartupListener {

    private static final String UI_PREFIX = "/ui/";
    private static final String WEBJARS_PREFIX = "/webjars/";
    /** Only the libraries the pages load are served, not every jar that happens to be a WebJar. */
    private static final Set<String> WEBJARS = Set.of("echarts", "swagger-ui");

    private final ClasspathFiles dashboard;
    private final ClasspathFiles webjars;
    private final WebJarVersionLocator versions = new WebJarVersionLocator();

    public WebUi() {
        ClassLoader loader = WebUi.class.getClassLoader();
        this.dashboard = new ClasspathFiles(loader, "dashboard");
        this.webjars = new ClasspathFiles(loader, WebJarVersionLocator.WEBJARS_PATH_PREFIX);
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // the HTTP server is up only once the whole context is
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        VertxPlatformHttpRouter router = context.getRegistry().findByType(VertxPlatformHttpRouter.class).stream()
                .filter(VertxPlatformHttpRouter::isMainServer)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the dashboard needs the HTTP server: set camel.server.enabled=true"));
        mount(router);
    }

    void mount(Router router) {
        router.route().order(Integer.MIN_VALUE).handler(new SecurityHeaders());
        router.get("/").blockingHandler(context -> send(context, dashboard.read("index.html")), false);
        router.get("/api/docs").blockingHandler(context -> send(context, dashboard.read("api-docs.html")), false);
        router.get(UI_PREFIX + "*").blockingHandler(context -> send(context, dashboard.read(below(context, UI_PREFIX))), false);
        router.get(WEBJARS_PREFIX + "*").blockingHandler(context -> send(context, webjar(below(context, WEBJARS_PREFIX))), false);
    }

    /** {@code echarts/dist/echarts.min.js} read from the echarts WebJar of whatever version the build brought. */
    private Optional<ClasspathFiles.ServedFile> webjar(String path) {
        int slash = path.indexOf('/');
        if (slash < 0 || !WEBJARS.contains(path.substring(0, slash))) {
            return Optional.empty();
        }
        String name = path.substring(0, slash);
        String version = versions.version(name);
        return version == null ? Optional.empty() : webjars.read(name + "/" + version + path.substring(slash));
    }

    /** The part of the path after the prefix; empty for the bare prefix ("/ui"), which names no file. */
    private static String below(RoutingContext context, String prefix) {
        String path = context.normalizedPath();
        return path.length() <= prefix.length() ? "" : path.substring(prefix.length());
    }

    private static void send(RoutingContext context, Optional<ClasspathFiles.ServedFile> file) {
        if (file.isEmpty()) {
            context.response().setStatusCode(404).putHeader("Content-Type", "text/plain; charset=utf-8").end("not found");
            return;
        }
        context.response()
                .putHeader("Content-Type", file.get().contentType())
                // files change with a new build: the browser asks again, and gets 200 or uses its copy
                .putHeader("Cache-Control", "no-cache")
                .end(Buffer.buffer(file.get().content()));
    }
}
