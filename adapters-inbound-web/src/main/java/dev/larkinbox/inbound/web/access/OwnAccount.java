package dev.larkinbox.inbound.web.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A form where a person looks after their own account (signing out, their API tokens, their sessions): every role
 * may post it, viewers too. Every other form needs a role that works feedback ({@link SignedIn}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface OwnAccount {
}
