package org.titlecert.api;

/**
 * A validated page request: 1-based page, bounded size.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public PageRequest {
        if (page < 1) {
            throw TitleCertException.invalid("INVALID_PAGE", "页码必须从 1 开始");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw TitleCertException.invalid("INVALID_PAGE_SIZE", "每页条数必须在 1 到 " + MAX_SIZE + " 之间");
        }
    }

    /** Defaults for absent parameters. */
    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 1 : page, size == null ? DEFAULT_SIZE : size);
    }

    public int offset() {
        return (page - 1) * size;
    }
}
