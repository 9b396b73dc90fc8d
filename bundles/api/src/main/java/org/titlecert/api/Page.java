package org.titlecert.api;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items the items of this page
 * @param total how many items match in all
 * @param page  1-based page number
 * @param size  page size asked for
 */
public record Page<T>(List<T> items, long total, int page, int size) {

    public Page {
        items = List.copyOf(items);
    }

    public long pages() {
        return size == 0 ? 0 : (total + size - 1) / size;
    }
}
