package org.incidentconsole.health;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A plain HTTP/1.1 GET sent to a local forwarded port while naming the original host, so virtual hosts and
 * TLS certificates see the address the host itself would use. Bodies over 1 MB are cut.
 */
final class TunnelHttp {
    private static final int MAX_BODY = 1024 * 1024;

    record Response(int status, String body, long millis) {
    }

    private TunnelHttp() {
    }

    static Response get(int localPort, URI url, Duration timeout) throws IOException {
        long start = System.nanoTime();
        int millis = (int) timeout.toMillis();
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), localPort), millis);
            raw.setSoTimeout(millis);
            raw.setTcpNoDelay(true);
            Socket socket = raw;
            if ("https".equalsIgnoreCase(url.getScheme())) {
                SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                        .createSocket(raw, url.getHost(), port(url), false);
                var params = tls.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                tls.setSSLParameters(params);
                tls.startHandshake();
                socket = tls;
            }
            String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
            if (url.getRawQuery() != null) {
                path += "?" + url.getRawQuery();
            }
            String hostHeader = url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nUser-Agent: incident-console\r\n"
                    + "Accept: */*\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = line(in);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP answer: '" + statusLine + "'");
            }
            int status = Integer.parseInt(parts[1]);
            boolean chunked = false;
            long length = -1;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                String h = header.toLowerCase(Locale.ROOT);
                if (h.startsWith("transfer-encoding:") && h.contains("chunked")) {
                    chunked = true;
                } else if (h.startsWith("content-length:")) {
                    length = Long.parseLong(h.substring(15).strip());
                }
            }
            byte[] body = chunked ? chunked(in) : read(in, length);
            return new Response(status, new String(body, StandardCharsets.UTF_8),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static int port(URI url) {
        return url.getPort() > 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                buf.write(c);
            }
            if (buf.size() > 16 * 1024) {
                throw new IOException("HTTP header line too long");
            }
        }
        return buf.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] read(InputStream in, long length) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long left = length < 0 ? Long.MAX_VALUE : length;
        int n;
        while (left > 0 && body.size() < MAX_BODY && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) >= 0) {
            body.write(buf, 0, n);
            left -= n;
        }
        return body.toByteArray();
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (body.size() < MAX_BODY) {
            String size = line(in).strip();
            int semi = size.indexOf(';');
            int n = Integer.parseInt(semi < 0 ? size : size.substring(0, semi), 16);
            if (n == 0) {
                break;
            }
            body.write(read(in, n));
            line(in);
        }
        return body.toByteArray();
    }
}
