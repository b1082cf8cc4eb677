package dev.larkinbox.domain.testing;

class InMemoryWorkflowTest extends WorkflowPortsContract {
    @Override
    protected WorkflowPorts emptyStore() {
        return WorkflowPorts.of(new InMemoryStore());
    }
}
