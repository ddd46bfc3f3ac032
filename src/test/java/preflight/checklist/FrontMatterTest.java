package preflight.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

import preflight.testing.Templates;

class FrontMatterTest {

    private static final String DESIGN_EXAMPLE = """
            ---
            probes:
              - id: health                       # unique in the template
                http: https://api.example.com/health   # the kind is the key: http | tls | tcp | dns
                expect: {status: 200, max_ms: 500, headers: [Strict-Transport-Security], body_contains: ok}
                ticks: ["Health check endpoint"] # items it proves: item id, or the start of the item text
                method: GET
                timeout: 5s
              - id: cert
                tls: api.example.com:443
                expect: {min_days: 14}
                ticks: ["SSL/TLS certificates"]
              - id: database-port
                tcp: db.internal:5432
              - id: dns
                dns: api.example.com
            signoff:                             # role name → Slack user ids (U…) and user-group ids (S…)
              Tech Lead: [U01TECHLEAD]
              QA Lead: [S01QATEAM]
            oncall: [U01ONCALL]                  # users or groups nudged after shipping
            monitoring:
              window: 24h                        # overrides PREFLIGHT_MONITORING_WINDOW
              checkins: [1h, 4h]                 # optional earlier nudges
            owner: platform-team
            ---
            # API service
            ## Verification
            - [ ] **Health check endpoint** returns 200
            - [ ] `SSL/TLS certificates` valid for 14 days
            ## Sign-off
            | Role | Name | Date | Status |
            |---|---|---|---|
            | Tech Lead | | | |
            | DevOps | | | |
            """;

    private final ChecklistParser parser = Templates.parser();

    @Test
    void designExampleParsesIntoProbesSignoffOncallAndMonitoring() {
        Checklist checklist = parser.parse("api-service", DESIGN_EXAMPLE);

        assertThat(checklist.probes()).extracting(ProbeDefinition::id, ProbeDefinition::kind, ProbeDefinition::target,
                ProbeDefinition::ticks, ProbeDefinition::line).containsExactly(
                tuple("health", "http", "https://api.example.com/health", List.of("1"), 3),
                tuple("cert", "tls", "api.example.com:443", List.of("2"), 9),
                tuple("database-port", "tcp", "db.internal:5432", List.of(), 13),
                tuple("dns", "dns", "api.example.com", List.of(), 15));
        ProbeDefinition health = checklist.probes().getFirst();
        assertThat(health.expect()).containsExactly(
                Map.entry("status", 200),
                Map.entry("max_ms", 500),
                Map.entry("headers", List.of("Strict-Transport-Security")),
                Map.entry("body_contains", "ok"));
        assertThat(health.options()).containsExactly(Map.entry("method", "GET"), Map.entry("timeout", Duration.ofSeconds(5)));
        assertThat(checklist.probes().get(1).expect()).containsExactly(Map.entry("min_days", 14));
        assertThat(checklist.oncall()).containsExactly("U01ONCALL");
        assertThat(checklist.monitoring()).isEqualTo(new Monitoring(Duration.ofHours(24), List.of(Duration.ofHours(1), Duration.ofHours(4))));
    }

    @Test
    void signoffIdsAttachToMarkdownRolesAndAddMissingOnes() {
        Checklist checklist = parser.parse("api-service", DESIGN_EXAMPLE);

        assertThat(checklist.signoffRoles()).extracting(SignoffRole::name, SignoffRole::approvers, SignoffRole::line).containsExactly(
                tuple("Tech Lead", List.of("U01TECHLEAD"), 33),
                tuple("DevOps", List.of(), 34),
                tuple("QA Lead", List.of("S01QATEAM"), 19));
    }

    @Test
    void withoutFrontMatterTheAppDefaultsApply() {
        Checklist checklist = parser.parse("api", "# API\n- [ ] One\n");

        assertThat(checklist.probes()).isEmpty();
        assertThat(checklist.oncall()).isEmpty();
        assertThat(checklist.monitoring()).isEqualTo(new Monitoring(null, List.of()));
    }

    @Test
    void bodyLinesAreCountedFromTheTopOfTheFile() {
        Checklist checklist = parser.parse("api", withFrontMatter("oncall: [U1ONCALL]\n"));

        assertThat(checklist.items().getFirst().line()).isEqualTo(5);
    }

