package org.entraide.benchmarks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The ceiling: the same Jetty 12 the core runs on, with one handler that answers a small fixed JSON body, on
 * the same machine and through the same generator. The handler keeps Jetty's default (blocking) invocation
 * type, so requests are dispatched to the thread pool as an application's would be.
 */
public final class BareJetty implements AutoCloseable {
    static final String PATH = "/api/v1/ping";
    private static final byte[] BODY = "{\"status\":\"UP\",\"service\":\"entraide\"}".getBytes(StandardCharsets.UTF_8);

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    BareJetty() throws Exception {
        this(BODY, "application/json");
    }

    /** Answers every request with {@code body}. */
    BareJetty(byte[] body, String contentType) throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
                response.write(true, ByteBuffer.wrap(body), callback);
                return true;
            }
        });
        server.start();
    }

    /**
     * The read-path benchmark's ceiling ({@code benchmarks/readpath.sh}): serves the bytes of the file given (the API
     * read's own JSON) on a free loopback port, written to the second file, until stopped.
     */
    public static void main(String[] args) throws Exception {
        byte[] body = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(args[0]));
        BareJetty jetty = new BareJetty(body, "application/json");
        java.nio.file.Files.writeString(java.nio.file.Path.of(args[1]), "http://127.0.0.1:" + jetty.port() + "/\n");
        Thread.currentThread().join();
    }

    int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
