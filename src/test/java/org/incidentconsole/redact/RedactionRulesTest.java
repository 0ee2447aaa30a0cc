package org.incidentconsole.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per rule of the redaction table (input → redacted), and the text that must stay readable. */
class RedactionRulesTest {
    private static final String R = "[REDACTED:";
    private final Redactor redactor = new Redactor();

    static Stream<Arguments> secrets() {
        return Stream.of(
                row("-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQOYBGVhY2tlcgEIAK\n=Ab3d\n"
                        + "-----END PGP PRIVATE KEY BLOCK-----\nok",
                        R + "private-key]\nok"),
                row("-----BEGIN OPENSSH PRIVATE KEY-----\r\nb3BlbnNzaC1rZXk\r\nAAAA==\r\n"
                        + "-----END OPENSSH PRIVATE KEY-----\r\n",
                        R + "private-key]\r\n"),
                row("x -----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg\nno footer", "x " + R + "private-key]"),
                row("PuTTY-User-Key-File-3: ssh-ed25519\nPublic-Lines: 1\nAAAAC3NzaC1lZDI1NTE5\nPrivate-Lines: 1\n"
                        + "AAAAIHN1cGVyc2VjcmV0\nPrivate-MAC: 4f3a9c\nafter",
                        "PuTTY-User-Key-File-3: ssh-ed25519\nPublic-Lines: 1\nAAAAC3NzaC1lZDI1NTE5\n" + R
                                + "private-key]\nafter"),
                row("Authorization: Bearer abc123.def456", "Authorization: " + R + "authorization]"),
                row("Cookie: session=abc123; csrftoken=xyz", "Cookie: " + R + "cookie]"),
                row("Set-Cookie: sid=abc; Path=/; HttpOnly", "Set-Cookie: " + R + "cookie]"),
                row("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.sflKxwRJSMeKKF2QT4fwpM", "jwt " + R + "jwt]"),
                row("GITHUB_TOKEN=ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8", "GITHUB_TOKEN=" + R + "github-token]"),
                row("push with github_pat_11ABCDEFG0abcdefghijkl_mnopqrstuvwxyz0123",
                        "push with " + R + "github-token]"),
                row("SLACK_BOT_TOKEN=xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
                        "SLACK_BOT_TOKEN=" + R + "slack-token]"),
                row("app token xapp-1-A0123456789-1234567890123-abcdef", "app token " + R + "slack-token]"),
                row("https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXX", "https://hooks.slack.com/services/"
                        + R + "slack-webhook]"),
                row("POST https://discord.com/api/webhooks/123456789012345678/AbCdEf_gh-IjKlMnOpQrStUvWx0123456789 204",
                        "POST https://discord.com/api/webhooks/" + R + "discord-webhook] 204"),
                row("https://discordapp.com/api/v10/webhooks/876543210987654321/zYxWvUtSrQpOnMlKjIhG?wait=true",
                        "https://discordapp.com/api/v10/webhooks/" + R + "discord-webhook]?wait=true"),
                row("https://prod-12.westeurope.logic.azure.com:443/workflows/0a1b2c3d4e5f/triggers/manual/paths/invoke"
                                + "?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=Ab1Cd2Ef3Gh4Ij5Kl6Mn7",
                        "https://prod-12.westeurope.logic.azure.com:443/workflows/0a1b2c3d4e5f/triggers/manual/paths/invoke"
                                + "?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=" + R
                                + "teams-webhook]"),
                row("hook https://default1234.56.environment.api.powerplatform.com:443/powerautomate/automations/direct"
                                + "/workflows/9f8e7d/triggers/manual/paths/invoke?sig=Zz9Yy8Xx7Ww6Vv5&api-version=1 ok",
                        "hook https://default1234.56.environment.api.powerplatform.com:443/powerautomate/automations"
                                + "/direct/workflows/9f8e7d/triggers/manual/paths/invoke?sig=" + R
                                + "teams-webhook]&api-version=1 ok"),
                row("https://contoso.webhook.office.com/webhookb2/1a2b3c4d-0000-4e5f-8a9b-0c1d2e3f4a5b@72f988bf-86f1"
                                + "/IncomingWebhook/8d7c6b5a4f3e/2b3c4d5e-6f7a V2",
                        "https://contoso.webhook.office.com/webhookb2/" + R + "teams-webhook] V2"),
                row("curl -d @msg.json https://chat.example.com/hooks/xq7k3m9pzt5wbd1nj8rc4hyfae",
                        "curl -d @msg.json https://chat.example.com/hooks/" + R + "mattermost-webhook]"),
                row("https://example.com:8065/mm/hooks/ab12cd34ef56gh78ij90kl12mn", "https://example.com:8065/mm/hooks/"
                        + R + "mattermost-webhook]"),
                row("Authorization: OAuth 2a7c9e1f-5b3d-4e6f-8a0b-1c2d3e4f5a6b", "Authorization: " + R
                        + "authorization]"),
                row("-H \"Authorization: OAuth 89a229ce1a8dbcf9ff30430fbe35eb4c0426574bca932061892cefd2138aa4b1\"",
                        "-H \"Authorization: " + R + "authorization]\""),
                row("stripe sk_live_51HxAbCdEfGhIjKlMn and rk_live_abcdefghij12", "stripe " + R + "stripe-key] and "
                        + R + "stripe-key]"),
                row("key AKIAIOSFODNN7EXAMPLE used", "key " + R + "aws-access-key] used"),
                row("glpat-xYz12AbCdEfGhIjKlMnOp", R + "gitlab-token]"),
                row("//registry.npmjs.org/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123456789",
                        "//registry.npmjs.org/:_authToken=" + R + "npm-token]"),
                row("SG.abcdefghijklmnopqrstuv.ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefg", R + "sendgrid-key]"),
                row("maps AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q", "maps " + R + "google-api-key]"),
                row("OPENAI sk-proj-abcDEF123ghiJKL456mnoPQR", "OPENAI " + R + "api-key]"),
                row("export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                        "export AWS_SECRET_ACCESS_KEY=" + R + "secret]"),
                row("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                        "aws_secret_access_key = " + R + "secret]"),
                row("GET /r.csv?X-Amz-Expires=300&X-Amz-Signature=9f8e7d6c&sig=AbC123&token=xyz789&page=2",
                        "GET /r.csv?X-Amz-Expires=300&X-Amz-Signature=" + R + "secret]&sig=" + R + "secret]&token="
                                + R + "secret]&page=2"),
                row("postgres://app:p/ss@w0rd@db.internal:5432/app",
                        "postgres://app:" + R + "url-password]@db.internal:5432/app"),
                row("redis://:s3cret@10.0.0.5:6379/0", "redis://:" + R + "url-password]@10.0.0.5:6379/0"),
                row("auth hunter2", "auth " + R + "redis-password]"),
                row("127.0.0.1:6379> auth default hunter2", "127.0.0.1:6379> auth " + R + "redis-password]"),
                row("> AUTH default hunter2", "> AUTH " + R + "redis-password]"),
                row("echo \"auth hunter2\" | redis-cli", "echo \"auth " + R + "redis-password]\" | redis-cli"),
                row("redis-cli -h cache-01 auth hunter2", "redis-cli -h cache-01 auth " + R + "redis-password]"),
                row("redis-cli -h 127.0.0.1 -a hunter2 PING",
                        "redis-cli -h 127.0.0.1 -a " + R + "redis-password] PING"),
                row("CONFIG SET requirepass \"n3w pass\"", "CONFIG SET requirepass " + R + "redis-password]"),
                row("REDISCLI_AUTH=hunter2 redis-cli ping", "REDISCLI_AUTH=" + R + "secret] redis-cli ping"),
                row("DB_PASSWORD='x y z'", "DB_PASSWORD=" + R + "password]"),
                row("API_TOKEN=\"two \\\"quoted\\\" words\" next", "API_TOKEN=" + R + "secret] next"),
                row("MYSQL_PWD=hunter2 mysql", "MYSQL_PWD=" + R + "password] mysql"),
                row("PGPASSWORD=hunter2 psql -h db", "PGPASSWORD=" + R + "password] psql -h db"),
                row("mysql -uroot -ps3cr3t shop", "mysql -uroot -p" + R + "password] shop"),
                row("mysql -u root -p s3cr3t shop", "mysql -u root -p " + R + "password] shop"),
                row("app --password hunter2 --verbose", "app --password " + R + "password] --verbose"),
                row("app --db-password=hunter2", "app --db-password=" + R + "password]"),
                row("curl -u deploy:hunter2 https://ci.example.com",
                        "curl -u deploy:" + R + "password] https://ci.example.com"),
                row("sshpass -p 'hunter 2' ssh web-01", "sshpass -p " + R + "password] ssh web-01"),
                row("sh -c 'sshpass -phunter2 ssh web-01'", "sh -c 'sshpass -p" + R + "password] ssh web-01'"),
                row("openssl rsa -in k.pem -passin pass:hunter2",
                        "openssl rsa -in k.pem -passin pass:" + R + "password]"),
                row("docker login -u ci -p hunter2 registry.example.com", "docker login -u ci -p " + R
                        + "password] registry.example.com"),
                row("java -Djavax.net.ssl.keyStorePassword=changeit -jar app.jar",
                        "java -Djavax.net.ssl.keyStorePassword="
                        + R + "password] -jar app.jar"),
                row("{\"token\":\"abc123xyz\",\"user\":\"bob\"}", "{\"token\":" + R + "secret],\"user\":\"bob\"}"),
                row("{\"password\": \"two words\"}", "{\"password\": " + R + "password]}"),
                row("{\n  \"password\":\n    \"hunter2\"\n}", "{\n  \"password\":\n    " + R + "password]\n}"),
                row("progress 50%\rDB_PASSWORD=hunter2", "progress 50%\rDB_PASSWORD=" + R + "password]"),
                row("booking failed for jane.doe@example.com (id 7)", "booking failed for " + R + "email] (id 7)"),
                row("q=alice%40example.com&x=1", "q=" + R + "email]&x=1"),
                row("card 4111 1111 1111 1111 ok", "card " + R + "card-number] ok"),
                row("card 5500-0000-0000-0004.", "card " + R + "card-number]."),
                row("iban DE89 3704 0044 0532 0130 00 EUR", "iban " + R + "iban] EUR"),
                row("GB82WEST12345698765432", R + "iban]"),
                row("call +49 30 1234567 now", "call " + R + "phone] now"),
                row("call +1-202-555-0143", "call " + R + "phone]"),
                row("call (555) 123-4567 or 555.123.4567", "call " + R + "phone] or " + R + "phone]"),
                row("Tel. 030 1234 5678", "Tel. " + R + "phone]"),
                row("mobil 0151 2345 6789", "mobil " + R + "phone]"),
                row("token dGhpcyBpcyBhIFNlY3JldEtleTEyMzQ1Njc4OTA= leaked", "token " + R + "api-key] leaked"));
    }

