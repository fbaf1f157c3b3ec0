package dev.migrationguard.jpa;

import dev.migrationguard.model.ReadResult;
import dev.migrationguard.model.schema.Column;
import dev.migrationguard.model.schema.Dialect;
import dev.migrationguard.model.schema.ForeignKey;
import dev.migrationguard.model.schema.PhysicalDiff;
import dev.migrationguard.model.schema.PhysicalSchema;
import dev.migrationguard.model.schema.Table;
import dev.migrationguard.testing.MemorySnapshot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@link JpaEntityReader#tables} makes of each kind of mapping: the tables {@code CREATE TABLE} would say. */
class JpaTablesTest {
    private static final String OWNER = """
            package com.example;

            import jakarta.persistence.*;
            import java.util.Set;

            @Entity
            @Table(name = "owners", schema = "crm",
                   indexes = @Index(name = "idx_owner_email", columnList = "email", unique = true),
                   uniqueConstraints = @UniqueConstraint(columnNames = {"firstName", "lastName"}))
            @SecondaryTable(name = "owner_details")
            public class Owner {
                @Id
                @GeneratedValue(strategy = GenerationType.IDENTITY)
                private Long id;

                private String email;
                private String firstName;
                private String lastName;

                @Embedded
                @AttributeOverride(name = "street", column = @Column(name = "home_street", length = 100))
                private Address address;

                @ElementCollection
                private Set<String> nickNames;

                @ManyToMany
                private Set<Tag> tags;

                @OneToMany(mappedBy = "owner")
                private Set<Pet> pets;

                @Version
                private int version;

                @Enumerated(EnumType.STRING)
                private Status status;

                @Column(table = "owner_details", columnDefinition = "text")
                private String bio;

                @Transient
                private String display;
            }
            """;
    private static final String ADDRESS = """
            package com.example;
            import jakarta.persistence.*;
            @Embeddable
            public class Address {
                private String street;
                private String city;
            }
            """;
    private static final String STATUS = "package com.example;\npublic enum Status { ACTIVE, GONE }\n";
    private static final String TAG = """
            package com.example;
            import jakarta.persistence.*;
            @Entity
            public class Tag {
                @Id
                private Integer id;
            }
            """;
    private static final String PET = """
            package com.example;
            import jakarta.persistence.*;
            import java.util.UUID;
            @Entity
            public class Pet {
                @Id
                private UUID id;

                @ManyToOne(optional = false)
                private Owner owner;

                @OneToOne
                @JoinColumn(name = "chip")
                private Tag chipTag;
            }
            """;
    private static final String VEHICLE = """
            package com.example;
            import jakarta.persistence.*;
            @Entity
            @Inheritance
            public class Vehicle {
                @Id
                private Long id;
            }
            """;
    private static final String TRUCK = """
            package com.example;
            import jakarta.persistence.*;
            @Entity
            public class Truck extends Vehicle {
                private int payload;
            }
            """;
    private static final String ACCOUNT = """
            package com.example;
            import jakarta.persistence.*;
            @Entity
            @Inheritance(strategy = InheritanceType.JOINED)
            public class Account {
                @Id
                @Column(name = "account_no")
                private String number;
            }
            """;
    private static final String SAVINGS = """
            package com.example;
            import jakarta.persistence.*;
            @Entity
            public class Savings extends Account {
                private java.math.BigDecimal rate;
            }
            """;
    private static final String LEGACY = """
            package com.example;
            import javax.persistence.*;
            import java.time.Instant;
            @Entity
            public class LegacyEvent {
                @Id
                private Long id;
                private Instant at;
                private Double amount;
            }
            """;

    /** An entity of a Hibernate 5 ({@code javax}) or 6 ({@code jakarta}) project, with fields the two type otherwise. */
    private static String event(String persistence, int nameLength) {
        return """
                package x;
                import %s.persistence.*;
                import java.math.BigDecimal;
                import java.time.Instant;
                @Entity
                public class Event {
                    @Id private Long id;
                    private Instant at;
                    private BigDecimal amount;
                    @Enumerated private Kind kind;
                    @Column(length = %d) private String name;
                    public enum Kind { A, B }
                }
                """.formatted(persistence, nameLength);
    }

