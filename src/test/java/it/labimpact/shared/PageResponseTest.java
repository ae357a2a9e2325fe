package it.labimpact.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A list's total counted up to a limit: exact below it, "more than" beyond, and the next page always found. */
class PageResponseTest {

    @Test
    void belowTheLimitTheTotalIsExact() {
        PageResponse<String> p = PageResponse.counted(List.of("a"), new PageRequest(0, 25), 26);
        assertThat(p.total()).isEqualTo(26);
        assertThat(p.totalExact()).isTrue();
        assertThat(p.hasNext()).isTrue();
        assertThat(PageResponse.counted(List.of("a"), new PageRequest(1, 25), 26).hasNext()).isFalse();
    }

    @Test
    void beyondTheLimitTheTotalIsALowerBoundAndThereIsANextPage() {
        PageRequest first = new PageRequest(0, 25);
        assertThat(PageResponse.countUpTo(first)).isEqualTo(10_001);
        PageResponse<String> p = PageResponse.counted(List.of("a"), first, 10_001);
        assertThat(p.total()).isEqualTo(10_000);
        assertThat(p.totalExact()).isFalse();
        assertThat(p.hasNext()).isTrue();
        assertThat(PageResponse.counted(List.of("a"), first, 10_000).totalExact()).isTrue();
    }

    @Test
    void aPageBeyondTheLimitCountsToItsEndPlusOne() {
        // page 400 of 25 ends at item 10,025: counted up to 10,026, enough to say whether page 401 exists
        PageRequest far = new PageRequest(400, 25);
        assertThat(PageResponse.countUpTo(far)).isEqualTo(10_026);
        PageResponse<String> last = PageResponse.counted(List.of("a"), far, 10_020);
        assertThat(last.totalExact()).isTrue();
        assertThat(last.hasNext()).isFalse();
        PageResponse<String> more = PageResponse.counted(List.of("a"), far, 10_026);
        assertThat(more.totalExact()).isFalse();
        assertThat(more.total()).isEqualTo(10_025);
        assertThat(more.hasNext()).isTrue();
    }

    @Test
    void aShortPageIsTheLastAndIsNotCounted() {
        java.util.concurrent.atomic.AtomicInteger counts = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.LongSupplier count = () -> {
            counts.incrementAndGet();
            return 60;
        };
        PageResponse<String> third = PageResponse.counted(List.of("a", "b"), new PageRequest(2, 25), count);
        assertThat(third.total()).isEqualTo(52);
        assertThat(third.totalExact()).isTrue();
        assertThat(third.hasNext()).isFalse();
        PageResponse<String> none = PageResponse.counted(List.<String>of(), new PageRequest(0, 25), count);
        assertThat(none.total()).isZero();
        assertThat(counts).hasValue(0);

        // a full page, or an empty page beyond the end, does not tell the total: counted
        assertThat(PageResponse.counted(List.of("a"), new PageRequest(0, 1), count).total()).isEqualTo(60);
        assertThat(PageResponse.counted(List.<String>of(), new PageRequest(9, 25), count).total()).isEqualTo(60);
        assertThat(counts).hasValue(2);
    }
}
