-- A feedback keeps the first fault kinds and images up to a cap (see Feedback.MAX_FAULT_KINDS); how many were left
-- out is counted in the row, so that the inbox can say so. The raw event keeps them all.
ALTER TABLE feedback
    ADD COLUMN omitted_fault_types integer NOT NULL DEFAULT 0 CHECK (omitted_fault_types >= 0),
    ADD COLUMN omitted_images      integer NOT NULL DEFAULT 0 CHECK (omitted_images >= 0);