    private static List<String> upgrade(String before, String after, boolean checkedDecides) {
        var was = MemorySnapshot.of("src/Event.java", before);
        var now = MemorySnapshot.of("src/Event.java", after);
        var reader = new JpaEntityReader(JpaNaming.SPRING);
        Set<String> paths = Set.of("src/Event.java");
        List<Table> b = checkedDecides ? reader.tables(was, paths, Dialect.POSTGRES, now).items()
                : reader.tables(was, paths, Dialect.POSTGRES).items();
        List<Table> a = checkedDecides ? reader.tables(now, paths, Dialect.POSTGRES, now).items()
                : reader.tables(now, paths, Dialect.POSTGRES).items();
        return PhysicalDiff.diff(
                PhysicalSchema.of(Dialect.POSTGRES, b, List.of(), List.of()),
                PhysicalSchema.of(Dialect.POSTGRES, a, List.of(), List.of()))
                .changes().stream().map(PhysicalDiff.Change::message).toList();
    }

    @Test
    void anUpgradeFromJavaxToJakartaIsNoSchemaChangeWhenTheCheckedCommitsHibernateMapsBothSides() {
        // Read each side by its own imports, Hibernate 5 and 6 type three of these fields otherwise: the false alarm.
        assertEquals(3, upgrade(event("javax", 100), event("jakarta", 100), false).size());
        assertEquals(List.of(), upgrade(event("javax", 100), event("jakarta", 100), true));
        assertEquals(List.of("column \"event\".\"name\": varchar(100) NULL -> varchar(200) NULL"),
                upgrade(event("javax", 100), event("jakarta", 200), true));
    }

    @Test
    void aGetterMarkedPropertyAccessInAFieldAccessClassIsTheAttributeInPlaceOfItsField() {
        String base = """
                package app;
                import jakarta.persistence.*;
                @MappedSuperclass
                @Access(AccessType.FIELD)
                public abstract class Base {
                    protected static final int USERNAME_LENGTH = 64;
                    @Id private Long id;
                    private String createdBy;
                    @Access(AccessType.PROPERTY)
                    @Column(name = "created_by", nullable = false, length = USERNAME_LENGTH)
                    public String getCreatedBy() { return createdBy; }
                    public void setCreatedBy(String by) { createdBy = by; }
                }
                """;
        String entity = """
                package app;
                import jakarta.persistence.*;
                @Entity @Table(name = "sp_target")
                public class Target extends Base {
                    private String name;
                }
                """;
        var snapshot = MemorySnapshot.of("src/app/Base.java", base, "src/app/Target.java", entity);
        Table target = table(new JpaEntityReader(JpaNaming.SPRING).tables(snapshot, Set.copyOf(snapshot.paths()),
                Dialect.POSTGRES).items(), "sp_target");
        assertEquals(List.of("id bigint NOT NULL", "created_by varchar(64) NOT NULL", "name varchar(255) NULL"),
                columns(target));
    }

    /**
     * ORCID's dates: an embeddable extends another and overrides its getters with columns of its own; the overriding
     * getter maps the property, so the columns the overridden getters name are no columns of the table.
     */
    @Test
    void aGetterOverridingOneOfTheEmbeddableItExtendsMapsThePropertyInItsPlace() {
        String fuzzy = """
                package app;
                import jakarta.persistence.*;
                @Embeddable
                public class FuzzyDate {
                    private Integer year;
                    @Column(name = "fuzzy_year")
                    public Integer getYear() { return year; }
                    public void setYear(Integer year) { this.year = year; }
                }
                """;
        String start = """
                package app;
                import jakarta.persistence.*;
                @Embeddable
                public class StartDate extends FuzzyDate {
                    @Override
                    @Column(name = "start_year")
                    public Integer getYear() { return super.getYear(); }
                    @Override
                    public void setYear(Integer year) { super.setYear(year); }
                }
                """;
        String grant = """
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Grant {
                    private Long id;
                    private StartDate startDate;
                    @Id
                    public Long getId() { return id; }
                    public void setId(Long id) { this.id = id; }
                    public StartDate getStartDate() { return startDate; }
                    public void setStartDate(StartDate startDate) { this.startDate = startDate; }
                }
                """;
        var snapshot = MemorySnapshot.of("src/app/FuzzyDate.java", fuzzy, "src/app/StartDate.java", start,
                "src/app/Grant.java", grant);
        Table t = table(new JpaEntityReader(JpaNaming.SPRING).tables(snapshot, Set.copyOf(snapshot.paths()),
                Dialect.POSTGRES).items(), "grant");
        assertEquals(List.of("id bigint NOT NULL", "start_year integer NULL"), columns(t));
    }

