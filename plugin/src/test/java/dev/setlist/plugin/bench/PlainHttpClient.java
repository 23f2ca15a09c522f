package dev.setlist.plugin.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A load generator's HTTP/1.1 client: one kept-alive connection, one request at a time (a GET, or a POST of
 * JSON), the answer
 * read by its {@code Content-Length} or its chunks and then dropped. It is as small as it is so that the
 * generator, which shares the two cores with the server it measures, takes little of them: Java's
 * {@code HttpClient}, with its selector thread, executor hand-offs and header validation, cost the bench
 * about a tenth of the process's CPU per playlist.
 *
 * <p>Not thread-safe: one per client thread.
 */
final class PlainHttpClient implements AutoCloseable {

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    PlainHttpClient(URI base) {
        this.host = base.getHost();
        this.port = base.getPort();
    }

    /** Sends {@code GET path} with one extra header and returns the status; the body is read and discarded. */
    int get(String path, String headerName, String headerValue) throws IOException {
        return send("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n" + headerName + ": "
                + headerValue + "\r\nAccept: application/json\r\n\r\n", null);
    }

    /** Sends {@code POST path} with a JSON body and one extra header; returns the status. */
    int postJson(String path, String headerName, String headerValue, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return send("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n" + headerName + ": "
                + headerValue + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n", body);
    }

    private int send(String head, byte[] body) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return readResponse();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = socket.getOutputStream();
    }

    private int readResponse() throws IOException {
        String statusLine = line();
        String[] status = statusLine.split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x status line: " + statusLine);
        }
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                 size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                skip(size);
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            skip(length);
        } else {
            throw new IOException("an answer with neither Content-Length nor chunks");
        }
        if (close) {
            close();
        }
        return Integer.parseInt(status[1]);
    }

    private void skip(long count) throws IOException {
        long left = count;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed with " + left + " bytes of the body unread");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    /** One header line without its CRLF. */
    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed mid-answer");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing a broken connection: nothing left to do.
            }
            socket = null;
        }
    }
}
