package org.titlecert.template;

/** A rectangle on a page, in PDF points from the page's lower left corner; pages count from 0. */
public record Area(int page, float x, float y, float width, float height) {

    public boolean overlaps(Area other) {
        return page == other.page && x < other.x + other.width && other.x < x + width
                && y < other.y + other.height && other.y < y + height;
    }
}