    /** A field given a value where it is declared is never null, whether JPA reads it or the getter returning it. */
    @Test
    void aGetterReturningAFieldGivenAValueWhereItIsDeclaredNeverWritesNull() {
        String type = """
                package app;
                import jakarta.persistence.*;
                @Entity
                public class IdType {
                    private Long id;
                    private Boolean deprecated = Boolean.FALSE;
                    private Boolean caseSensitive;
                    @Id
                    public Long getId() { return id; }
                    public void setId(Long id) { this.id = id; }
                    @Column(name = "id_deprecated")
                    public Boolean getIsDeprecated() { return deprecated; }
                    public void setIsDeprecated(Boolean d) { deprecated = d; }
                    @Column(name = "case_sensitive")
                    public Boolean getCaseSensitive() { return this.caseSensitive; }
                    public void setCaseSensitive(Boolean c) { caseSensitive = c; }
                }
                """;
        var snapshot = MemorySnapshot.of("src/app/IdType.java", type);
        Table t = table(new JpaEntityReader(JpaNaming.SPRING).tables(snapshot, Set.copyOf(snapshot.paths()),
                Dialect.POSTGRES).items(), "id_type");
        assertTrue(t.column(Dialect.POSTGRES, "id_deprecated").leeway().contains(Column.Leeway.NEVER_NULL));
        assertFalse(t.column(Dialect.POSTGRES, "case_sensitive").leeway().contains(Column.Leeway.NEVER_NULL),
                "nothing gives it a value");
    }

    private static List<Table> tables() {
        var snapshot = MemorySnapshot.of("src/Owner.java", OWNER, "src/Address.java", ADDRESS, "src/Status.java", STATUS,
                "src/Tag.java", TAG, "src/Pet.java", PET, "src/Vehicle.java", VEHICLE, "src/Truck.java", TRUCK,
                "src/Account.java", ACCOUNT, "src/Savings.java", SAVINGS, "src/LegacyEvent.java", LEGACY);
        ReadResult<Table> result = new JpaEntityReader(JpaNaming.SPRING)
                .tables(snapshot, Set.copyOf(snapshot.paths()), Dialect.POSTGRES);
        assertTrue(result.problems().isEmpty(), () -> "problems: " + result.problems());
        return result.items();
    }

    private static Table table(List<Table> tables, String name) {
        for (Table t : tables) if (t.name().equals(name)) return t;
        throw new AssertionError("no table " + name + " among " + tables.stream().map(Table::name).toList());
    }

    /** {@code name type NULL|NOT NULL [generated] [UNIQUE]}, in declaration order. */
    private static List<String> columns(Table t) {
        List<String> out = new ArrayList<>();
        for (Column c : t.columns()) {
            StringBuilder b = new StringBuilder(c.name()).append(' ')
                    .append(c.type() == null ? "?" : c.type().display()).append(' ')
                    .append(Boolean.TRUE.equals(c.nullable()) ? "NULL" : "NOT NULL");
            if (c.generated().kind() != dev.migrationguard.model.schema.Generated.Kind.NONE) {
                b.append(' ').append(c.generated().display());
            }
            if (Boolean.TRUE.equals(c.unique())) b.append(" UNIQUE");
            out.add(b.toString());
        }
        return out;
    }

    private static String fk(ForeignKey f) {
        return f.columns() + " -> " + (f.referencedSchema() == null ? "" : f.referencedSchema() + ".")
                + f.referencedTable() + f.referencedColumns();
    }

    @Test
    void entityTableHasResolvedColumnsKeysIndexesAndUniques() {
        Table owners = table(tables(), "owners");
        assertEquals("crm", owners.schema());
        assertEquals(List.of(
                "id bigint NOT NULL GENERATED BY DEFAULT AS IDENTITY",
                "email varchar(255) NULL",
                "first_name varchar(255) NULL",
                "last_name varchar(255) NULL",
                "home_street varchar(100) NULL",
                "city varchar(255) NULL",
                "version integer NOT NULL",
                "status varchar(255) NULL"), columns(owners));
        assertEquals(List.of("id"), owners.primaryKey().columns());
        assertEquals("idx_owner_email", owners.indexes().get(0).name());
        assertEquals(List.of("email"), owners.indexes().get(0).columns());
        assertTrue(owners.indexes().get(0).unique());
        assertEquals(List.of("first_name", "last_name"), owners.uniques().get(0).columns());
        assertEquals(12, owners.columns().get(0).location().line(), "the column is located at its field");
    }

