package dev.larkinbox.inbound.web.access;

import dev.larkinbox.domain.admission.SignInWithLark;
import dev.larkinbox.inbound.web.Pages;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import java.util.Map;

/** The sign-in page offers "Sign in with Lark" wherever Lark sign-in is configured. */
@Singleton
@Requires(beans = SignInWithLark.class)
class LarkSignInControl implements ViewModelProcessor<Map<String, Object>> {
    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> page) {
        if (page.getView().filter("sign-in"::equals).isPresent()) {
            Pages.addTo(page, "larkSignIn", true);
        }
    }
}
