package dev.larkinbox.domain.testing;

class InMemoryVersionTest extends VersionPortsContract {
    @Override
    protected VersionPorts emptyStore() {
        return VersionPorts.of(new InMemoryStore());
    }
}
