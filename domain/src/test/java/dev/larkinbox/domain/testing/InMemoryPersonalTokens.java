package dev.larkinbox.domain.testing;

import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.person.PersonalToken;
import dev.larkinbox.domain.person.PersonalTokens;
import dev.larkinbox.domain.person.Person;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** People's API tokens in memory, over the people of an {@link InMemoryPeople}. */
public class InMemoryPersonalTokens implements PersonalTokens {
    private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    private final People people;
    private final Map<String, PersonalToken> byHash = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    public InMemoryPersonalTokens(People people) {
        this.people = people;
    }

    @Override
    public PersonalToken create(String secretHash, String openId, String name, Instant at, Instant expiresAt) {
        var token = new PersonalToken(ids.incrementAndGet(), openId, name, at, null, expiresAt);
        byHash.put(secretHash, token);
        return token;
    }

    @Override
    public Optional<Person> use(String secretHash, Instant at) {
        PersonalToken token = byHash.get(secretHash);
        if (token == null || token.expiresAt() != null && !at.isBefore(token.expiresAt())) {
            return Optional.empty();
        }
        if (token.lastUsedAt() == null || !at.isBefore(token.lastUsedAt().plus(USE_RECORDED_EVERY))) {
            byHash.replace(secretHash, token, new PersonalToken(token.id(), token.openId(), token.name(),
                    token.createdAt(), at, token.expiresAt()));
        }
        return people.find(token.openId());
    }

    @Override
    public List<PersonalToken> of(String openId) {
        return byHash.values().stream().filter(t -> t.openId().equals(openId))
                .sorted(Comparator.comparing(PersonalToken::createdAt).thenComparing(PersonalToken::id).reversed())
                .toList();
    }

    @Override
    public boolean revoke(long id, String openId) {
        return byHash.entrySet().removeIf(e -> e.getValue().id() == id && e.getValue().openId().equals(openId));
    }
}