    @Test
    void expectAcceptsStatusClassesListsRedirectsAndAddresses() {
        Checklist checklist = parser.parse("api", withFrontMatter("""
                probes:
                  - id: home
                    http: http://example.com
                    expect: {status: 2xx, redirect: https}
                  - id: created
                    http: https://example.com/items
                    expect: {status: [200, 201], redirect: false}
                  - id: tls13
                    tls: "[::1]:8443"
                    expect: {min_protocol: TLSv1.3}
                  - id: resolve
                    dns: example.com.
                    expect: {address: [192.0.2.1, 192.0.2.2]}
                """));

        assertThat(checklist.probes()).extracting(ProbeDefinition::expect).containsExactly(
                Map.of("status", "2xx", "redirect", "https"),
                Map.of("status", List.of(200, 201), "redirect", false),
                Map.of("min_protocol", "TLSv1.3"),
                Map.of("address", List.of("192.0.2.1", "192.0.2.2")));
    }

    @Test
    void ticksResolveByIdOrTextPrefixIgnoringCaseAndMarkdown() {
        Checklist checklist = parser.parse("api", withFrontMatter("""
                probes:
                  - id: health
                    http: https://example.com/health
                    ticks: [certificates, "**health check**", cert-id]
                """).replace("- [ ] Certificates valid", "- [ ] Certificates valid {#cert-id}"));

        assertThat(checklist.probes().getFirst().ticks()).containsExactly("cert-id", "1");
    }

    @Test
    void slackMentionsAreAcceptedAsIds() {
        Checklist checklist = parser.parse("api", withFrontMatter("""
                signoff:
                  Tech Lead: "<@U01TECH|ann>"
                  Anyone:
                oncall: ["<!subteam^S01ONCALL|@oncall>", W01ENTERPRISE]
                """));

        assertThat(checklist.signoffRoles()).extracting(SignoffRole::name, SignoffRole::approvers)
                .containsExactly(tuple("Tech Lead", List.of("U01TECH")), tuple("Anyone", List.of()));
        assertThat(checklist.oncall()).containsExactly("S01ONCALL", "W01ENTERPRISE");
    }

    @Test
    void invalidYamlNamesTheLine() {
        assertParseFails("""
                probes:
                  - id: health
                    http: https://example.com
                   bad: indentation
                """, 5, "front matter is not valid YAML");
    }

