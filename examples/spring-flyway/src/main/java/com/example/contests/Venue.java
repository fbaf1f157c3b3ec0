package com.example.contests;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Where a contest takes place; stored in the contest's own table. */
@Embeddable
public class Venue {
    @Column(length = Limits.NAME)
    private String city;

    @Column(length = 2)
    private String country;
}
