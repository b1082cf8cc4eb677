package dev.larkinbox.domain.testing;

class InMemoryProblemsTest extends ProblemPortsContract {
    @Override
    protected ProblemPorts emptyStore() {
        return ProblemPorts.of(new InMemoryStore());
    }
}
