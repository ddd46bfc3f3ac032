package preflight.deployment;

/** The insert of a new release, as one statement of its own rather than through the aggregate mapping. */
interface ReleaseStarts {

    /** @return the release as stored: with its id, first revision and template digest */
    Release insertStarted(Release started);
}