    @Test
    void unclosedFrontMatterIsRejected() {
        assertThatThrownBy(() -> parser.parse("api", "---\noncall: [U1ONCALL]\n# T\n- [ ] One\n"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("api.md line 1: front matter starts with --- but is not closed by another --- line");
    }

    @Test
    void frontMatterMustBeAMapping() {
        assertParseFails("- just\n- a list\n", 2, "front matter must be a YAML mapping");
    }

    @Test
    void duplicateProbeIdIsRejected() {
        assertParseFails("""
                probes:
                  - id: health
                    http: https://example.com
                  - id: health
                    tcp: db:5432
                """, 5, "duplicate probe id 'health' (first defined at line 3)");
    }

    @Test
    void twoKindsInOneProbeAreRejected() {
        assertParseFails("""
                probes:
                  - id: health
                    http: https://example.com
                    tcp: example.com:443
                """, 5, "probe 'health' has more than one kind (http, tcp)");
    }

    @Test
    void probeWithoutTargetIsRejected() {
        assertThatThrownBy(() -> parser.parse("api-service", withFrontMatter("""
                probes:
                  - id: health
                    http:
                """)))
                .isInstanceOf(TemplateException.class)
                .hasMessage("api-service.md line 4: probe 'health' has no target");
        assertParseFails("""
                probes:
                  - id: health
                    expect: {status: 200}
                """, 3, "probe 'health' has no target: give one of http, tls, tcp, dns");
    }

    @Test
    void probeWithoutIdIsRejected() {
        assertParseFails("""
                probes:
                  - http: https://example.com
                """, 3, "probe has no id");
    }

    // What each kind accepts is the probe module's (ProbeKinds): the template names the kind's line.
    @Test
    void httpTargetMustBeAnHttpUrl() {
        assertParseFails("""
                probes:
                  - id: health
                    http: ftp://example.com/health
                """, 4, "probe 'health': target ftp://example.com/health is not an http(s):// URL");
        assertParseFails("""
                probes:
                  - id: health
                    http: example.com/health
                """, 4, "is not an http(s):// URL");
    }

    @Test
    void tcpAndTlsTargetsNeedAValidPort() {
        assertParseFails("""
                probes:
                  - id: db
                    tcp: db.internal:99999
                """, 4, "probe 'db': target db.internal:99999 has an invalid port");
        assertParseFails("""
                probes:
                  - id: db
                    tcp: db.internal
                """, 4, "probe 'db': target db.internal has no port; expected host:port");
        assertParseFails("""
                probes:
                  - id: cert
                    tls: api.example.com:0
                """, 4, "has an invalid port");
        assertThat(parser.parse("api", withFrontMatter("""
                probes:
                  - id: cert
                    tls: api.example.com
                """)).probes().getFirst().target()).as("TLS defaults to port 443").isEqualTo("api.example.com");
    }

    @Test
    void dnsTargetMustBeAHostname() {
        assertParseFails("""
                probes:
                  - id: dns
                    dns: https://api.example.com
                """, 4, "probe 'dns': target https://api.example.com is not a host name");
    }

    @Test
    void unknownExpectKeyIsRejected() {
        assertParseFails("""
                probes:
                  - id: cert
                    tls: api.example.com:443
                    expect:
                      status: 200
                """, 4, "probe 'cert': unknown expect key for tls status (allowed: min_days, min_protocol)");
    }

    @Test
    void expectValuesOfTheWrongTypeAreRejected() {
        assertParseFails("""
                probes:
                  - id: health
                    http: https://example.com
                    expect: {max_ms: fast}
                """, 4, "probe 'health': max_ms must be a whole number, not fast");
        assertParseFails("""
                probes:
                  - id: health
                    http: https://example.com
                    expect:
                      status: 700
                """, 4, "status 700 is not a status like 200");
        assertParseFails("""
                probes:
                  - id: health
                    http: https://example.com
                    expect: {status: ok}
                """, 4, "status ok is not a status like 200");
        assertParseFails("""
                probes:
                  - id: health
                    http: https://example.com
                    expect: {redirect: [a, b]}
                """, 4, "redirect must be true or the URL the Location must start with");
    }

    @Test
    void unresolvableTickIsRejected() {
        assertParseFails("""
                probes:
                  - id: health
                    http: https://example.com
                    ticks:
                      - Health check endpoint
                      - Database migrated
                """, 7, "probe 'health' ticks 'Database migrated', but no item has that id or starts with that text");
    }

    @Test
    void badDurationsAreRejected() {
        assertParseFails("""
                monitoring:
                  window: 24 hours
                """, 3, "monitoring.window: '24 hours' is not a duration");
        assertParseFails("""
                monitoring:
                  window: 24h
                  checkins: [1h, 3600]
                """, 4, "monitoring.checkins: '3600' is not a duration");
        assertParseFails("""
                probes:
                  - id: health
                    http: https://example.com
                    timeout: soon
                """, 5, "probe 'health': timeout: 'soon' is not a duration");
    }

    @Test
    void isoDurationsAreAccepted() {
        Checklist checklist = parser.parse("api", withFrontMatter("monitoring:\n  window: PT36H\n  checkins: 90m\n"));

        assertThat(checklist.monitoring()).isEqualTo(new Monitoring(Duration.ofHours(36), List.of(Duration.ofMinutes(90))));
    }

    @Test
    void badSlackIdsAreRejected() {
        assertParseFails("""
                signoff:
                  Tech Lead: [U01TECHLEAD, alice]
                """, 3, "signoff 'Tech Lead': 'alice' is not a Slack user id (U…/W…) or user-group id (S…)");
        assertParseFails("""
                oncall:
                  - "@oncall"
                """, 3, "oncall: '@oncall' is not a Slack user id");
    }

    @Test
    void unknownTopLevelKeysAreIgnored() {
        Checklist checklist = parser.parse("api", withFrontMatter("owner: platform\nnotes: {anything: [1, 2]}\n"));

        assertThat(checklist.items()).hasSize(2);
    }

    /** YAML line n ends up on file line n + 1, after the opening ---. */
    private static String withFrontMatter(String yaml) {
        return "---\n" + yaml + "---\n# T\n- [ ] Health check endpoint\n- [ ] Certificates valid\n";
    }

    private AbstractThrowableAssert<?, ?> assertParseFails(String yaml, int line, String problem) {
        return assertThatThrownBy(() -> parser.parse("api", withFrontMatter(yaml)))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.problem()).contains(problem);
                    assertThat(e.line()).as("line of: %s", e.getMessage()).isEqualTo(line);
                    assertThat(e.template()).isEqualTo("api.md");
                });
    }
}
