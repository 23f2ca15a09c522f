package dev.setlist.plugin;

public final class Main {
    public static void main(String[] args) {
    }
}
