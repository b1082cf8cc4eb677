package dev.larkinbox.domain.paging;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** A paged list read whole, one page in memory at a time. */
public final class Pages {
    private Pages() {
    }

    /**
     * Every item of the list, each page read when the one before is used up.
     *
     * @param size  how many items a page holds
     * @param pages reads the page a request names
     */
    public static <T> Stream<T> all(int size, Function<PageRequest, Page<T>> pages) {
        Iterator<T> items = new Iterator<>() {
            private List<T> page = List.of();
            private int at;
            private String cursor;
            private boolean last;

            @Override
            public boolean hasNext() {
                while (at == page.size() && !last) {
                    Page<T> next = pages.apply(new PageRequest(size, cursor));
                    page = next.items();
                    at = 0;
                    cursor = next.nextCursor();
                    last = cursor == null;
                }
                return at < page.size();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.get(at++);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED), false);
    }
}
