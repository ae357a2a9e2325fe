package it.labimpact.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Uploaded files held in memory: a bounded number, the oldest dropped first. */
class HeldFilesTest {

    @Test
    void keepsAtMostTheLatestFiles() {
        HeldFiles files = new HeldFiles(new ImportSettings(1000, 10, 60));
        for (long job = 1; job <= HeldFiles.MAX_HELD + 3; job++) {
            files.hold(job, new HeldFiles.Upload(new byte[] {(byte) job}, 1, 1));
        }

        assertThat(files.get(1)).isEmpty();
        assertThat(files.get(3)).isEmpty();
        assertThat(files.get(4)).isPresent();
        assertThat(files.get(HeldFiles.MAX_HELD + 3)).get().extracting(u -> u.bytes()[0])
                .isEqualTo((byte) (HeldFiles.MAX_HELD + 3));
    }
}
