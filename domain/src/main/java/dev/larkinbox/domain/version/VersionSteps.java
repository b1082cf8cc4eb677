package dev.larkinbox.domain.version;

import dev.larkinbox.domain.event.Delivery;

/** Outgoing port: where versions' applications and reviews are stored. */
public interface VersionSteps {

    /**
     * Stores the step and its ledger entry in one transaction. An event id seen before (of any type) stores
     * nothing and is a {@link Delivery#DUPLICATE}, also when two deliveries race.
     *
     * @throws dev.larkinbox.domain.event.StorageUnavailableException when nothing could be committed
     * @throws dev.larkinbox.domain.event.UnstorableEventException     when the store refuses the step's values
     */
    Delivery append(RecordVersionStepCommand command);
}
