package dev.larkinbox.domain.revocation;

/** Which revocations to list; a null field matches everything. */
public record RevocationFilter(String appId, String versionId) {
    public static final RevocationFilter ALL = new RevocationFilter(null, null);
}
