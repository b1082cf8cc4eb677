package dev.larkinbox.app;

import dev.larkinbox.domain.admission.AccessRules;
import dev.larkinbox.domain.admission.Admissions;
import dev.larkinbox.domain.admission.ChatMembers;
import dev.larkinbox.domain.admission.LarkSignInService;
import dev.larkinbox.domain.admission.SignInAttempts;
import dev.larkinbox.domain.admission.SignInWithLark;
import dev.larkinbox.domain.card.Clickers;
import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.platform.LarkUnavailableException;
import dev.larkinbox.inbound.web.access.Admission;
import dev.larkinbox.outbound.lark.LarkOpenApi;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * Signing in with Lark wherever {@code inbox.access.*} names anyone (the start is refused unless the app's
 * credentials and {@code inbox.public-url} are set too), and who may click cards: always by those rules, so that
 * where they name nobody no click works.
 */
@Factory
class LarkSignInWiring {
    /** How long a person has at Lark's page. */
    static final Duration ATTEMPT_LIFETIME = Duration.ofMinutes(10);
    /** A chat's member list is asked again after this: someone removed from the chat is out within a minute. */
    static final Duration MEMBERS_KEPT = Duration.ofMinutes(1);
    /** While Lark cannot be asked, the last list still answers this long. */
    static final Duration MEMBERS_STALE = Duration.ofMinutes(15);
    static final String CALLBACK = "/sign-in/lark/callback";

    /** Where some person is named by {@code inbox.access.*}. */
    static final class AccessConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return context.getBean(AccessConfig.class).namesAnyone()
                    && context.getBean(LarkConfig.class).hasCredentials();
        }
    }

    @Singleton
    @Requires(condition = AccessConfigured.class)
    SignInWithLark signInWithLark(SignInAttempts attempts, LarkOpenApi lark, LarkConfig config, People people,
                                  AccessConfig access, PublicUrlConfig links) {
        AccessRules rules = access.rules();
        return new LarkSignInService(attempts, lark.accounts(config.accountsDomain(), callback(links.publicUrl()),
                rules.chatId() != null), people, rules, ATTEMPT_LIFETIME, Clock.systemUTC());
    }

    @Singleton
    Admissions admissions(BeanProvider<LarkOpenApi> lark, People people, AccessConfig access) {
        // a chat is named only beside the app's credentials (else the start is refused): without them none is asked
        ChatMembers members = lark.isPresent() ? lark.get().chatMembers(MEMBERS_KEPT, MEMBERS_STALE)
                : (chatId, openId) -> {
                    throw new IllegalStateException("a chat is asked without the app's credentials");
                };
        return new Admissions(access.rules(), people, members);
    }

    /**
     * A renewed session is asked whether its person is still let in: someone removed from the chat is signed out
     * within a minute. While Lark cannot be asked (and the last member list is older than {@link #MEMBERS_STALE}),
     * people stay signed in rather than everyone being signed out by Lark's outage.
     */
    @Singleton
    @Requires(condition = AccessConfigured.class)
    Admission admission(Admissions admissions) {
        return person -> {
            try {
                return admissions.stillAdmitted(person);
            } catch (LarkUnavailableException e) {
                return true;
            }
        };
    }

    /** Card clicks fail closed: trying the inbox out, with nobody named, every click is refused. */
    @Singleton
    Clickers clickers(Admissions admissions) {
        return admissions::roleOf;
    }

    static URI callback(URI publicUrl) {
        String base = publicUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + CALLBACK);
    }
}
