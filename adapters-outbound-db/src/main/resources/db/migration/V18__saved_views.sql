-- The inbox's filters each person keeps under a name ("Save view"), shown with their counts beside the inbox.
-- The owner is the person's id as the web inbox knows them; the filter is the inbox's query string, read by the
-- inbox as a link would be, so a view needs no change here when the inbox learns a new filter.
CREATE TABLE saved_view (
    owner      text COLLATE "C" NOT NULL,
    name       text             NOT NULL,
    filter     text             NOT NULL,
    saved_at   timestamptz      NOT NULL,
    PRIMARY KEY (owner, name)
);
