package dev.setlist.plugin.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every error leaves the API as {@link ApiError} JSON, never as an HTML page or a stack trace. */
public final class ErrorMappers {

    private ErrorMappers() {
    }

    /** Jersey's own errors (404 for an unknown path, 405, 415...) with their status and reason. */
    public static final class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException exception) {
            Response original = exception.getResponse();
            if (original.hasEntity()) {
                return original;
            }
            String reason = original.getStatusInfo().getReasonPhrase();
            if (exception.getMessage() != null && !exception.getMessage().startsWith("HTTP ")) {
                reason = exception.getMessage();
            }
            return ApiError.response(original.getStatus(), reason);
        }
    }

    /** A bug: logged with its stack, answered 500 without internals. */
    public static final class Unexpected implements ExceptionMapper<RuntimeException> {
        private static final Logger log = LoggerFactory.getLogger(Unexpected.class);

        @Override
        public Response toResponse(RuntimeException exception) {
            if (exception instanceof WebApplicationException web) {
                return new WebApplication().toResponse(web);
            }
            log.error("unexpected error while answering a request", exception);
            return ApiError.response(Response.Status.INTERNAL_SERVER_ERROR, "internal error: " + exception.getClass().getSimpleName());
        }
    }
}
