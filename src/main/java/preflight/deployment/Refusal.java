package preflight.deployment;

/**
 * Why a person may not do something now. Features say which rule stopped them; the words a
 * person reads are written by whoever shows the refusal.
 */
public sealed interface Refusal {

    /** Only the starter of the release or a channel manager may take this step. */
    record NotManager(Release release, Step step) implements Refusal {
    }

    /** Only on-call, the starter or a channel manager may take this step. */
    record NotOnCall(Release release, Step step) implements Refusal {
    }

    /** Shipping over a NO-GO is for a channel manager or an admin, whoever started the release. */
    record NotOverrider(Release release) implements Refusal {
    }

    /** The step does not apply in the release's current state (e.g. shipping twice). */
    record WrongState(Release release, Step step) implements Refusal {
    }

    /**
     * Only admins and the channel's managers may change the channel's rules.
     *
     * @param managersNamed false when the channel has no managers yet: then only admins may
     */
    record NotAdministrator(String channelId, boolean managersNamed) implements Refusal {
    }

    /** The channel already has as many active releases as it may. */
    record TooManyActive(String channelId, int limit) implements Refusal {
    }

    enum Step {
        SHIP, ABORT, COMPLETE, ROLL_BACK, SNOOZE
    }
}
