package preflight.token;

public enum TokenRevocation {
    REVOKED, UNKNOWN, NOT_ALLOWED
}