    static Stream<String> harmless() {
        return Stream.of(
                "commit 9fceb02d0ae598e95dc970b74767f19372d61af8",
                "9fceb02 (HEAD -> main, tag: v2.3.1) Fix booking timeout",
                "git reset --hard 9fceb02d0ae5",
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  shop-2.3.1.tar.gz",
                "request 550e8400-e29b-41d4-a716-446655440000 done",
                "https://github.com/acme/shop/releases/download/v2.3.1/shop-2.3.1-linux-amd64.tar.gz",
                "https://cdn.example.com/assets/ReleaseBuild2024x86Q/AppBundleMainV2Final/index.js",
                "rollback to https://git.example.com/acme/shop/commit/9fceb02d0ae598e95dc970b74767f19372d61af8",
                "GET /api/v1/bookings/2026-11-24/slots?page=2&limit=50 200 12ms",
                "2026-11-24T07:15:03.123Z took 1234 ms",
                "Nov 24 07:15:03 web-01 sshd[12345]: Accepted publickey for deploy from 10.0.0.12 port 52644 ssh2",
                "Accepted password for deploy from 192.168.100.200 port 52644",
                "listening on 0.0.0.0:8080 and [::1]:6379",
                "php 8.3.14, node v20.11.1, openssl 3.0.15, release 1.2.3-456.789",
                "pid 48213 uptime 3d 04:12:55, load 0.42 0.35 0.30",
                "epoch 1732431303123 seq 1234567890123456",
                "chmod 0755 0644 0600; sizes 512 256 1024", "modes 0755 0644 0600 0640",
                "git@github.com:acme/shop.git",
                "CACHE_KEY=user:42:profile max_tokens=4096 TOKEN_TTL=3600 PASSWORD_FILE=/run/secrets/db",
                "http://localhost:8080/@vite/client",
                "at com/example/billing/InvoiceServiceImpl2Factory.create",
                "mysql -u root shop < dump.sql",
                "docker run -p 8080:80 nginx:1.27",
                "ssh -p 2222 deploy@web-01; cp -p a b; git log -p -3; mysql -h db -P 3306 -u app shop",
                "echo x | docker login --password-stdin -u ci registry.example.com",
                "openssl rsa -in k.pem -passin env:KEY_PASS",
                "curl -u deploy https://ci.example.com",
                "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----",
                "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYI\n-----END PUBLIC KEY-----",
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG0rGbRqgG7wPuE3vYzHRw deploy@bastion",
                "Duration: 00:03:12.45, 99.9% of 1000000 requests",
                "circuit_breaker:calcom:state closed",
                "/var/www/app/storage/logs/laravel-2026-11-24.log",
                "auth failed for user bob at 07:15",
                "PWD=/var/www/app OLDPWD=/root",
                "FAILED: java/net/MulticastSocket/SetLoopbackModeIPv4.java",
                "Adding debian:D-TRUST_Root_Class_3_CA_2_EV_2009.pem and Sectigo_Public_Server_Authentication_Root_E46",
                "256 SHA256:8nTM7rVLUPsmK/9/erV5Dun8ZG8F+v3/27BK8anTYu8 root@vm (ED25519)",
                "Created symlink /etc/systemd/system/getty.target.wants/getty@tty1.service",
                "initdb -D /var/lib/postgresql/15/main --auth-local peer --auth-host scram-sha-256",
                "install google-cloud-cli-gke-gcloud-auth-plugin:amd64 528.0.0-0",
                "GET session:auth:42 -> api_token:breaker:state",
                "{\"auth\": {\"type\": \"oauth\"}, \"tokens\": [1, 2]}",
                "email=1 bearer=0 hex-key=0",
                "api_tokens: 12 issued, secret_count=3",
                "https://discord.com/channels/123456789012345678/876543210987654321",
                "cp .git/hooks/pre-commit.sample .git/hooks/pre-commit",
                "https://learn.microsoft.com/en-us/azure/logic-apps/logic-apps-http-endpoint?tabs=consumption",
                "https://status.example.com/api/v2/summary.json");
    }

