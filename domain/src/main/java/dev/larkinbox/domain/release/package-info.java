/**
 * Releases: what an app's version brought while it was the app's newest (problems first seen, regressions) and the
 * feedback per day around it, for a page per version reached from the versions on the dashboard.
 */
package dev.larkinbox.domain.release;
