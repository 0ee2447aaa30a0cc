package org.incidentconsole.redact;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Realistic secret forms with random values: each gives the value that must never be stored and the text it
 * appears in (an .env line, a command, a header, a key file…). Seeded: print the seed when a test fails.
 */
public final class SecretCorpus {
    public record Form(String kind, String value, String text) {
    }

    static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    static final String DIGITS = "0123456789";
    static final String ALNUM = UPPER + LOWER + DIGITS;
    static final String HEX = "0123456789abcdef";
    static final String B64 = ALNUM + "+/";

    private final Random r;

    public SecretCorpus(long seed) {
        this.r = new Random(seed);
    }

    String s(String alphabet, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    /** Random, but always mixing upper case, lower case and digits, as generated keys do. */
    String mixed(String alphabet, int n) {
        String v = s(alphabet, n - 3);
        return s(UPPER, 1) + v.substring(0, v.length() / 2) + s(DIGITS, 1) + v.substring(v.length() / 2) + s(LOWER, 1);
    }

    String pw() {
        return mixed(ALNUM + "!#%*_-", 10 + r.nextInt(10));
    }

    String digits(int n) {
        return s(DIGITS, n);
    }

    String card() {
        String prefix = List.of("4", "51", "37", "6011").get(r.nextInt(4));
        int length = prefix.equals("37") ? 15 : 16;
        String body = prefix + digits(length - prefix.length() - 1);
        for (int check = 0; check < 10; check++) {
            if (Checksums.isCardNumber(body + check)) {
                return body + check;
            }
        }
        throw new IllegalStateException();
    }

    String iban() {
        String bban = digits(18);
        BigInteger n = new BigInteger(bban + "131400"); // D=13, E=14, check 00
        int check = 98 - n.mod(BigInteger.valueOf(97)).intValue();
        return "DE" + (check < 10 ? "0" : "") + check + bban;
    }

    static String group(String s, int size, String sep) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i += size) {
            b.append(i == 0 ? "" : sep).append(s, i, Math.min(s.length(), i + size));
        }
        return b.toString();
    }

    String keyBlock(String type, String firstLine) {
        StringBuilder b = new StringBuilder("-----BEGIN " + type + "-----\n" + firstLine);
        for (int i = 0; i < 3; i++) {
            b.append(mixed(B64, 64)).append('\n');
        }
        return b.toString();
    }

    private static Form f(String kind, String value, String text) {
        return new Form(kind, value, text);
    }

    final List<Function<SecretCorpus, Form>> forms = List.of(
            c -> { String v = "ghp_" + c.mixed(ALNUM, 36); return f("github", v, "GITHUB_TOKEN=" + v); },
            c -> { String v = "github_pat_" + c.mixed(ALNUM, 22) + "_" + c.mixed(ALNUM, 59);
                return f("github", v, "git push https://x:" + v + "@github.com/acme/shop.git"); },
            c -> { String v = "xoxb-" + c.digits(11) + "-" + c.digits(13) + "-" + c.mixed(ALNUM, 24);
                return f("slack", v, "SLACK_BOT_TOKEN=" + v); },
            c -> { String v = "xapp-1-A" + c.digits(10) + "-" + c.digits(13) + "-" + c.s(HEX, 64);
                return f("slack", v, "socket mode token " + v); },
            c -> { String v = "AKIA" + c.s(UPPER + "234567", 16); return f("aws", v, "AWS_ACCESS_KEY_ID=" + v); },
            c -> { String v = c.mixed(B64, 40); return f("aws", v, "AWS_SECRET_ACCESS_KEY=" + v); },
            c -> { String v = c.mixed(B64, 40); return f("aws", v, "aws_secret_access_key = " + v); },
            c -> { String v = c.mixed(B64, 40);
                return f("aws", v,
                        "{\"AccessKeyId\": \"ASIA" + c.s(UPPER, 16) + "\", \"SecretAccessKey\": \"" + v + "\"}"); },
            c -> { String v = c.s(HEX, 64);
                return f("query", v,
                        "GET https://b.s3.amazonaws.com/f.csv?X-Amz-Expires=300&X-Amz-Signature=" + v + "&x=1"); },
            c -> { String v = c.mixed(ALNUM + "%", 43);
                return f("query", v, "https://acct.blob.core.windows.net/c/f.zip?sv=2022-11-02&sig=" + v); },
            c -> { String v = c.pw() + "/" + c.pw() + "@" + c.pw();
                return f("url", v, "DATABASE_URL=postgres://app:" + v + "@db.internal:5432/app"); },
            c -> { String v = c.pw(); return f("url", v, "redis://:" + v + "@cache-01:6379/0"); },
            c -> { String v = c.pw() + "@" + c.pw();
                return f("url", v, "mongodb+srv://ops:" + v + "@cluster0.example.net/db"); },
            c -> { String v = c.pw(); return f("redis", v, "auth " + v); },
            c -> { String v = c.pw(); return f("redis", v, "AUTH default " + v); },
            c -> { String v = c.pw(); return f("redis", v, "127.0.0.1:6379> auth " + v); },
            c -> { String v = c.pw();
                return f("redis", v, "redis-cli -h cache-01 -a " + v + " --no-auth-warning ping"); },
            c -> { String v = c.pw(); return f("redis", v, "REDISCLI_AUTH=" + v + " redis-cli ping"); },
            c -> { String v = c.pw(); return f("redis", v, "redis-cli CONFIG SET requirepass " + v); },
            c -> { String v = c.mixed(B64, 64);
                return f("pgp", v,
                        c.keyBlock("PGP PRIVATE KEY BLOCK", "Version: GnuPG v2\n\n" + v + "\n") + "=" + c.s(B64, 4)
                        + "\n-----END PGP PRIVATE KEY BLOCK-----"); },
            c -> { String v = c.mixed(B64, 64);
                return f("putty", v,
                        "PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\nComment: deploy\nPublic-Lines: 1\n"
                        + "AAAAB3NzaC1yc2E\nPrivate-Lines: 2\n" + v + "\n" + c.mixed(B64, 20) + "\nPrivate-MAC: "
                        + c.s(HEX, 40)); },
            c -> { String v = c.mixed(B64, 22) + "==";
                return f("openssh", v,
                        c.keyBlock("OPENSSH PRIVATE KEY", "b3BlbnNzaC1rZXktdjEAAAAA\n") + v
                        + "\n-----END OPENSSH PRIVATE KEY-----"); },
            c -> { String v = c.mixed(B64, 64);
                return f("rsa", v,
                        c.keyBlock("RSA PRIVATE KEY", "Proc-Type: 4,ENCRYPTED\n\n" + v + "\n")
                        + "-----END RSA PRIVATE KEY-----"); },
            c -> { String v = c.mixed(B64, 64);
                return f("ec", v, "-----BEGIN EC PRIVATE KEY-----\r\n" + v + "\r\n-----END EC PRIVATE KEY-----"); },
            c -> { String v = c.s(LOWER, 6) + "." + c.s(LOWER, 5) + "%40" + c.s(LOWER, 6) + ".com";
                return f("email", v, "GET /unsubscribe?email=" + v + " 200"); },
            c -> { String v = c.s(LOWER, 6) + "." + c.s(LOWER, 5) + "@" + c.s(LOWER, 6) + ".example.org";
                return f("email", v, "booking failed for " + v); },
            c -> { String v = c.pw() + " " + c.pw(); return f("quoted", v, "DB_PASSWORD='" + v + "'"); },
            c -> { String v = c.pw() + " " + c.pw(); return f("quoted", v, "export API_KEY=\"" + v + "\""); },
            c -> { String v = "sk_live_" + c.mixed(ALNUM, 24);
                return f("stripe", v, "export STRIPE_SECRET_KEY=" + v); },
            c -> { String v = c.pw(); return f("flag", v, "app migrate --password " + v + " --yes"); },
            c -> { String v = c.pw(); return f("flag", v, "app migrate --db-password=" + v); },
            c -> { String v = c.pw(); return f("mysql", v, "mysql -u root -p" + v + " shop -e 'select 1'"); },
            c -> { String v = c.pw(); return f("mysql", v, "mysqldump -u root -p " + v + " shop"); },
            c -> { String v = c.pw(); return f("pg", v, "PGPASSWORD=" + v + " psql -h db -U app"); },
            c -> { String v = c.pw();
                return f("curl", v, "curl -fsS -u deploy:" + v + " https://ci.example.com/api"); },
            c -> { String v = c.pw(); return f("sshpass", v, "sshpass -p " + v + " ssh deploy@web-01"); },
            c -> { String v = c.pw(); return f("openssl", v, "openssl enc -d -aes256 -in b.enc -passin pass:" + v); },
            c -> { String v = c.pw(); return f("docker", v, "docker login -u ci -p " + v + " registry.example.com"); },
            c -> { String v = c.mixed(ALNUM, 32);
                return f("cookie", v, "Cookie: laravel_session=" + v + "; theme=dark"); },
            c -> { String v = c.mixed(ALNUM, 32);
                return f("cookie", v, "Set-Cookie: sid=" + v + "; Path=/; HttpOnly"); },
            c -> { String v = c.pw(); return f("json", v, "{\"token\":\"" + v + "\",\"user\":\"bob\"}"); },
            c -> { String v = c.pw() + " " + c.pw(); return f("json", v, "{\"password\": \"" + v + "\"}"); },
            c -> { String v = c.pw(); return f("json", v, "{\n  \"client_secret\":\n    \"" + v + "\"\n}"); },
            c -> { String v = c.pw(); return f("cr", v, "progress 50%\rDB_PASSWORD=" + v); },
            c -> { String v = group(c.card(), 4, " "); return f("card", v, "charged card " + v + " ok"); },
            c -> { String v = group(c.card(), 4, "-"); return f("card", v, "card=" + v); },
            c -> { String v = group(c.iban(), 4, " "); return f("iban", v, "refund to " + v + " EUR 20"); },
            c -> { String v = c.iban(); return f("iban", v, "iban:" + v); },
            c -> { String v = "+49 30 " + c.digits(7); return f("phone", v, "callback " + v + " please"); },
            c -> { String v = "(" + (2 + c.r.nextInt(8)) + c.digits(2) + ") " + (2 + c.r.nextInt(8)) + c.digits(2)
                        + "-" + c.digits(4);
                return f("phone", v, "phone: " + v); },
            c -> { String v = "0" + (1 + c.r.nextInt(9)) + c.digits(2) + " " + c.digits(4) + " " + c.digits(4);
                return f("phone", v, "Tel. " + v); },
            c -> { String v = c.mixed(ALNUM + "._-", 40); return f("bearer", v, "Authorization: Bearer " + v); },
            c -> { String v = c.mixed(ALNUM + "._-", 40);
                return f("bearer", v, "curl -H 'Proxy-Authorization: Bearer " + v + "' https://x"); },
            c -> { String v = "eyJ" + c.mixed(ALNUM + "-_", 30) + "." + c.mixed(ALNUM + "-_", 40) + "."
                        + c.mixed(ALNUM + "-_", 43);
                return f("jwt", v, "id_token=" + v); },
            c -> { String v = "glpat-" + c.mixed(ALNUM, 20); return f("gitlab", v, "CI_JOB_TOKEN " + v); },
            c -> { String v = "npm_" + c.mixed(ALNUM, 36);
                return f("npm", v, "//registry.npmjs.org/:_authToken=" + v); },
            c -> { String v = "SG." + c.mixed(ALNUM, 22) + "." + c.mixed(ALNUM, 43);
                return f("sendgrid", v, "mail via " + v); },
            c -> { String v = "AIza" + c.mixed(ALNUM, 35); return f("google", v, "maps key " + v); },
            c -> { String v = "sk-proj-" + c.mixed(ALNUM, 48); return f("openai", v, "OPENAI_API_KEY=" + v); },
            c -> { String v = c.pw();
                return f("jvm", v, "java -Djavax.net.ssl.keyStorePassword=" + v + " -jar app.jar"); },
            c -> { String v = c.pw(); return f("keytool", v, "keytool -list -keystore ks.jks -storepass " + v); },
            c -> { String v = c.pw(); return f("ldap", v, "ldapsearch -x -D cn=admin -w " + v + " -b dc=example"); },
            c -> { String v = c.mixed(ALNUM, 24);
                return f("webhook", v,
                        "https://hooks.slack.com/services/T" + c.s(UPPER, 8) + "/B" + c.s(UPPER, 8) + "/" + v); },
            c -> { String v = c.mixed(ALNUM + "_-", 68);
                return f("discord", v, "https://discord.com/api/webhooks/" + c.digits(18) + "/" + v); },
            c -> { String v = c.mixed(ALNUM + "_-", 43);
                return f("teams", v, "https://prod-" + c.digits(2) + ".westus.logic.azure.com:443/workflows/"
                        + c.s(HEX, 32) + "/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers"
                        + "%2Fmanual%2Frun&sv=1.0&sig=" + v); },
            c -> { String v = c.s(LOWER + DIGITS, 26);
                return f("mattermost", v, "curl -i -d @payload.json https://chat." + c.s(LOWER, 6) + ".org/hooks/" + v); },
            c -> { String v = c.s(HEX, 64); return f("statuspage", v, "Authorization: OAuth " + v); },
            c -> { String v = c.s(HEX, 32);
                return f("dsn", v, "SENTRY_DSN=https://" + v + "@o1.ingest.sentry.io/42"); },
            c -> { String v = c.s(HEX, 32); return f("json", v, "{\"api_key\": \"" + v + "\"}"); },
            c -> { String v = c.pw(); return f("yaml", v, "  password: " + v); },
            c -> { String v = Base64.getEncoder().encodeToString(("deploy:" + c.pw()).getBytes(StandardCharsets.UTF_8));
                return f("basic", v, "Authorization: Basic " + v); },
            c -> { String v = c.pw(); return f("smb", v, "smbclient //fs/share -U ops%" + v); },
            c -> { String v = c.pw(); return f("zip", v, "zip -P " + v + " backup.zip db.sql"); },
            c -> { String v = c.mixed(ALNUM, 32); return f("header", v, "X-Api-Key: " + v); },
            c -> { String v = c.pw(); return f("env", v, "MYSQL_PWD=" + v); },
            c -> { String v = c.mixed(B64, 44); return f("generic", v, "issued " + v + " for worker"); },
            c -> { String v = "hvs." + c.mixed(ALNUM, 24); return f("vault", v, "VAULT_TOKEN " + v); });

    /** {@code rounds} values of every form. */
    public List<Form> generate(int rounds) {
        List<Form> out = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            for (Function<SecretCorpus, Form> g : forms) {
                out.add(g.apply(this));
            }
        }
        return out;
    }

    public int kinds() {
        return forms.size();
    }
}
