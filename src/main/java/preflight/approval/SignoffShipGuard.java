package preflight.approval;

import java.util.List;

import org.springframework.stereotype.Component;

import preflight.deployment.Missing;
import preflight.deployment.Release;
import preflight.deployment.ShipGuard;

/** Holds a release back while its verdict is NO-GO: what it lists is what shipping would override. */
@Component
class SignoffShipGuard implements ShipGuard {

    private final SignoffService signoffs;

    SignoffShipGuard(SignoffService signoffs) {
        this.signoffs = signoffs;
    }

    @Override
    public List<Missing> missing(Release deployment) {
        return signoffs.verdict(deployment).missing();
    }
}
