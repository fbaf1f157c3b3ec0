package com.example.contests;

public enum ContestStatus {
    DRAFT, OPEN, CLOSED
}
