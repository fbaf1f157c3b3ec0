package com.example.teams;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Player {
    @Id
    private Long id;

    private String handle;

    @ManyToOne
    private Team team;
}
