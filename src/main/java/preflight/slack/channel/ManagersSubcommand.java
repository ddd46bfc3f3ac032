package preflight.slack.channel;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import preflight.deployment.ChannelPeople;
import preflight.deployment.ChannelRole;
import preflight.deployment.ChannelRules;

@Component
@Order(40)
class ManagersSubcommand extends ChannelPeopleSubcommand {

    ManagersSubcommand(ChannelPeople people, ChannelRules rules) {
        super(people, rules, ChannelRole.MANAGER, "release managers");
    }

    @Override
    public String name() {
        return "managers";
    }

    @Override
    public String usage() {
        return "managers [@user @group…]` — who may ship and abort releases here (besides who started them), ship over a NO-GO, and change these rules";
    }
}
