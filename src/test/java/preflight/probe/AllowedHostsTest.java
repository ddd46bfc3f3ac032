package preflight.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class AllowedHostsTest {

    @Test
    void emptyListAllowsAnyHost() {
        assertThat(new AllowedHosts(List.of()).permits("anything.example")).isTrue();
    }

    @Test
    void exactAndWildcardEntries() {
        AllowedHosts allowed = new AllowedHosts(List.of("status.example.org", "*.example.com", "::1"));

        assertThat(allowed.permits("status.example.org")).isTrue();
        assertThat(allowed.permits("STATUS.example.org.")).isTrue();
        assertThat(allowed.permits("api.example.com")).isTrue();
        assertThat(allowed.permits("a.b.example.com")).isTrue();
        assertThat(allowed.permits("[::1]")).isTrue();
        assertThat(allowed.permits("example.com")).isFalse();
        assertThat(allowed.permits("evil-example.com")).isFalse();
        assertThat(allowed.permits("api.example.com.evil.net")).isFalse();
        assertThat(allowed.permits("other.example.org")).isFalse();
        assertThat(allowed.permits(null)).isFalse();
    }
}