    private static Arguments row(String input, String expected) {
        return Arguments.of(input, expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("secrets")
    void each_rule_hides_its_secret_and_only_it(String input, String expected) {
        assertThat(redactor.scrub(input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("harmless")
    void hashes_uuids_urls_timestamps_ips_ports_and_versions_stay_readable(String input) {
        assertThat(redactor.redact(input)).extracting(Redaction::text, Redaction::total).containsExactly(input, 0);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("secrets")
    void redacting_redacted_text_changes_nothing(String input, String expected) {
        assertThat(redactor.redact(expected)).extracting(Redaction::text, Redaction::total)
                .containsExactly(expected, 0);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("secrets")
    void a_stream_line_by_line_hides_the_same(String input, String expected) {
        StreamRedactor stream = new StreamRedactor(redactor);
        String streamed = String.join("\n", input.lines().map(stream::line).toList());
        for (String line : input.split("[\r\n]+")) {
            for (String word : line.split("[\\s'\"]+")) {
                if (word.length() >= 6 && !expected.contains(word)) {
                    assertThat(streamed).as("secret word %s", word).doesNotContain(word);
                }
            }
        }
    }

    @Test
    void every_row_of_the_table_says_how_it_matches() {
        List<RedactionRules.Row> table = RedactionRules.TABLE;
        assertThat(table).hasSizeGreaterThan(20).allSatisfy(r -> assertThat(r.matches()).isNotBlank());
    }
}
