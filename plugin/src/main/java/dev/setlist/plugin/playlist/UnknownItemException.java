package dev.setlist.plugin.playlist;

/** A request named an item the catalog does not have. */
public final class UnknownItemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String itemId;

    public UnknownItemException(String itemId) {
        super("no item with id " + itemId);
        this.itemId = itemId;
    }

    /** The id nobody has. */
    public String itemId() {
        return itemId;
    }
}
