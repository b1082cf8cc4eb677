package dev.larkinbox.app;

import dev.larkinbox.inbound.http.access.ApiConfig;
import dev.larkinbox.inbound.http.webhook.WebhookConfig;
import dev.larkinbox.inbound.lark.LarkMode;
import dev.larkinbox.inbound.web.access.WebConfig;
import dev.larkinbox.outbound.db.postgres.GroupCommitConfig;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.DefaultApplicationContext;
import io.micronaut.context.DefaultApplicationContextBuilder;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.naming.NameUtils;
import io.micronaut.core.value.PropertyResolver;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A bad setting stops the start with one line that names the property, its environment variable, what it may be
 * and what it was, before anything starts (the embedded PostgreSQL, the server, a job). Micronaut quietly replaces
 * a value that is not even of its property's type (a mode that is no mode, a duration that is no duration) by the
 * default: that is checked here from the records themselves. Then each record is bound and checked (its
 * constraints, and its constructor's rules, such as what a mode needs) in a context that creates nothing else.
 */
final class ConfigurationProblems {
    /** Every configuration record of the service. */
    private static final List<Class<?>> CONFIGURATION = List.of(LarkConfig.class, SyncConfig.class,
            RecoveryConfig.class, WebhookConfig.class, ApiConfig.class, GroupCommitConfig.class, NotifyConfig.class,
            PublicUrlConfig.class, WebConfig.class, ProblemsConfig.class, LogConfig.class, ReporterConfig.class,
            ImagesConfig.class, AccessConfig.class);

    /** README's settings that are Micronaut's own, no record's: only a value of the wrong type is theirs to refuse. */
    private static final Map<String, Class<?>> MICRONAUT_SETTINGS = Map.of("micronaut.server.port", int.class,
            "endpoints.all.port", int.class);

    /** The words Micronaut reads as true, and their opposites. */
    private static final Set<String> BOOLEANS = Set.of("true", "false", "yes", "no", "on", "off");

    private static final Pattern VIOLATION = Pattern.compile("^\\s*([\\w.$]+)\\.(\\w+) - (.+)$", Pattern.MULTILINE);

    private ConfigurationProblems() {
    }

    /**
     * Reads every setting as the service's context will, and checks it.
     *
     * @param properties configuration that overrides files and environment, as tests set it
     * @throws ConfigurationException naming the first setting that is not what its property allows
     */
    static void requireValid(Map<String, Object> properties, String... args) {
        try (ApplicationContext configuration = new ConfigurationOnly().args(args).properties(properties).start()) {
            Environment env = configuration.getEnvironment();
            MICRONAUT_SETTINGS.forEach((property, type) -> requireValueReadable(env, property, type));
            CONFIGURATION.forEach(record -> requireReadable(env, prefix(record), record));
            for (Class<?> record : CONFIGURATION) {
                try {
                    configuration.getBean(record);
                } catch (RuntimeException e) {
                    throw oneLine(record, e, env);
                }
            }
            AccessConfig.requireSignInReachable(configuration.getBean(AccessConfig.class),
                    configuration.getBean(LarkConfig.class), configuration.getBean(PublicUrlConfig.class));
        }
    }

    /** For a record's constructor: the line for a value it refuses. */
    static ConfigurationException refused(String property, String allowed, Object was) {
        String value = was instanceof Duration duration ? duration.toString().substring(2).toLowerCase(Locale.ROOT)
                : String.valueOf(was);
        return new ConfigurationException(named(property) + " must be " + allowed + ", was '" + value + "'");
    }

    /** For a record's constructor: a job's interval (the scheduler takes no other). */
    static void requirePositive(String property, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw refused(property, "longer than 0s", interval);
        }
    }

    /** For a record's constructor: a delay or a lag, where zero means none. */
    static void requireNotNegative(String property, Duration duration) {
        if (duration.isNegative()) {
            throw refused(property, "0s or longer", duration);
        }
    }

    /**
     * A record's constructor says its refusal in one line already; Micronaut reports a constraint's refusal as a
     * message only, one violation a line: {@code <record class>.<component> - <message>}. Anything else is named
     * by the record's properties and the innermost cause's message.
     */
    private static ConfigurationException oneLine(Class<?> record, RuntimeException e, PropertyResolver properties) {
        Throwable innermost = e;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            innermost = cause;
            if (cause instanceof ConfigurationException refused) {
                return refused;
            }
            Matcher violation = VIOLATION.matcher(String.valueOf(cause.getMessage()));
            if (violation.find()) {
                String property = configured(violation.group(1)).map(c -> fullPrefix(c) + "."
                        + NameUtils.hyphenate(violation.group(2))).orElse(null);
                if (property != null) {
                    return new ConfigurationException(named(property) + " " + violation.group(3) + ", was '"
                            + properties.getProperty(property, String.class).orElse("") + "'");
                }
            }
        }
        String message = String.valueOf(innermost.getMessage()).lines().findFirst().orElse("");
        return new ConfigurationException(named(prefix(record) + ".*") + " refused: "
                + innermost.getClass().getSimpleName() + ": " + message, e);
    }

    /**
     * Binds configuration and creates nothing else: the context's eager beans (the database, the long connection,
     * the jobs) are what it must not start, so their initialisation is left out.
     */
    private static final class ConfigurationOnly extends DefaultApplicationContextBuilder {
        @Override
        protected ApplicationContext newApplicationContext() {
            return new DefaultApplicationContext(this) {
                @Override
                @SuppressWarnings("rawtypes") // its element type is package-private to Micronaut
                protected void initializeContext(List contextScopeBeans, List processedBeans, List parallelBeans) {
                    // no @Context bean, no executable-method processing (@Scheduled), no parallel bean
                }
            };
        }
    }

    private static Optional<Class<?>> configured(String className) {
        return CONFIGURATION.stream().flatMap(c -> Stream.concat(Stream.of(c), Arrays.stream(c.getDeclaredClasses())))
                .filter(c -> c.getName().equals(className)).findFirst();
    }

    /** A value Micronaut cannot read as its property's type it would replace by the default: refused here. */
    private static void requireReadable(PropertyResolver properties, String prefix, Class<?> record) {
        for (RecordComponent component : record.getRecordComponents()) {
            Class<?> type = component.getType();
            if (type.isAnnotationPresent(ConfigurationProperties.class)) {
                requireReadable(properties, prefix + "." + prefix(type), type);
                continue;
            }
            requireValueReadable(properties, prefix + "." + NameUtils.hyphenate(component.getName()), type);
        }
    }

    private static void requireValueReadable(PropertyResolver properties, String property, Class<?> type) {
        Optional<String> raw = properties.getProperty(property, String.class);
        if (raw.isPresent() && type != String.class && !readable(properties, property, type, raw.get())) {
            throw new ConfigurationException(named(property) + " must be " + expected(type) + ", was '"
                    + raw.get() + "'");
        }
    }

    private static boolean readable(PropertyResolver properties, String property, Class<?> type, String raw) {
        if (type == boolean.class || type == Boolean.class) {
            // Micronaut reads any word it does not know as false
            return BOOLEANS.contains(raw.strip().toLowerCase(Locale.ROOT));
        }
        return properties.getProperty(property, boxed(type)).isPresent();
    }

    /** Such as {@code lark.mode (LARK_MODE)}. */
    private static String named(String property) {
        return property + " (" + property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT) + ")";
    }

    private static String expected(Class<?> type) {
        if (type == LarkMode.class) {
            return "one of " + Arrays.stream(LarkMode.values()).map(LarkMode::label).collect(Collectors.joining(", "));
        }
        if (type.isEnum()) { // as README writes them, such as the priorities P1 to P4
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
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
