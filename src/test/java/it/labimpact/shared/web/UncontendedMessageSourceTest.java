package it.labimpact.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;

/** Messages read and formatted as Spring's bundle source does, each thread with its own formats. */
class UncontendedMessageSourceTest {

    private final MessageSource messages = new WebConfiguration().messageSource();

    @Test
    void formatsMessagesWithArgumentsInEachLanguageAndLeavesTheOthersAsTheyAre() {
        assertThat(messages.getMessage("network.member.search.more", new Object[] {20}, Locale.ITALIAN))
                .isEqualTo("Sono elencate solo le prime 20: scrivi una parte più lunga del nome.");
        assertThat(messages.getMessage("network.member.search.more", new Object[] {20}, Locale.ENGLISH))
                .isEqualTo("Only the first 20 are listed: type more of the name.");
        assertThat(messages.getMessage("coverage.conflict", new Object[] {"Crema"}, Locale.ITALIAN))
                .startsWith("Comuni già coperti da un'altra rete: Crema.");
        assertThat(messages.getMessage("member.organisation.required", null, Locale.ITALIAN))
                .isEqualTo("Scegli un'organizzazione.");
        assertThat(messages.getMessage("no.such.code", new Object[] {1}, "default {0}", Locale.ITALIAN))
                .isEqualTo("default 1");
        Assertions.assertThrows(NoSuchMessageException.class,
                () -> messages.getMessage("no.such.code", new Object[] {1}, Locale.ITALIAN));
    }

    @Test
    void threadsFormattingTheSameMessageGetTheirOwnAnswers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 2000; i++) {
                        String n = "n" + (thread * 10_000 + i);
                        boolean italian = i % 2 == 0;
                        String text = messages.getMessage("network.member.search.more", new Object[] {n},
                                italian ? Locale.ITALIAN : Locale.ENGLISH);
                        if (!text.equals(italian ? "Sono elencate solo le prime " + n + ": scrivi una parte più lunga"
                                + " del nome." : "Only the first " + n + " are listed: type more of the name.")) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
