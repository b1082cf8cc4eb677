package dev.larkinbox.domain.admission;

import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.person.Person;
import dev.larkinbox.domain.person.Role;
import dev.larkinbox.domain.platform.LarkRefusedException;
import dev.larkinbox.domain.platform.LarkUnavailableException;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether someone is let in now, asked without their token: when a session is renewed, and when a card is clicked.
 * The chat is asked through its member list, as the app sees it.
 */
public final class Admissions {
    private final AccessRules rules;
    private final People people;
    private final ChatMembers members;

    public Admissions(AccessRules rules, People people, ChatMembers members) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.people = Objects.requireNonNull(people, "people");
        this.members = Objects.requireNonNull(members, "members");
    }

    /**
     * Whether a signed-in person is let in still: removed from the chat (and not listed) means out.
     *
     * @throws LarkUnavailableException Lark could not be asked: the caller decides whether to wait
     */
    public boolean stillAdmitted(Person person) {
        return person.isApiToken() || decide(person.openId(), Optional.of(person.role())).role() != null;
    }

    /**
     * The role someone clicking a card has: the inbox's if it knows them (while they are let in), else the
     * default role of a chat member; empty for anyone else.
     *
     * @throws LarkUnavailableException Lark could not be asked
     */
    public Optional<Role> roleOf(String openId) {
        return decide(openId, people.find(openId).map(Person::role)).admitted();
    }

    private Admittance decide(String openId, Optional<Role> stored) {
        boolean inChat;
        try {
            inChat = !rules.letsInByName(openId) && rules.chatId() != null && members.isMember(rules.chatId(), openId);
        } catch (LarkRefusedException e) {
            inChat = false; // the app cannot see the chat: nobody is let in by it
        }
        return AdmissionPolicy.decide(rules, openId, stored, inChat);
    }
}
