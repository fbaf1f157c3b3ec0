package com.example.contests;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Index;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;

import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "contest", indexes = @Index(name = "idx_contest_slug", columnList = "slug", unique = true))
public class Contest extends BaseEntity {
    @NotBlank
    @Column(nullable = false, length = Limits.NAME)
    private String title;

    @Column(nullable = false, length = Limits.SLUG)
    private String slug;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ContestStatus status = ContestStatus.DRAFT;

    @Embedded
    private Venue venue;

    @OneToMany(mappedBy = "contest")
    private List<Team> teams = new ArrayList<>();

    /** Display name used in e-mails; derived, never stored. */
    public String displayName() {
        return title + " (" + slug + ")";
    }
}
