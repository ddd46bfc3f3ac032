package preflight.token;

/** What became of a request to create a token. */
public sealed interface TokenCreation {

    /** @param secret the token itself: shown once to its creator, never stored */
    record Created(ApiToken token, String secret) implements TokenCreation {
    }

    record NameTaken(String name) implements TokenCreation {
    }

    record InvalidName(String name) implements TokenCreation {
    }

    record NotAllowed() implements TokenCreation {
    }
}
