/**
 * The web inbox: server-rendered pages (Thymeleaf) over the domain's use cases, signed in with the API token.
 *
 * <h2>Texts: Chinese and English</h2>
 * Every text a page shows is in a message bundle, in both languages, never in a template or in Java:
 * <ul>
 *   <li>The existing pages' texts are in {@code i18n/messages_en.properties} and
 *       {@code i18n/messages_zh_CN.properties} (UTF-8). A feature adds its own pair,
 *       {@code i18n/<feature>_en.properties} and {@code i18n/<feature>_zh_CN.properties}, its keys prefixed
 *       {@code <feature>.}, registered with one line in {@link dev.larkinbox.inbound.web.language.Bundles#NAMES}.
 *       Templates resolve {@code #{key}} and {@code #{key(${arg})}} through them ({@code {0}}, {@code {1}} in the
 *       text).</li>
 *   <li>Java says a text through the page's {@link dev.larkinbox.inbound.web.language.Reader}:
 *       {@code Reader.of(request).text(key, args...)}. A value the API names in English (a status, a priority, a
 *       category, a fault kind) stays its label in the model; the template says it as {@code #{'status.' + ${s}}}.</li>
 *   <li>{@code BundlesTest} fails on a key missing in either language of any bundle in {@code i18n/}, and on a key a
 *       template or the Java side's {@code text(key)} asks for that no bundle has; a template making keys of a new
 *       prefix ({@code #{'prefix.' + ...}}) lists the values it stands for there.</li>
 *   <li>The language: the signed-in person's choice ({@code person_preferences}), else the {@code inbox_lang} cookie
 *       ({@code zh-CN} or {@code en}) the switch on every page sets ({@code POST /language}), else the browser's
 *       {@code Accept-Language} ({@code zh}, {@code zh-CN}, {@code zh-Hans} read Chinese; anything else English).
 *       Every page's model carries {@code reader} and {@code here} ({@link dev.larkinbox.inbound.web.Pages#model} or,
 *       without a session, {@link dev.larkinbox.inbound.web.Pages#shared});
 *       {@code <html th:lang="${reader.lang()}">}.</li>
 * </ul>
 *
 * <h2>Times: the reader's clock</h2>
 * A model carries an {@link java.time.Instant}, never a formatted time; the template shows it with
 * {@code <time th:replace="~{fragments :: when(${instant})}"></time>}: "3 hours ago" / "3 小时前", with the exact time
 * in the reader's zone, zone named, on hover. Java that must write a time in a text uses {@code reader.exact(instant)},
 * and a zone-less time from Lark {@code reader.asSent(localDateTime)}. The zone: the person's choice on
 * {@code /preferences}, else the {@code inbox_zone} cookie that {@code web-assets/zone.js} sets from the browser, else
 * {@code Asia/Shanghai}.
 */
package dev.larkinbox.inbound.web;
