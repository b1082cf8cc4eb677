/** Sign-ins with Lark under way, in PostgreSQL: shared by every instance, each taken once. */
package dev.larkinbox.outbound.db.signin;
