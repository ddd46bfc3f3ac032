package preflight.slack.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import com.slack.api.RequestConfigurator;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;

import org.junit.jupiter.api.Test;

import preflight.approval.ApprovalSettings;
import preflight.deployment.GroupMembers;

class SlackGroupMembersTest {

    private final MethodsClient slack = mock(MethodsClient.class);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final SlackGroupMembers members = new SlackGroupMembers(slack,
            new ApprovalSettings(false, Duration.ofSeconds(60)), clock);

    @Test
    void membersAreCachedForTheConfiguredTime() throws Exception {
        given(slack.usergroupsUsersList(any(RequestConfigurator.class)))
                .willReturn(answer("U0DANA"), answer("U0DANA", "U0EVE"));

        assertThat(members.of("S0QA")).contains(Set.of("U0DANA"));
        clock.advance(Duration.ofSeconds(59));
        assertThat(members.of("S0QA")).contains(Set.of("U0DANA"));
        clock.advance(Duration.ofSeconds(1));
        assertThat(members.of("S0QA")).contains(Set.of("U0DANA", "U0EVE"));
        then(slack).should(times(2)).usergroupsUsersList(any(RequestConfigurator.class));
    }

    @Test
    void aFailedLookupIsEmptyAndNotCached() throws Exception {
        var refused = new UsergroupsUsersListResponse();
        refused.setOk(false);
        refused.setError("missing_scope");
        given(slack.usergroupsUsersList(any(RequestConfigurator.class)))
                .willReturn(refused)
                .willThrow(new IOException("connection reset"))
                .willReturn(answer("U0DANA"));

        assertThat(members.of("S0QA")).isEmpty();
        assertThat(members.of("S0QA")).isEmpty();
        assertThat(members.of("S0QA")).contains(Set.of("U0DANA"));
    }

    private static UsergroupsUsersListResponse answer(String... users) {
        var response = new UsergroupsUsersListResponse();
        response.setOk(true);
        response.setUsers(List.of(users));
        return response;
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