    @Test
    void collectionJoinAndSecondaryTablesReferenceTheOwnersKey() {
        List<Table> tables = tables();
        Table nickNames = table(tables, "owner_nick_names");
        assertEquals(List.of("owner_id bigint NOT NULL", "nick_names varchar(255) NULL"), columns(nickNames));
        assertEquals(List.of("owner_id", "nick_names"), nickNames.primaryKey().columns());
        assertEquals("[owner_id] -> crm.owners[id]", fk(nickNames.foreignKeys().get(0)));

        Table tags = table(tables, "owners_tags");
        assertEquals(List.of("owner_id bigint NOT NULL", "tags_id integer NOT NULL"), columns(tags));
        assertEquals(List.of("owner_id", "tags_id"), tags.primaryKey().columns());
        assertEquals(List.of("[owner_id] -> crm.owners[id]", "[tags_id] -> tag[id]"),
                tags.foreignKeys().stream().map(JpaTablesTest::fk).toList());

        Table details = table(tables, "owner_details");
        assertEquals(List.of("id bigint NOT NULL", "bio text NULL"), columns(details));
        assertEquals(List.of("id"), details.primaryKey().columns());
        assertEquals("[id] -> crm.owners[id]", fk(details.foreignKeys().get(0)));
    }

    @Test
    void toOneColumnsTakeTheTargetsIdTypeAndReferenceItsTable() {
        Table pet = table(tables(), "pet");
        assertEquals(List.of("id uuid NOT NULL", "owner_id bigint NOT NULL", "chip integer NULL UNIQUE"), columns(pet));
        assertEquals(List.of("[owner_id] -> crm.owners[id]", "[chip] -> tag[id]"),
                pet.foreignKeys().stream().map(JpaTablesTest::fk).toList());
    }

    @Test
    void inheritanceSingleTableAndJoined() {
        List<Table> tables = tables();
        assertEquals(List.of("dtype varchar(31) NOT NULL", "id bigint NOT NULL", "payload integer NULL"),
                columns(table(tables, "vehicle")).stream().sorted().toList());
        assertTrue(tables.stream().noneMatch(t -> t.name().equals("truck")), "a single-table subclass has no table");

        Table savings = table(tables, "savings");
        assertEquals(List.of("account_no varchar(255) NOT NULL", "rate numeric(38,2) NULL"), columns(savings));
        assertEquals(List.of("account_no"), savings.primaryKey().columns());
        assertEquals("[account_no] -> account[account_no]", fk(savings.foreignKeys().get(0)));
    }

    @Test
    void javaxEntitiesAreTypedAsHibernateFive() {
        Table legacy = table(tables(), "legacy_event");
        assertEquals(List.of("id bigint NOT NULL", "at timestamp NULL", "amount double precision NULL"), columns(legacy));
    }

    @Test
    void subselectEntityOwnsNothingAndAViewEntityIsAView() {
        String stats = """
                package com.example;
                import jakarta.persistence.*;
                import org.hibernate.annotations.*;
                @jakarta.persistence.Entity
                @Subselect("select 1 as id")
                public class Stats { @jakarta.persistence.Id private Long id; }
                """;
        String totals = """
                package com.example;
                import jakarta.persistence.*;
                import org.hibernate.annotations.View;
                @Entity
                @View(query = "SELECT owner_id, COUNT(*) AS pets FROM pet GROUP BY owner_id")
                public class PetTotals { @Id private Long ownerId; }
                """;
        var snapshot = MemorySnapshot.of("src/Stats.java", stats, "src/PetTotals.java", totals);
        List<Table> tables = new JpaEntityReader(JpaNaming.SPRING)
                .tables(snapshot, Set.copyOf(snapshot.paths()), Dialect.POSTGRES).items();
        assertEquals(1, tables.size());
        Table view = tables.get(0);
        assertEquals("pet_totals", view.name());
        assertTrue(view.view());
        assertNotNull(view.viewDefinition());
        assertNull(view.primaryKey());
    }
}
