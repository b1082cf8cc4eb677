package dev.larkinbox.domain.view;

import dev.larkinbox.domain.validation.Text;

/**
 * A filter of the inbox a person keeps under a name, to come back to it with one click.
 *
 * @param owner  the person's id: their views are theirs alone
 * @param name   what the person called it, unique among their views
 * @param filter the inbox's filter as its link carries it ({@code status=open&priority=P1}): the inbox reads it
 */
public record SavedView(String owner, String name, String filter) {
    public static final int MAX_NAME_LENGTH = 60;
    public static final int MAX_FILTER_LENGTH = 1000;
    public static final int MAX_OWNER_LENGTH = 200;

    public SavedView {
        Text.requireNonBlank(owner, "owner");
        if (owner.length() > MAX_OWNER_LENGTH) {
            throw new IllegalArgumentException("owner must be at most " + MAX_OWNER_LENGTH + " characters");
        }
        Text.requireNonBlank(name, "name");
        if (name.length() > MAX_NAME_LENGTH || !name.strip().equals(name)
                || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("name must be at most " + MAX_NAME_LENGTH
                    + " characters, on one line, without surrounding spaces");
        }
        if (filter == null || filter.length() > MAX_FILTER_LENGTH) {
            throw new IllegalArgumentException("filter must be at most " + MAX_FILTER_LENGTH + " characters");
        }
    }
}
