package dev.larkinbox.app;

import dev.larkinbox.inbound.http.access.ApiConfig;
import dev.larkinbox.inbound.http.webhook.WebhookConfig;
import dev.larkinbox.inbound.web.access.WebConfig;
import dev.larkinbox.outbound.db.postgres.GroupCommitConfig;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.naming.NameUtils;
import io.micronaut.core.value.PropertyResolver;
import io.micronaut.context.exceptions.BeanInstantiationException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A bad setting stops the start with one line that names the property, its environment variable, what it may be
 * and what it was. Micronaut checks the configuration records' constraints when it binds them, but a value that
 * is not even of the property's type (a mode that is no mode, a duration that is no duration) it quietly
 * replaces by the default: that is checked here, from the records themselves, before anything starts.
 */
final class ConfigurationProblems {
    /** Every configuration record of the service. */
    private static final List<Class<?>> CONFIGURATION = List.of(LarkConfig.class, SyncConfig.class,
            RecoveryConfig.class, WebhookConfig.class, ApiConfig.class, GroupCommitConfig.class, NotifyConfig.class,
            PublicUrlConfig.class, WebConfig.class, ProblemsConfig.class);

    private static final Pattern VIOLATION = Pattern.compile("^\\s*([\\w.$]+)\\.(\\w+) - (.+)$", Pattern.MULTILINE);

    private ConfigurationProblems() {
    }

    /** @throws ConfigurationException for the first property whose value cannot be read as its type */
    static void requireReadable(PropertyResolver properties) {
        CONFIGURATION.forEach(record -> requireReadable(properties, prefix(record), record));
    }

    /**
     * Starts the context; a configuration record refused by its constraints becomes one line. Micronaut reports
     * such a refusal as a message only, one violation a line: {@code <record class>.<component> - <message>}.
     */
    static ApplicationContext started(ApplicationContextBuilder builder, PropertyResolver properties) {
        try {
            return builder.start();
        } catch (BeanInstantiationException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                Matcher violation = VIOLATION.matcher(String.valueOf(cause.getMessage()));
                if (violation.find()) {
                    String property = configured(violation.group(1)).map(c -> fullPrefix(c) + "."
                            + NameUtils.hyphenate(violation.group(2))).orElse(null);
                    if (property != null) {
                        throw new ConfigurationException(named(property) + " " + violation.group(3) + ", was '"
                                + properties.getProperty(property, String.class).orElse("") + "'");
                    }
                }
            }
            throw e;
        }
    }

    private static Optional<Class<?>> configured(String className) {
        return CONFIGURATION.stream().flatMap(c -> Stream.concat(Stream.of(c), Arrays.stream(c.getDeclaredClasses())))
                .filter(c -> c.getName().equals(className)).findFirst();
    }

    private static void requireReadable(PropertyResolver properties, String prefix, Class<?> record) {
        for (RecordComponent component : record.getRecordComponents()) {
            Class<?> type = component.getType();
            if (type.isAnnotationPresent(ConfigurationProperties.class)) {
                requireReadable(properties, prefix + "." + prefix(type), type);
                continue;
            }
            String property = prefix + "." + NameUtils.hyphenate(component.getName());
            Optional<String> raw = properties.getProperty(property, String.class);
            if (raw.isPresent() && type != String.class && properties.getProperty(property, boxed(type)).isEmpty()) {
                throw new ConfigurationException(named(property) + " must be " + expected(type) + ", was '"
                        + raw.get() + "'");
            }
        }
    }

    /** Such as {@code lark.mode (LARK_MODE)}. */
    private static String named(String property) {
        return property + " (" + property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT) + ")";
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        }
        if (type == Duration.class) {
            return "a duration such as 10s, 500ms or 2m";
        }
        if (type == int.class || type == Integer.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == URI.class) {
            return "a URL such as https://open.feishu.cn";
        }
        return "a " + type.getSimpleName();
    }

    private static Class<?> boxed(Class<?> type) {
        if (type == int.class) {
            return Integer.class;
        }
        return type == boolean.class ? Boolean.class : type;
    }

    private static String prefix(Class<?> record) {
        return record.getAnnotation(ConfigurationProperties.class).value();
    }

    /** A nested record's prefix is its own after its enclosing record's. */
    private static String fullPrefix(Class<?> record) {
        Class<?> outer = record.getEnclosingClass();
        return outer != null && outer.isAnnotationPresent(ConfigurationProperties.class)
                ? fullPrefix(outer) + "." + prefix(record) : prefix(record);
    }
}
