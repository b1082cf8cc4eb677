package dev.larkinbox.app;

import dev.larkinbox.domain.reply.ResolutionNotice;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.util.Locale;

/**
 * Messages to the people who filed feedback: {@code inbox.reporter.*}.
 *
 * @param notifyOnResolve {@code inbox.reporter.notify-on-resolve}: a resolution tells the reporter, once
 * @param language        {@code inbox.reporter.language}: {@code zh} or {@code en}, what that notice is written in
 */
@ConfigurationProperties("inbox.reporter")
record ReporterConfig(@Bindable(defaultValue = "false") boolean notifyOnResolve,
                      @Bindable(defaultValue = "zh") @NotNull String language) {

    ReporterConfig {
        if (!language.equals("zh") && !language.equals("en")) {
            throw ConfigurationProblems.refused("inbox.reporter.language", "zh or en", language);
        }
    }

    /** Off without the app's credentials: no notice would ever leave. */
    ResolutionNotice notice(boolean larkCallable) {
        return new ResolutionNotice(notifyOnResolve && larkCallable,
                ResolutionNotice.Language.valueOf(language.toUpperCase(Locale.ROOT)));
    }
}
