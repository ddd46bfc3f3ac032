package preflight.token;

import org.springframework.stereotype.Component;

import preflight.deployment.ChannelPeople;
import preflight.deployment.ChannelRole;

/** Who may create and revoke a channel's tokens. */
@Component
public class TokenPermissions {

    private final ChannelPeople people;

    TokenPermissions(ChannelPeople people) {
        this.people = people;
    }

    /**
     * The channel's release managers. DESIGN.md also names admins (and, with no managers, admins
     * only): this is the one place to add them once the admin model exists.
     */
    public boolean mayManageTokens(String channelId, String userId) {
        return people.includes(people.of(channelId, ChannelRole.MANAGER), userId);
    }
}
