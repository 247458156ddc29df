package io.msgbench.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** Answers of the JDK's HTTP server, as msgbench's servers (a worker's API, the live view) send them. */
public final class HttpResponses {
    private HttpResponses() {
    }

    /** Sends {@code body} whole, with its content type, and ends the exchange's response. */
    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
