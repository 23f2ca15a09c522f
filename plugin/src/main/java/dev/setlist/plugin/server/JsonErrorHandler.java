package dev.setlist.plugin.server;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Jetty's answer to what it refuses before Jersey sees a request (an encoded CR, LF or NUL in a path, an
 * ambiguous encoding, a URI over 8 KiB): the same {@code {"status": 400, "error": "..."}} body as every other
 * error, for every method. Jetty's own handler writes an HTML page, and for methods other than GET, POST and
 * HEAD no body at all, so a refused DELETE would not say why. The answer carries {@code Connection: close}
 * because Jetty drops the connection after it.
 *
 * <p>Stateless; thread-safe.
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        String reason = request.getAttribute(ERROR_MESSAGE) instanceof String message && !message.isBlank()
                ? message
                : request.getAttribute(ERROR_EXCEPTION) instanceof Throwable cause && cause.getMessage() != null
                ? cause.getMessage() : HttpStatus.getMessage(status);
        String body = "{\"status\":" + status + ",\"error\":\""
                + new String(JsonStringEncoder.getInstance().quoteAsString(reason)) + "\"}";
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put(ERROR_CACHE_CONTROL);
        // Jetty closes the connection after a request it refused this early, and says nothing: a keep-alive
        // client would send its next request into the closed socket and get no answer. Say it.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
