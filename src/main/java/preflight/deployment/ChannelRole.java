package preflight.deployment;

public enum ChannelRole {
    /** May ship and abort any release of the channel, besides the person who started it. */
    MANAGER,
    /** Nudged after a release ships; may complete or roll it back. */
    ONCALL
}
