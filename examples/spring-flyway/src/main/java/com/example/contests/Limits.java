package com.example.contests;

/** Column sizes shared by entities and request validation. */
public final class Limits {
    public static final int NAME = 120;
    public static final int SLUG = 60;

    private Limits() {
    }
}
