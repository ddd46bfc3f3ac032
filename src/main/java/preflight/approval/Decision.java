package preflight.approval;

public enum Decision {
    APPROVED("SIGNOFF_APPROVED"),
    REJECTED("SIGNOFF_REJECTED");

    static final String WITHDRAWN_EVENT = "SIGNOFF_WITHDRAWN";

    private final String auditType;

    Decision(String auditType) {
        this.auditType = auditType;
    }

    public String auditType() {
        return auditType;
    }
}
