package preflight.slack.channel;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import preflight.deployment.ChannelPeople;
import preflight.deployment.ChannelRole;
import preflight.deployment.ChannelRules;

@Component
@Order(41)
class OncallSubcommand extends ChannelPeopleSubcommand {

    OncallSubcommand(ChannelPeople people, ChannelRules rules) {
        super(people, rules, ChannelRole.ONCALL, "on-call");
    }

    @Override
    public String name() {
        return "oncall";
    }

    @Override
    public String usage() {
        return "oncall [@user|@group…]` — who is nudged to confirm a shipped release is healthy";
    }
}
