package dev.setlist.plugin.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The body of every error answer: {@code {"status": 400, "error": "reason"}}.
 *
 * @param status the HTTP status
 * @param error  why, in words a person can act on
 */
public record ApiError(int status, String error) {

    /** A JSON response with this error. */
    public static Response response(Response.Status status, String error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(status.getStatusCode(), error)).build();
    }

    public static Response response(int status, String error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(status, error)).build();
    }
}
