package org.incidentconsole.redact;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The redaction table: one row per kind of secret or personal datum, applied in this order (most specific first,
 * so a token inside a header counts once). Every regular expression starts at a run boundary (a one-character
 * look-behind) and has only bounded or possessive quantifiers: each rule scans a text in linear time.
 */
public final class RedactionRules {
    /** One row: the kind reported, how it matches (for people), and the rule. */
    public record Row(String kind, String matches, Rule rule) {
    }

    /** After a number: not glued to a word, a port, a path or more digits after a dot. */
    private static final String END = "(?![A-Za-z0-9_:/-]|\\.[0-9])";
    private static final String[] AWS_PREFIXES = {"AKIA", "ASIA", "AGPA", "AIDA", "AROA", "ANPA", "ANVA", "AIPA",
        "ABIA", "ACCA"};

    public static final List<Row> TABLE = List.of(
            row("private-key", "PEM/PGP/SSH2 BEGIN…PRIVATE KEY header to its END footer (or the end of the text); "
                    + "PuTTY Private-Lines: … Private-MAC:", new KeyBlockRule()),
            row("authorization", "Authorization / Proxy-Authorization header value, with its scheme (Statuspage's "
                    + "OAuth too)",
                    new RegexRule("authorization", "(?i)(?<![\\w-])(?:proxy-)?authorization[\"']?[ \\t]{0,8}+[:=]"
                            + "[ \\t]{0,8}+\"?(?<s>(?:(?:bearer|basic|token|digest|negotiate|apikey|oauth)[ \\t]{1,8}+)?"
                            + "[^\\s\"',;]++)").anchorsIgnoringCase("authorization")),
            row("cookie", "Cookie: / Set-Cookie: header value, to the end of the line or a quote",
                    new RegexRule("cookie", "(?i)(?<![\\w-])(?:set-)?cookie[ \\t]{0,8}+:[ \\t]{0,8}+"
                            + "(?<s>[^\\r\\n'\"]++)").anchorsIgnoringCase("cookie")),
            row("jwt", "eyJ… and two more base64url parts",
                    new RegexRule("jwt", "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,}+\\.[A-Za-z0-9_-]{4,}+"
                            + "\\.[A-Za-z0-9_-]*+").anchors("eyJ")),
            row("github-token", "ghp_ gho_ ghu_ ghs_ ghr_ + 30–255, github_pat_ + 22–255",
                    prefixed("github-token", "gh[pousr]_[A-Za-z0-9]{30,255}+|github_pat_[A-Za-z0-9_]{22,255}+")
                            .anchors("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_")),
            row("slack-token", "xoxb- xoxp- xoxa- xoxs- xoxe- xoxr- xapp- + 10–250",
                    prefixed("slack-token", "(?:xox[abposre]|xapp)-[A-Za-z0-9-]{10,250}+").anchors("xox", "xapp-")),
            row("slack-webhook", "the secret path of hooks.slack.com/services/…",
                    new RegexRule("slack-webhook", "hooks\\.slack\\.com/(?:services|workflows)/"
                            + "(?<s>[A-Za-z0-9/_-]{10,250}+)").anchors("hooks.slack.com")),
            row("discord-webhook", "the id and token of discord.com / discordapp.com /api/(v10/)webhooks/ID/TOKEN",
                    new RegexRule("discord-webhook", "(?i)discord(?:app)?+\\.com/api/(?:v[0-9]{1,2}+/)?+webhooks/"
                            + "(?<s>[0-9]{15,25}+/[A-Za-z0-9_-]{20,200}+)").anchorsIgnoringCase("discord")),
            row("teams-webhook", "the sig= of a Teams Workflows / Power Automate URL on logic.azure.com or "
                    + "powerplatform.com (…/invoke?…&sig=…)",
                    new RegexRule("teams-webhook", "(?i)(?:logic\\.azure\\.com|\\.powerplatform\\.com)(?::[0-9]{1,5}+)?+"
                            + "/[^\\s?#\"'<>]{1,1024}+\\?(?:[^\\s#\"'<>&]{0,512}+&){0,16}sig=(?<s>[A-Za-z0-9%_.~-]{8,512}+)")
                            .anchorsIgnoringCase("logic.azure.com", "powerplatform.com")),
            row("teams-webhook", "the path of an Office 365 connector URL, *.webhook.office.com/webhookb2/…",
                    new RegexRule("teams-webhook", "(?i)\\.webhook\\.office\\.com/webhookb2/(?<s>[A-Za-z0-9@/_.-]{20,400}+)")
                            .anchorsIgnoringCase("webhook.office.com")),
            row("mattermost-webhook", "the 26-character id of an incoming hook, https://host/…/hooks/ID",
                    new RegexRule("mattermost-webhook", "(?<=[A-Za-z0-9.\\]:_-])/hooks/(?<s>[a-z0-9]{26})"
                            + "(?![A-Za-z0-9_-])").anchors("/hooks/")),
            row("stripe-key", "sk_live_ sk_test_ rk_live_ rk_test_ whsec_",
                    prefixed("stripe-key", "(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,250}+|whsec_[A-Za-z0-9+/=]{20,250}+")
                            .anchors("_live_", "_test_", "whsec_")),
            row("aws-access-key", "AKIA ASIA AGPA AIDA AROA ANPA ANVA AIPA ABIA ACCA + 16 upper case or digits",
                    new RegexRule("aws-access-key", "(?<![A-Za-z0-9])(?:" + String.join("|", AWS_PREFIXES)
                            + ")[A-Z0-9]{16}(?![A-Za-z0-9])").anchors(AWS_PREFIXES)),
            row("gitlab-token", "glpat- gldt- glrt- glptt- glsoat- glcbt- + 20–250",
                    prefixed("gitlab-token", "(?:glpat|gldt|glrt|glptt|glsoat|glcbt)-[A-Za-z0-9_-]{20,250}+")
                            .anchors("glpat-", "gldt-", "glrt-", "glptt-", "glsoat-", "glcbt-")),
            row("npm-token", "npm_ + 36–250", prefixed("npm-token", "npm_[A-Za-z0-9]{36,250}+").anchors("npm_")),
            row("sendgrid-key", "SG.<16–64>.<16–128>",
                    prefixed("sendgrid-key", "SG\\.[A-Za-z0-9_-]{16,64}+\\.[A-Za-z0-9_-]{16,128}+").anchors("SG.")),
            row("google-api-key", "AIza + 35", prefixed("google-api-key", "AIza[A-Za-z0-9_-]{35}").anchors("AIza")),
            row("api-key", "sk- sk-proj- sk-ant- (OpenAI, Anthropic), pypi-, dckr_pat_, hvs. hvb. hvr. (Vault), "
                    + "do?_v1_ (DigitalOcean), shp??_ (Shopify)",
                    prefixed("api-key", "sk-(?:proj-|ant-|svcacct-)?[A-Za-z0-9_-]{20,250}+|pypi-[A-Za-z0-9_-]{50,250}+"
                            + "|dckr_pat_[A-Za-z0-9_-]{20,250}+|hv[sbr]\\.[A-Za-z0-9_-]{20,250}+"
                            + "|do[opr]_v1_[a-f0-9]{64}|shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}")
                            .anchors("sk-", "pypi-", "dckr_pat_", "hvs.", "hvb.", "hvr.", "_v1_", "shp")),
            row("telegram-token", "<bot id 8–10 digits>:AA<33>",
                    new RegexRule("telegram-token", "(?<![0-9])[0-9]{8,10}:AA[A-Za-z0-9_-]{33}").anchors(":AA")),
            row("bearer", "Bearer <token>, not a plain lower-case word",
                    RegexRule.checked("bearer", "(?i)(?<![\\w-])bearer[ \\t]{1,8}+(?<s>[A-Za-z0-9._~+/-]{8,}+=*+)",
                            s -> !s.chars().allMatch(Character::isLowerCase)).anchorsIgnoringCase("bearer")),
            row("basic-auth", "Basic <base64 that decodes to user:password>",
                    RegexRule.checked("basic-auth", "(?i)(?<![\\w-])basic[ \\t]{1,8}+(?<s>[A-Za-z0-9+/]{8,}+=*+)",
                            RedactionRules::isBasicCredential).anchorsIgnoringCase("basic")),
            row("url-password", "scheme://user:PASSWORD@host, to the last @ (a password may hold / or @); "
                    + "host:port/ is not a password", new UrlPasswordRule()),
            row("password", "command lines: the tool → password flag table (mysql -p, sshpass -p, docker login -p, "
                    + "redis-cli -a and AUTH, curl -u user:pw, openssl -passin pass:, keytool, ldapsearch -w, "
                    + "zip -P…), "
                    + "--<secret name> x, --<secret name>=x, -D<secret name>=x", new CommandLineRule()),
            row("redis-password", "AUTH <pw> or AUTH <user> <pw> in capitals, anywhere",
                    new RegexRule("redis-password", "(?<![\\w-])AUTH2?[ \\t]++(?<s>[^\\s\"'\\[]++"
                            + "(?:[ \\t]++[^\\s\"'\\[]++)?)").anchors("AUTH")),
            row("redis-password", "auth <pw> in any case, alone on its line (after an optional redis-cli prompt) "
                    + "or alone in quotes (echo \"auth pw\" | redis-cli)",
                    new RegexRule("redis-password", "(?im)(?:^[ \\t]*+(?:[\\w.:\\[\\]-]{0,64}+>[ \\t]*+)?|(?<=[\"']))"
                            + "auth2?[ \\t]++(?<s>[^\\s\\[\"']++(?:[ \\t]++[^\\s\"']++)?)[ \\t]*+(?:$|[\"'])")
                            .anchorsIgnoringCase("auth")),
            row("redis-password", "requirepass / masterauth <pw> (redis.conf, CONFIG SET), quoted or not",
                    new RegexRule("redis-password", "(?i)(?<![\\w-])(?:requirepass|masterauth)[ \\t]++"
                            + "(?<s>\"[^\"\\r\\n]*+\"?|'[^'\\r\\n]*+'?|[^\\s\"'\\[]++)")
                            .anchorsIgnoringCase("requirepass", "masterauth")),
            row("password / secret", "NAME=value, NAME: value, \"name\": \"value\" (also on the next line), "
                    + "?name=value&, export NAME='a b' — where NAME has a secret word part (SecretName)",
                    new AssignmentRule()),
            row("email", "local@domain.tld, also percent-encoded (alice%40example.com); git@host and systemd "
                    + "instances (getty@tty1.service) are not addresses",
                    RegexRule.checked("email", "(?<![A-Za-z0-9._%+-])(?<s>[A-Za-z0-9._%+-]{1,64}(?:@|%40)"
                            + "[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}+\\.){1,8}[A-Za-z]{2,24}+)(?![A-Za-z0-9-])",
                            RedactionRules::isAddress).anchors("@", "%40")),
            row("iban", "country, check digits, BBAN in groups; the country's length and mod-97 checked",
                    new RegexRule("iban", "(?<![A-Za-z0-9])(?<s>[A-Z]{2}[0-9]{2}(?: ?+[A-Z0-9]{1,4}+){2,8}+)" + END,
                            Checksums::ibanLength)),
            row("card-number", "13–19 digits, grouped by spaces or dashes or not, first digit 2–6, Luhn checked",
                    new RegexRule("card-number", "(?<![\\w.:/+-])(?<s>[2-6][0-9]{3}+(?:[ -]?+[0-9]{1,4}+){2,5}+)" + END,
                            Checksums::cardNumberLength)),
            row("phone", "international: +CC then groups, 8–15 digits in all",
                    RegexRule.checked("phone", "(?<![\\w+])(?<s>\\+[1-9][0-9]{0,2}+(?:[ .-]?+\\(?+[0-9]{1,4}+\\)?+)"
                            + "{2,6}+)" + END, s -> Checksums.hasPhoneDigits(s, 8, 15)).anchors("+")),
            row("phone", "North American: (555) 123-4567, 555-123-4567, 555.123.4567 (one separator throughout)",
                    new RegexRule("phone", "(?<![\\w.:/+-])(?<s>\\([2-9][0-9]{2}\\)[ ]?[0-9]{3}[ .-][0-9]{4}"
                            + "|[2-9][0-9]{2}(?<sep>[-.])[0-9]{3}\\k<sep>[0-9]{4})" + END)),
            row("phone", "national: 0… in groups, 10–12 digits, not octal file modes (030 1234 5678, "
                    + "(020) 7946 0958, 01 23 45 67 89)",
                    RegexRule.checked("phone", "(?<![\\w.:/+-])(?<s>0[1-9](?: [0-9]{2}){4}"
                            + "|0[1-9][0-9]{1,4}+(?:[ /-][0-9]{2,8}+){1,3}+"
                            + "|\\(0[1-9][0-9]{1,4}+\\)[ ]?[0-9]{3,8}+(?:[ -][0-9]{2,8}+){0,2}+)" + END,
                            Checksums::isNationalPhone)),
            row("api-key", "no telling name (HighEntropyRule): 32+ base64 characters mixing upper, lower and digits, "
                    + "changing class at least once in four, not in a URL or path; hex (hashes, digests, UUIDs) never",
                    new HighEntropyRule()));

    private RedactionRules() {
    }

    private static Row row(String kind, String matches, Rule rule) {
        return new Row(kind, matches, rule);
    }

    private static RegexRule prefixed(String kind, String alternatives) {
        return new RegexRule(kind, "(?<![A-Za-z0-9_.-])(?:" + alternatives + ")");
    }

    private static final Set<String> UNIT_SUFFIXES = Set.of("service", "socket", "target",
            "timer", "mount", "automount", "path", "slice", "scope", "device", "swap");

    private static boolean isAddress(String candidate) {
        String tld = candidate.substring(candidate.lastIndexOf('.') + 1);
        return !candidate.startsWith("git@") && !UNIT_SUFFIXES.contains(tld);
    }

    private static boolean isBasicCredential(String token) {
        try {
            return new String(Base64.getDecoder().decode(token), StandardCharsets.ISO_8859_1).indexOf(':') > 0;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
